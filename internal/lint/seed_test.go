package lint_test

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/cli"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/schema"
)

// TestSeedTrainGuide: the snapshot written literally from seed 001 (a
// Train install guide, testdata/seeds/seed-001/README.md) raises no
// unknown-option warning, is checked against a release whose option set
// Train shares, and whatever it says of deprecated options holds in Train:
// each option SL-HYG-003 or SL-HYG-016 names is deprecated (or deprecated
// for removal) in Train's schema.
func TestSeedTrainGuide(t *testing.T) {
	doc, _ := lintJSON(t, filepath.Join(testdata, "seeds", "seed-001"))
	noUnknownOption(t, doc, "the Train guide")
	if deprecationsHold(t, doc, "train") == 0 {
		t.Error("nothing said of use_neutron and firewall_driver, which Train deprecated for removal")
	}
	for _, e := range doc.Releases {
		if !slices.Contains([]string{"stein", "train"}, e.Release) && !strings.HasPrefix(e.Why, "set by") {
			t.Errorf("%s checked against %s: %s", e.Service, e.Release, e.Why)
		}
	}
}

// TestSeedNeutronGuide: seed 000 is neutron's RDO install guide as printed
// from Train to Yoga (testdata/seeds/seed-000/README.md). Every option it
// sets is read by all six releases (neutron and nova sources at train-eol
// and 20.0.0), so nothing is unknown or deprecated, and each service is
// checked against a release its files fit no worse than Train..Yoga.
func TestSeedNeutronGuide(t *testing.T) {
	doc, _ := lintJSON(t, filepath.Join(testdata, "seeds", "seed-000"))
	noUnknownOption(t, doc, "the Train..Yoga neutron guide")
	if n := deprecationsHold(t, doc, "train"); n != 0 {
		t.Errorf("%d deprecation findings on a guide whose options Train..Yoga all read", n)
	}
	guide := []string{"train", "ussuri", "victoria", "wallaby", "xena", "yoga"}
	for _, e := range doc.Releases {
		if e.BelowOldest || !slices.Contains(e.Fits, e.Release) {
			t.Errorf("%s checked against %s (below oldest %v, fits %v): %s", e.Service, e.Release, e.BelowOldest, e.Fits, e.Why)
		}
		for _, r := range guide {
			if !slices.Contains(e.Fits, r) {
				t.Errorf("%s: %s, a release this guide is for, is not among those its files fit: %v", e.Service, r, e.Fits)
			}
		}
	}
	if len(doc.Releases) != 2 {
		t.Errorf("releases for neutron and nova expected, got %+v", doc.Releases)
	}
	t.Run("controller runs neutron-server", func(t *testing.T) {
		// The guide starts neutron-server on the controller (line 246); the
		// controller's neutron.conf [database] connection is the one it reads.
		// Its enabled units (the wants links of lines 246-253) say so.
		if f := findingOn(doc.Findings, "SL-PASS-016", "controller"); f != nil {
			t.Error("false finding: SL-PASS-016 says the controller runs no neutron-server: " + f.Message)
		}
	})
}

// TestSeedIcehouseGuide: seed 003 is the Icehouse guide's Networking chapter
// (testdata/seeds/seed-003/README.md). Its files are older than every
// schema: each service is reported below the oldest, no option Icehouse
// reads (neutron, nova and python-keystoneclient sources at icehouse-eol and
// 0.8.0) is called unknown, and the deprecations it names are Stein's
// (auth_uri since Queens; linuxnet_interface_driver and firewall_driver
// since 16.0.0, removed in Ussuri).
func TestSeedIcehouseGuide(t *testing.T) {
	doc, _ := lintJSON(t, filepath.Join(testdata, "seeds", "seed-003"))
	noUnknownOption(t, doc, "the Icehouse guide")
	deprecationsHold(t, doc, "stein")
	got := deprecated(doc.Findings)
	want := []string{"neutron.conf [keystone_authtoken] auth_uri", "nova.conf [DEFAULT] firewall_driver", "nova.conf [DEFAULT] linuxnet_interface_driver"}
	if !slices.Equal(got, want) {
		t.Errorf("deprecated options %v, want %v", got, want)
	}
	services := map[string]bool{}
	for _, e := range doc.Releases {
		services[e.Service] = true
		if !e.BelowOldest {
			t.Errorf("%s of the Icehouse guide checked against %s as its own release: %s", e.Service, e.Release, e.Why)
		}
	}
	if !services["neutron"] || !services["nova"] {
		t.Errorf("releases for neutron and nova expected, got %+v", doc.Releases)
	}
	t.Run("neutron-server only on the controller", func(t *testing.T) {
		// neutron-server runs on the controller (line 141); compute1's
		// neutron.conf serves the OVS agent, which sends no port events.
		// The controller's chkconfig start links (line 142) place the
		// server, so compute1's files alone no longer make it one.
		if f := findingOn(doc.Findings, "SL-NET-017", "compute1"); f != nil {
			t.Error("false finding: SL-NET-017 takes compute1 for a neutron-server node: " + f.Message)
		}
	})
	t.Run("qpid options gone before oslo.messaging 9.0.0", func(t *testing.T) {
		// qpid_hostname left oslo.messaging with the qpid driver in 4.0.0
		// (Mitaka); only rpc_backend lasted until 9.0.0.
		for _, f := range doc.Findings {
			if f.Rule == "SL-MQ-004" && strings.Contains(f.Message, "qpid_hostname") && strings.Contains(f.Message, "removed in oslo.messaging 9.0.0") {
				t.Errorf("SL-MQ-004 dates the removal of qpid_hostname to oslo.messaging 9.0.0 (it went in 4.0.0): %s", f.Message)
			}
		}
	})
}

// TestSeedMitakaBlog: seed 004 shows only linuxbridge_agent.ini from a
// Mitaka deployment (testdata/seeds/seed-004/README.md). Its four options
// are read by Mitaka (neutron mitaka-eol) and by every release from Stein
// to 2024.2 alike, so nothing is unknown or deprecated, and the files are
// checked against the oldest schema or called older than it.
func TestSeedMitakaBlog(t *testing.T) {
	doc, _ := lintJSON(t, filepath.Join(testdata, "seeds", "seed-004"))
	noUnknownOption(t, doc, "the Mitaka blog")
	if n := deprecationsHold(t, doc, "stein"); n != 0 {
		t.Errorf("%d deprecation findings on options Mitaka and Stein read alike", n)
	}
	if len(doc.Releases) != 1 || doc.Releases[0].Service != "neutron" {
		t.Fatalf("one release for neutron expected, got %+v", doc.Releases)
	}
	e := doc.Releases[0]
	if !e.BelowOldest && e.Release != "stein" {
		t.Errorf("the Mitaka files checked against %s: %s", e.Release, e.Why)
	}
	if slices.Contains(e.Fits, "2025.1") {
		t.Errorf("2025.1 has no linuxbridge agent, yet fits: %v", e.Fits)
	}
	// Mitaka's agent falls back to the noop firewall without
	// [securitygroup] firewall_driver (securitygroups_rpc.py:97), and the
	// post does not show one.
	for _, node := range []string{"controller", "compute1"} {
		if findingOn(doc.Findings, "SL-NET-009", node) == nil {
			t.Errorf("no SL-NET-009 on %s, whose linuxbridge agent has no firewall_driver", node)
		}
	}
}

// TestSeedPackstackNotes: seed 002 shows only Packstack's keystonerc_admin
// and a copy of it, demo_rc, in root's home (testdata/seeds/seed-002/README.md):
// one node of two rc files. Nothing tells a release; the only finding is
// demo_rc's admin project (SL-RC-007, info), and the admin password the
// post prints never appears in any output format.
func TestSeedPackstackNotes(t *testing.T) {
	dir := filepath.Join(testdata, "seeds", "seed-002")
	doc, code := lintJSON(t, dir)
	if code != 0 || len(doc.Findings) != 1 || doc.Findings[0].Rule != "SL-RC-007" || doc.Findings[0].Locations[0].Path != "localhost/root/demo_rc" ||
		doc.Findings[0].Locations[0].Node != "localhost" || len(doc.Releases) != 0 {
		t.Errorf("exit %d, findings %+v, releases %+v", code, doc.Findings, doc.Releases)
	}
	if doc.Summary["files"] != 2 || doc.Summary["nodes"] != 1 {
		t.Errorf("want keystonerc_admin and demo_rc read on node localhost: %v", doc.Summary)
	}
	const password = "8cbcacb658684041" // seed 002 line 325
	for _, format := range []string{"text", "json", "sarif", "junit", "github"} {
		var out, errb bytes.Buffer
		cli.Execute(context.Background(), []string{"--verbose", "--format", format, dir}, cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
		if strings.Contains(out.String()+errb.String(), password) {
			t.Errorf("%s output prints keystonerc_admin's OS_PASSWORD", format)
		}
	}
	var out, errb bytes.Buffer
	cli.Execute(context.Background(), []string{"inspect", "--format", "json", dir}, cli.BuildInfo{}, cli.IO{Out: &out, Err: &errb})
	if !strings.Contains(out.String(), "keystonerc_admin") || strings.Contains(out.String()+errb.String(), password) {
		t.Errorf("inspect: rc file missing or its password printed:\n%s%s", out.String(), errb.String())
	}
}

// noUnknownOption fails on every SL-HYG-002 finding: the seeds' options are
// all read by their guide's release (each README names the sources).
func noUnknownOption(t *testing.T, doc jsonOut, guide string) {
	t.Helper()
	for _, f := range doc.Findings {
		if f.Rule == "SL-HYG-002" && f.Severity != "info" {
			t.Errorf("unknown option on %s: %s", guide, f.Message)
		}
	}
}

// deprecationsHold checks that each option SL-HYG-003 or SL-HYG-016 names
// is deprecated (or deprecated for removal) in release's schema, and
// returns how many such findings there are.
func deprecationsHold(t *testing.T, doc jsonOut, release string) int {
	t.Helper()
	s, err := schema.Load(release)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, f := range doc.Findings {
		if f.Rule != "SL-HYG-003" && f.Rule != "SL-HYG-016" {
			continue
		}
		n++
		l := f.Locations[0]
		kind := model.SchemaKind(filepath.Base(l.Path))
		v := s.Resolve(kind, l.Section, l.Key, "")
		if v.Status != schema.Deprecated && (v.Opt == nil || v.Opt.Removal == 0) {
			t.Errorf("%s says %s [%s] %s is deprecated, which %s does not (%s)", f.Rule, kind, l.Section, l.Key, release, v.Status)
		}
	}
	return n
}

// deprecated lists the distinct "kind [section] key" SL-HYG-003 and
// SL-HYG-016 name, sorted.
func deprecated(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == "SL-HYG-003" || f.Rule == "SL-HYG-016" {
			l := f.Locations[0]
			out = append(out, filepath.Base(l.Path)+" ["+l.Section+"] "+l.Key)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// findingOn returns the first finding of rule located on node, or nil.
func findingOn(fs []finding.Finding, rule, node string) *finding.Finding {
	for i, f := range fs {
		if f.Rule == rule && slices.ContainsFunc(f.Locations, func(l finding.Location) bool { return l.Node == node }) {
			return &fs[i] // its own finding, or one folded with other nodes'
		}
	}
	return nil
}
