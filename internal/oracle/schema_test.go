package oracle

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/internal/snapshot"
	osloparser "github.com/stacklint/stacklint/parser/oslo"
)

// oracleKinds are the file kinds oslo_dump.py --kind knows.
var oracleKinds = map[string]bool{
	"nova.conf": true, "neutron.conf": true, "ml2_conf.ini": true, "linuxbridge_agent.ini": true,
	"openvswitch_agent.ini": true, "l3_agent.ini": true, "dhcp_agent.ini": true, "metadata_agent.ini": true,
	"keystone.conf": true, "glance-api.conf": true, "placement.conf": true,
}

// TestSchemaMatchesOsloConfig is the differential test of the option
// schema: for every corpus file of a kind above, the keys stacklint calls
// unknown, deprecated and invalid under the Zed schema must be the keys
// oslo.config (Debian 12's Zed packages, through oslo_dump.py --kind) calls
// unknown, deprecated and error, except the documented cases of
// testdata/schema_exceptions.txt where oslo.config is wrong about what the
// service reads.
func TestSchemaMatchesOsloConfig(t *testing.T) {
	root, sch, byKind := zedCorpus(t)
	exceptions := loadExceptions(t)
	files, diffs, counts := 0, 0, map[string]int{}
	for _, kind := range sortedKinds(byKind) {
		for path, want := range runSchemaOracle(t, filepath.Join(root, "upstream", "oslo_dump.py"), kind, byKind[kind]) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := osloparser.Parse(data)
			if err != nil || want == nil {
				continue // unparseable: the parser's differential test covers it
			}
			files++
			got := model.SchemaStatus(sch, kind, f)
			for _, d := range compareStatus(got, want) {
				counts[d.got]++
				if exceptions[exceptionKey(path, d.section, d.key)] || exceptions[exceptionKey(path, d.section, "*")] {
					continue
				}
				diffs++
				t.Errorf("%s [%s] %s: stacklint %s, oslo.config %s", path, d.section, d.key, d.got, d.want)
			}
			for _, st := range got {
				counts["all "+st]++
			}
		}
	}
	t.Logf("%d files of %d kinds compared with oslo.config --kind under zed, %d differences; stacklint's verdicts: %v", files, len(byKind), diffs, counts)
	if files < 100 {
		t.Errorf("only %d files compared", files)
	}
}

type statusDiff struct{ section, key, got, want string }

// compareStatus lists the keys whose verdicts differ (oslo's "error" is
// stacklint's "invalid").
func compareStatus(got map[[2]string]string, want map[string]map[string]string) []statusDiff {
	var out []statusDiff
	for sk, g := range got {
		w := want[sk[0]][sk[1]]
		if w == "error" {
			w = "invalid"
		}
		if w == "" {
			w = "(absent)"
		}
		if g != w {
			out = append(out, statusDiff{sk[0], sk[1], g, w})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].section+out[i].key < out[j].section+out[j].key })
	return out
}

func runSchemaOracle(t *testing.T, dump, kind string, files []string) map[string]map[string]map[string]string {
	res := map[string]map[string]map[string]string{}
	for path, line := range runKindOracle(t, dump, kind, files) {
		if line == nil {
			res[path] = nil
			continue
		}
		res[path] = line.Resolved
	}
	return res
}

// kindLine is one run of testdata/schema_batch.py.
type kindLine struct {
	Path      string
	RC        int
	Resolved  map[string]map[string]string
	Effective map[string]map[string]any
}

// runKindOracle runs oslo_dump.py --kind KIND (and extra arguments) once
// per run (tab-separated paths, loaded in order): by run, its output, nil
// when oslo.config failed to load the files.
func runKindOracle(t *testing.T, dump, kind string, runs []string, extra ...string) map[string]*kindLine {
	res := map[string]*kindLine{}
	sc := batch(t, runs, append([]string{"testdata/schema_batch.py", dump, kind}, extra...)...)
	for sc.Scan() {
		line := &kindLine{}
		if err := json.Unmarshal(sc.Bytes(), line); err != nil {
			t.Fatal(err)
		}
		res[line.Path] = line
		if line.RC != 0 {
			res[line.Path] = nil
		}
	}
	return res
}

// zedCorpus skips unless Debian's Zed services are installed and returns
// ../shared, the Zed schema and the corpus files of every kind oslo_dump.py
// --kind knows, by kind.
func zedCorpus(t *testing.T) (root string, sch *schema.Schema, byKind map[string][]string) {
	t.Helper()
	root = shared(t)
	if err := exec.Command(python, "-c", "import nova, neutron, keystone, glance, placement").Run(); err != nil {
		t.Skip("the Zed service packages are not installed (make corpus installs them)")
	}
	sch, err := schema.Load("zed")
	if err != nil {
		t.Fatal(err)
	}
	byKind = map[string][]string{}
	for _, f := range corpusINIFiles(t, filepath.Join(root, "corpus")) {
		if k := model.SchemaKind(snapshot.ClassifyFile(f)); oracleKinds[k] {
			byKind[k] = append(byKind[k], f)
		}
	}
	return root, sch, byKind
}

func sortedKinds(m map[string][]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// loadExceptions reads testdata/schema_exceptions.txt: "path-suffix
// [section] key  # why" lines, where oslo.config's registry is not what
// the service reads.
func loadExceptions(t *testing.T) map[string]bool {
	out := map[string]bool{}
	b, err := os.ReadFile("testdata/schema_exceptions.txt")
	if err != nil {
		return out
	}
	for _, line := range strings.Split(string(b), "\n") {
		line, _, _ = strings.Cut(line, "#")
		var suffix, section, key string
		if n, _ := fmt.Sscanf(strings.TrimSpace(line), "%s [%s %s", &suffix, &section, &key); n == 3 {
			out[suffix+"|"+strings.TrimSuffix(section, "]")+"|"+key] = true
		}
	}
	return out
}

func exceptionKey(path, section, key string) string {
	parts := strings.Split(filepath.ToSlash(path), "/corpus/")
	return parts[len(parts)-1] + "|" + section + "|" + key
}
