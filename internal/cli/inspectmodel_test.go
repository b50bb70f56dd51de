package cli

import (
	"archive/tar"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const modelDeployment = "../../testdata/deployments/modern-linuxbridge"

// TestInspectModel: inspect --model prints the model as JSON with
// model_version, the release asked for, params and defaults, the same
// bytes twice, and no absolute path.
func TestInspectModel(t *testing.T) {
	code, out, errs := run(t, "inspect", "--model", "--release", "2023.2", modelDeployment)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if doc["model_version"] != float64(1) {
		t.Errorf("model_version = %v", doc["model_version"])
	}
	if rel, _ := doc["release"].(map[string]any); rel["name"] != "2023.2" || rel["source"] != "--release" {
		t.Errorf("release = %v, want 2023.2 from --release", rel)
	}
	for _, k := range []string{"nodes", "index", "params", "defaults", "owners"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("no %s", k)
		}
	}
	if _, again, _ := run(t, "inspect", "--model", "--release", "2023.2", modelDeployment); again != out {
		t.Error("two runs print different documents")
	}
	if strings.Contains(out, "testdata/deployments") {
		t.Error("the document holds the snapshot's location")
	}
}

// TestInspectModelRefuses: --show-secrets and --effective do not go with
// --model, --config needs it, and --model needs a snapshot folder: usage
// errors (exit 2) with one line saying why.
func TestInspectModelRefuses(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"inspect", "--model", "--show-secrets", modelDeployment}, "--show-secrets does not apply"},
		{[]string{"inspect", "--model", "--effective", modelDeployment}, "--model and --effective"},
		{[]string{"inspect", "--config", "none", modelDeployment}, "--config applies to --model only"},
		{[]string{"inspect", "--model", modelDeployment + "/controller/etc/nova/nova.conf"}, "is not a snapshot folder or archive"},
		{[]string{"inspect", "--model", "--release", "nosuch", modelDeployment}, "--release"},
		{[]string{"inspect", "--model", "--timeout", "1ns", modelDeployment}, "--timeout"},
	} {
		code, out, errs := run(t, tc.args...)
		if code != ExitUsage || out != "" || !strings.Contains(errs, tc.want) || strings.Count(strings.TrimSpace(errs), "\n") > 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 2 saying %q", tc.args, code, out, errs, tc.want)
		}
	}
}

// TestInspectModelArchive: a sos report archive is a snapshot for --model
// as for lint (here one archive holding three reports): layout sos-report.
func TestInspectModelArchive(t *testing.T) {
	src := "../../testdata/deployments/sos-linuxbridge"
	dst := filepath.Join(t.TempDir(), "sosreport-compute1.tar")
	f, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	tw := tar.NewWriter(f)
	if err := tw.AddFS(os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(tw.Close(), f.Close()); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "inspect", "--model", dst)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var doc struct {
		Nodes map[string]struct {
			Layout string `json:"layout"`
		} `json:"nodes"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Nodes) == 0 {
		t.Fatal("no node")
	}
	for name, n := range doc.Nodes {
		if n.Layout != "sos-report" {
			t.Errorf("%s: layout %q", name, n.Layout)
		}
	}
}
