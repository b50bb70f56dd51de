package lint_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/finding"
)

// dbOnCompute is a fault of every compute node's nova.conf: database
// credentials nova-compute does not use (SL-PASS-016, one per node).
const dbOnCompute = "\n[database]\nconnection = mysql+pymysql://nova:Nd3c-nova-db@controller/nova\n"

// addCompute adds a compute node to a modern-linuxbridge copy: compute2's
// files (and faults) at another address, known to every node's /etc/hosts.
func addCompute(t *testing.T, dir, name, ip string) {
	t.Helper()
	copyTree(t, filepath.Join(dir, "compute2"), filepath.Join(dir, name))
	for _, f := range []string{"etc/nova/nova.conf", "etc/neutron/plugins/ml2/linuxbridge_agent.ini", "etc/sysconfig/network-scripts/ifcfg-eth0"} {
		p := filepath.Join(dir, name, f)
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, strings.ReplaceAll(string(b), "10.0.0.32", ip))
	}
	writeFile(t, filepath.Join(dir, name, "etc/hostname"), name+"\n")
	hosts, _ := filepath.Glob(filepath.Join(dir, "*", "etc", "hosts"))
	for _, h := range hosts {
		appendFile(t, h, ip+" "+name+"\n")
	}
}

// fleetFault is the SL-PASS-016 findings of a run: exactly one expected.
func fleetFault(t *testing.T, doc lintDoc, nodes int) finding.Finding {
	t.Helper()
	var got []finding.Finding
	for _, f := range doc.Findings {
		if f.Rule == "SL-PASS-016" {
			got = append(got, f)
		}
	}
	if len(got) != 1 || len(got[0].Locations) != nodes {
		t.Fatalf("SL-PASS-016: %d findings, want 1 on %d nodes: %+v", len(got), nodes, got)
	}
	return got[0]
}

// TestBaselineKeepsFleetFault: a baseline written on three compute nodes
// with the same fault (one folded finding, compute1 leading) still
// accepts it when compute0 joins with the fault and leads, when compute0
// and compute1 leave, and when one node is left: the folded finding's
// fingerprint is the fleet's, whichever nodes hold it (issue 17). On the
// code before, compute2 and compute3 folded into a new finding even on the
// unchanged snapshot, as the baseline accepted compute1's alone.
func TestBaselineKeepsFleetFault(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "snapshot")
	copyTree(t, filepath.Join(testdata, "deployments", "modern-linuxbridge"), dir)
	for _, n := range []string{"compute1", "compute2"} {
		appendFile(t, filepath.Join(dir, n, "etc/nova/nova.conf"), dbOnCompute)
	}
	addCompute(t, dir, "compute3", "10.0.0.33")
	doc, _, _ := lintDemo(t, dir)
	first := fleetFault(t, doc, 3)
	base := filepath.Join(t.TempDir(), "baseline.json")
	if _, code, stderr := lintDemo(t, dir, "--write-baseline", base); code != 0 {
		t.Fatalf("--write-baseline: exit %d: %s", code, stderr)
	}
	check := func(step string, nodes int, lead string) {
		t.Helper()
		doc, code, stderr := lintDemo(t, dir, "--baseline", base, "--fail-level", "info")
		f := fleetFault(t, doc, nodes)
		if code != 0 || f.Suppressed == nil || f.Locations[0].Node != lead {
			t.Errorf("%s: exit %d (%s), led by %s, suppressed %v; want exit 0 and it suppressed, led by %s:\n%s",
				step, code, stderr, f.Locations[0].Node, f.Suppressed, lead, f.Message)
		}
		if nodes > 1 && f.Fingerprint != first.Fingerprint {
			t.Errorf("%s: fingerprint %s, was %s (SARIF partialFingerprints)", step, f.Fingerprint, first.Fingerprint)
		}
	}
	check("unchanged", 3, "compute1")
	addCompute(t, dir, "compute0", "10.0.0.30")
	check("compute0 added", 4, "compute0")
	for _, n := range []string{"compute0", "compute1"} {
		if err := os.RemoveAll(filepath.Join(dir, n)); err != nil {
			t.Fatal(err)
		}
	}
	check("compute0 and compute1 removed", 2, "compute2")
	if err := os.RemoveAll(filepath.Join(dir, "compute2")); err != nil {
		t.Fatal(err)
	}
	check("compute3 alone", 1, "compute3")
}
