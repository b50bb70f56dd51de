package diff

import (
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
)

type settings = map[string]map[string]map[lint.SettingKey]lint.Setting

func written(v, file string, line int) lint.Setting {
	return lint.Setting{Value: v, Written: true, File: file, Line: line}
}

func def(v string) lint.Setting { return lint.Setting{Value: v, Default: "2024.1"} }

func opts(kv ...any) map[lint.SettingKey]lint.Setting {
	m := map[lint.SettingKey]lint.Setting{}
	for i := 0; i < len(kv); i += 2 {
		g, o, _ := strings.Cut(kv[i].(string), ".")
		m[lint.SettingKey{Group: g, Option: o}] = kv[i+1].(lint.Setting)
	}
	return m
}

// TestCompareOptionKinds: every kind of change, in (group, option) order;
// a value that only moves to another line or file is no change.
func TestCompareOptionKinds(t *testing.T) {
	old := &Input{Nodes: []string{"n"}, Settings: settings{"n": {"nova-api": opts(
		"DEFAULT.debug", written("false", "n/nova.conf", 3),
		"DEFAULT.moved", written("x", "n/nova.conf", 4),
		"DEFAULT.ratio", def("16.0"),
		"DEFAULT.same", written("keystone", "n/nova.conf", 5),
		"DEFAULT.back", written("60", "n/nova.conf", 6),
		"DEFAULT.gone", written("1", "n/nova.conf", 7),
		"api.file", written("y", "n/nova.conf", 8),
	)}}}
	new := &Input{Nodes: []string{"n"}, Settings: settings{"n": {"nova-api": opts(
		"DEFAULT.debug", written("true", "n/nova.conf", 3),
		"DEFAULT.moved", written("x", "n/nova.conf", 40),
		"DEFAULT.ratio", written("4.0", "n/nova.conf", 9),
		"DEFAULT.same", def("keystone"),
		"DEFAULT.back", def("30"),
		"DEFAULT.new", written("2", "n/nova.conf", 10),
		"api.file", written("y", "n/nova.conf.d/10.conf", 1),
	)}}}
	d := Compare(old, new)
	var got []string
	for _, c := range d.Options {
		got = append(got, c.Group+"."+c.Option+" "+c.Kind+" "+map[bool]string{true: "value", false: "source"}[c.ValueChanged])
	}
	want := []string{
		"DEFAULT.back written_to_default value",
		"DEFAULT.debug changed value",
		"DEFAULT.gone removed value",
		"DEFAULT.new added value",
		"DEFAULT.ratio default_to_written value",
		"DEFAULT.same written_to_default source",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if s := Describe(&d.Options[5]); s != "written → default, same value: keystone (n/nova.conf:5) → keystone (default of 2024.1)" {
		t.Errorf("Describe: %s", s)
	}
}

// TestCompareSecrets: a secret that changes is only ever shown as its
// fingerprints, never diffed by character, even when long; one that does
// not change is not reported.
func TestCompareSecrets(t *testing.T) {
	sec := func(v string, line int) lint.Setting {
		s := written(v, "n/nova.conf", line)
		s.Secret = true
		return s
	}
	old := &Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": opts(
		"neutron.metadata_proxy_shared_secret", sec("fp:aaaaaa", 3),
		"keystone_authtoken.password", sec("fp:cccccc", 4),
		"DEFAULT.transport_url", written("rabbit://openstack:fp:dddddd@controller:5672/with/a/long/enough/path/to/be/long", "n/nova.conf", 5),
	)}}}
	new := &Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": opts(
		"neutron.metadata_proxy_shared_secret", sec("fp:bbbbbb", 3),
		"keystone_authtoken.password", sec("fp:cccccc", 9),
		"DEFAULT.transport_url", written("rabbit://openstack:fp:eeeeee@controller:5672/with/a/long/enough/path/to/be/long", "n/nova.conf", 5),
	)}}}
	d := Compare(old, new)
	if len(d.Options) != 2 {
		t.Fatalf("want the secret and the URL changed, got %+v", d.Options)
	}
	for _, c := range d.Options {
		if c.Chars != nil {
			t.Errorf("%s diffed by character: %+v", c.Option, c.Chars)
		}
	}
	if s := Describe(&d.Options[1]); s != "changed (fp:aaaaaa → fp:bbbbbb) (n/nova.conf:3 → n/nova.conf:3)" {
		t.Errorf("secret: %s", s)
	}
}

// TestCompareLongValue: a long value that changes carries a character
// diff whose equal and deleted parts spell OLD and equal and inserted
// parts NEW; a short one does not.
func TestCompareLongValue(t *testing.T) {
	o := "ComputeFilter,AvailabilityZoneFilter,ComputeCapabilitiesFilter,ImagePropertiesFilter"
	n := "ComputeFilter,ComputeCapabilitiesFilter,ImagePropertiesFilter,ServerGroupAntiAffinityFilter"
	old := &Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": opts("f.long", written(o, "f", 1), "f.short", written("a", "f", 2))}}}
	new := &Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": opts("f.long", written(n, "f", 1), "f.short", written("b", "f", 2))}}}
	d := Compare(old, new)
	if len(d.Options) != 2 || d.Options[0].Chars == nil || d.Options[1].Chars != nil {
		t.Fatalf("%+v", d.Options)
	}
	var a, b strings.Builder
	for _, e := range d.Options[0].Chars {
		if e.Op != "insert" {
			a.WriteString(e.Text)
		}
		if e.Op != "delete" {
			b.WriteString(e.Text)
		}
	}
	if a.String() != o || b.String() != n {
		t.Errorf("edits spell %q and %q", a.String(), b.String())
	}
	var out strings.Builder
	if err := Text(&out, d, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "[-AvailabilityZoneFilter,-]") || !strings.Contains(out.String(), "{+,ServerGroupAntiAffinityFilter+}") {
		t.Errorf("text shows no inline character diff:\n%s", out.String())
	}
}

// TestCompareNodesAndProcesses: nodes added and removed by name (their
// options not listed); a process of a node on both sides added or
// removed is one line.
func TestCompareNodesAndProcesses(t *testing.T) {
	old := &Input{Nodes: []string{"a", "b"}, Settings: settings{
		"a": {"nova-api": opts("x.y", def("1")), "nova-conductor": opts("x.y", def("1"))},
		"b": {"nova-compute": opts("x.y", def("1"))},
	}}
	new := &Input{Nodes: []string{"a", "c"}, Settings: settings{
		"a": {"nova-api": opts("x.y", def("1")), "nova-scheduler": opts("x.y", def("1"))},
		"c": {"nova-compute": opts("x.y", def("2"))},
	}}
	d := Compare(old, new)
	if strings.Join(d.NodesAdded, ",") != "c" || strings.Join(d.NodesRemoved, ",") != "b" || len(d.Options) != 0 {
		t.Errorf("%+v", d)
	}
	if len(d.Processes) != 2 || d.Processes[0] != (ProcessChange{"a", "nova-conductor", Removed}) || d.Processes[1] != (ProcessChange{"a", "nova-scheduler", Added}) {
		t.Errorf("processes %+v", d.Processes)
	}
}

func fnd(rule, sev, path, msg, fp string) finding.Finding {
	return finding.Finding{Rule: rule, Severity: sev, Message: msg, Fingerprint: fp, Locations: []finding.Location{{Path: path, Line: 1}}}
}

// TestCompareFindings: findings match by fingerprint as a multiset (one
// of two equal findings fixed is reported fixed); suppressed findings
// count on neither side; Fails reads the introduced ones only.
func TestCompareFindings(t *testing.T) {
	sup := fnd("SL-C", "error", "c", "m", "c1")
	sup.Suppressed = &finding.Suppression{Kind: "config"}
	old := &Input{Findings: []finding.Finding{fnd("SL-A", "error", "a", "m", "a1"), fnd("SL-A", "error", "a", "m", "a1"), fnd("SL-B", "info", "b", "m", "b1")}}
	new := &Input{Findings: []finding.Finding{fnd("SL-A", "error", "a", "m", "a1"), fnd("SL-W", "warning", "w", "m", "w1"), sup}}
	d := Compare(old, new)
	if len(d.Introduced) != 1 || d.Introduced[0].Rule != "SL-W" {
		t.Errorf("introduced %+v", d.Introduced)
	}
	if len(d.Fixed) != 2 || d.Fixed[0].Rule != "SL-A" || d.Fixed[1].Rule != "SL-B" {
		t.Errorf("fixed %+v", d.Fixed)
	}
	for level, want := range map[string]bool{"error": false, "warning": true, "info": true, "none": false} {
		if d.Fails(level) != want {
			t.Errorf("Fails(%s) = %v", level, !want)
		}
	}
}

// TestKeyDependsOnBothSides: the diff's fingerprint key changes with
// either side's digest and with their order (OLD, NEW).
func TestKeyDependsOnBothSides(t *testing.T) {
	a, b, c := []byte("a"), []byte("b"), []byte("c")
	k := string(Key(a, b))
	if k == string(Key(a, c)) || k == string(Key(c, b)) || k == string(Key(b, a)) || k != string(Key(a, b)) {
		t.Error("Key does not depend on both digests in order")
	}
}

// TestCompareRelease: sides checked against different releases say so,
// in the text too; the same release says nothing.
func TestCompareRelease(t *testing.T) {
	if d := Compare(&Input{Release: "stein"}, &Input{Release: "stein"}); d.Release != nil {
		t.Errorf("same release: %+v", d.Release)
	}
	d := Compare(&Input{Release: "stein"}, &Input{Release: "2023.1"})
	var out strings.Builder
	if err := Text(&out, d, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if d.Release == nil || !strings.Contains(out.String(), "release stein → 2023.1: defaults are compared across releases") {
		t.Errorf("%+v\n%s", d.Release, out.String())
	}
}

// TestCompareFindingsAcrossLayouts: a finding at the same file of the
// same node matches when the two sides keep the node in different folders
// (two sos reports' dated folders), its message naming the path too.
func TestCompareFindingsAcrossLayouts(t *testing.T) {
	at := func(path string) finding.Finding {
		f := finding.Finding{Rule: "SL-POL-009", Severity: "info", Message: "policy in " + path + " repeats the default",
			Locations: []finding.Location{{Path: path, Node: "controller", Line: 3}}}
		f.Fingerprint = finding.Fingerprint(f)
		return f
	}
	a, b := "sosreport-controller-2026-11-30-abc/etc/nova/policy.json", "sosreport-controller-2026-12-01-xyz/etc/nova/policy.json"
	old := &Input{Findings: []finding.Finding{at(a)}, Places: map[string]string{a: "controller:etc/nova/policy.json"}}
	new := &Input{Findings: []finding.Finding{at(b)}, Places: map[string]string{b: "controller:etc/nova/policy.json"}}
	if d := Compare(old, new); len(d.Introduced)+len(d.Fixed) != 0 {
		t.Errorf("introduced %v, fixed %v", d.Introduced, d.Fixed)
	}
	new.Places = nil // the paths as they are: a different file
	if d := Compare(old, new); len(d.Introduced) != 1 || len(d.Fixed) != 1 {
		t.Errorf("without places: introduced %v, fixed %v", d.Introduced, d.Fixed)
	}
}

// TestCompareFindingsReworded: a finding whose message only changes its
// counts when an unrelated node is added ("7 of 9" → "5 of 7", "set in 25
// places" → "30 places") is neither introduced nor fixed but reworded;
// pairing is one to one (a second such finding is introduced), and a
// different section is still a different finding.
func TestCompareFindingsReworded(t *testing.T) {
	at := func(rule, path, section, msg string) finding.Finding {
		f := finding.Finding{Rule: rule, Severity: "warning", Message: msg,
			Locations: []finding.Location{{Path: path, Section: section, Key: "region_name", Line: 3}}}
		f.Fingerprint = finding.Fingerprint(f)
		return f
	}
	old := &Input{Findings: []finding.Finding{
		at("SL-X-001", "c1/nova.conf", "placement", "region_name RegionTwo differs from the value used by 7 of 9 references"),
		at("SL-PASS-011", "c1/nova.conf", "DEFAULT", "the same password is set in 25 places"),
	}}
	new := &Input{Findings: []finding.Finding{
		at("SL-X-001", "c1/nova.conf", "placement", "region_name RegionTwo differs from the value used by 5 of 7 references"),
		at("SL-X-001", "c1/nova.conf", "placement", "region_name RegionTwo differs from the value used by 6 of 7 references"),
		at("SL-PASS-011", "c1/nova.conf", "DEFAULT", "the same password is set in 30 places"),
		at("SL-PASS-011", "c1/nova.conf", "cinder", "the same password is set in 30 places"),
	}}
	d := Compare(old, new)
	if len(d.Fixed) != 0 || len(d.Introduced) != 2 || len(d.Reworded) != 2 {
		t.Fatalf("introduced %v\nfixed %v\nreworded %v", d.Introduced, d.Fixed, d.Reworded)
	}
	if d.Introduced[0].Locations[0].Section != "cinder" || !strings.Contains(d.Introduced[1].Message, "6 of 7") {
		t.Errorf("introduced %v", d.Introduced)
	}
}

// TestCompareNodeRenamed: a node whose folder is renamed but whose host
// name stays is one node renamed: its options compared, its findings (by
// path and by name in the message) matched; a host name two nodes share
// pairs nothing.
func TestCompareNodeRenamed(t *testing.T) {
	at := func(node string) finding.Finding {
		path := node + "/etc/nova/nova.conf"
		return finding.Finding{Rule: "SL-X", Severity: "warning", Message: "debug is on on " + node,
			Locations: []finding.Location{{Path: path, Node: node, Section: "DEFAULT", Key: "debug", Line: 2}}}
	}
	old := &Input{Nodes: []string{"compute1", "x1", "x2"},
		Hostnames: map[string]string{"compute1": "cmp1.example.org", "x1": "x", "x2": "x"},
		Settings:  settings{"compute1": {"nova-compute": opts("DEFAULT.debug", written("true", "compute1/etc/nova/nova.conf", 2))}},
		Findings:  []finding.Finding{at("compute1")},
		Places:    map[string]string{"compute1/etc/nova/nova.conf": "compute1:etc/nova/nova.conf"}}
	new := &Input{Nodes: []string{"cmp-node1", "y1"},
		Hostnames: map[string]string{"cmp-node1": "cmp1.example.org", "y1": "x"},
		Settings:  settings{"cmp-node1": {"nova-compute": opts("DEFAULT.debug", written("false", "cmp-node1/etc/nova/nova.conf", 2))}},
		Findings:  []finding.Finding{at("cmp-node1")},
		Places:    map[string]string{"cmp-node1/etc/nova/nova.conf": "cmp-node1:etc/nova/nova.conf"}}
	d := Compare(old, new)
	if len(d.NodesRenamed) != 1 || d.NodesRenamed[0] != (NodeRename{Old: "compute1", New: "cmp-node1", Hostname: "cmp1.example.org"}) {
		t.Fatalf("renamed %+v", d.NodesRenamed)
	}
	if strings.Join(d.NodesAdded, ",") != "y1" || strings.Join(d.NodesRemoved, ",") != "x1,x2" {
		t.Errorf("added %v removed %v", d.NodesAdded, d.NodesRemoved)
	}
	if len(d.Options) != 1 || d.Options[0].Node != "cmp-node1" || d.Options[0].Kind != Changed {
		t.Errorf("options %+v", d.Options)
	}
	if len(d.Introduced)+len(d.Fixed)+len(d.Reworded) != 0 {
		t.Errorf("introduced %v fixed %v reworded %v", d.Introduced, d.Fixed, d.Reworded)
	}
	var out strings.Builder
	if err := Text(&out, d, TextOptions{}); err != nil || !strings.Contains(out.String(), "node compute1 renamed to cmp-node1") {
		t.Errorf("%v\n%s", err, out.String())
	}
}

// TestDescribeNoneAndLong: a secret added or removed says where each side
// comes from without doubled brackets; a default → written change from an
// unset default has no character diff; a huge value is cut.
func TestDescribeNoneAndLong(t *testing.T) {
	sec := lint.Setting{Value: "(none)", Default: "stein", Secret: true}
	long := strings.Repeat("x", 300)
	old := &Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": opts("a.unset", def("(none)"))}}}
	new := &Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": opts("a.unset", written(long+",y", "f", 2), "ironic.password", sec)}}}
	d := Compare(old, new)
	if len(d.Options) != 2 || d.Options[0].Chars != nil {
		t.Fatalf("%+v", d.Options)
	}
	got := Describe(&d.Options[0]) + "\n" + Describe(&d.Options[1])
	want := "default → written: (none) (default of 2024.1) → " + strings.Repeat("x", 200) + "… (102 more characters) (f:2)\n" +
		"added: (none) (default of stein)"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestTextGroupsAndDefaults: processes of a node with the same changes
// (one edit of a shared neutron.conf) are one block; with the releases
// differing, changes between two defaults are a count per process after
// the written changes (listed with AllDefaults, always in the options).
func TestTextGroupsAndDefaults(t *testing.T) {
	procs := func(debug string, stein bool) map[string]map[lint.SettingKey]lint.Setting {
		rel := "2024.1"
		if stein {
			rel = "stein"
		}
		d := lint.Setting{Value: map[bool]string{true: "a", false: "b"}[stein], Default: rel}
		m := map[string]map[lint.SettingKey]lint.Setting{}
		for _, p := range []string{"neutron-dhcp-agent", "neutron-l3-agent", "neutron-metadata-agent"} {
			m[p] = opts("DEFAULT.debug", written(debug, "n/etc/neutron/neutron.conf", 3), "DEFAULT.x", d, "DEFAULT.y", d)
		}
		m["nova-api"] = opts("DEFAULT.debug", written("false", "n/etc/nova/nova.conf", 3))
		return m
	}
	d := Compare(&Input{Release: "stein", Nodes: []string{"n"}, Settings: settings{"n": procs("false", true)}},
		&Input{Release: "2024.1", Nodes: []string{"n"}, Settings: settings{"n": procs("true", false)}})
	if len(d.Options) != 9 || len(d.Defaults) != 3 || d.Defaults[0].Count != 2 {
		t.Fatalf("options %d, defaults %+v", len(d.Options), d.Defaults)
	}
	var out strings.Builder
	if err := Text(&out, d, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := `
n
  neutron-dhcp-agent, neutron-l3-agent, neutron-metadata-agent (3 processes)
    [DEFAULT] debug: changed: false (n/etc/neutron/neutron.conf:3) → true (n/etc/neutron/neutron.conf:3)

defaults only (--all-defaults lists them)
  n neutron-dhcp-agent: 2 defaults differ between stein and 2024.1
  n neutron-l3-agent: 2 defaults differ between stein and 2024.1
  n neutron-metadata-agent: 2 defaults differ between stein and 2024.1

3 options changed in 3 processes, 6 defaults differing between releases
`
	if got := out.String()[strings.Index(out.String(), "\n\n")+1:]; got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	out.Reset()
	if err := Text(&out, d, TextOptions{AllDefaults: true}); err != nil || strings.Count(out.String(), "[DEFAULT] x: changed: a (default of stein) → b (default of 2024.1)") != 1 {
		t.Errorf("AllDefaults:\n%s", out.String())
	}
}

// TestCompareReleaseDefaults: with the releases differing, an option one
// release only has (added or removed as a default) is a default-only
// change like two defaults differing, and a finding naming the side's
// release ("the default in stein" → "in ussuri") is reworded, not
// introduced and fixed.
func TestCompareReleaseDefaults(t *testing.T) {
	st := lint.Setting{Value: "1", Default: "stein"}
	us := lint.Setting{Value: "2", Default: "ussuri"}
	pol := func(rel string) finding.Finding {
		return finding.Finding{Rule: "SL-POL-009", Severity: "info", Message: "policy x repeats nova's default in " + rel,
			Locations: []finding.Location{{Path: "c/etc/nova/policy.json", Line: 3}}}
	}
	old := &Input{Release: "stein", Nodes: []string{"n"}, Settings: settings{"n": {"p": opts("a.gone", st, "a.both", st, "a.mine", written("x", "f", 1))}}, Findings: []finding.Finding{pol("stein")}}
	new := &Input{Release: "ussuri", Nodes: []string{"n"}, Settings: settings{"n": {"p": opts("a.new", us, "a.both", us, "a.mine", us)}}, Findings: []finding.Finding{pol("ussuri")}}
	d := Compare(old, new)
	if len(d.Defaults) != 1 || d.Defaults[0].Count != 3 || Summary(d) != "1 option changed in 1 process, 3 defaults differing between releases" {
		t.Errorf("defaults %+v: %s", d.Defaults, Summary(d))
	}
	if len(d.Introduced)+len(d.Fixed) != 0 || len(d.Reworded) != 1 {
		t.Errorf("introduced %v fixed %v", d.Introduced, d.Fixed)
	}
}
