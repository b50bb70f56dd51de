package lint

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/finding"
)

// fleetFindings is one finding per node on the same setting of one role.
func fleetFindings(nodes []string, msg string) ([]finding.Finding, fleetFacts) {
	roles := map[string]string{}
	var out []finding.Finding
	for _, n := range nodes {
		roles[n] = "compute"
		out = append(out, finding.Finding{Rule: "SL-X-001", Severity: "warning", Message: msg,
			Locations: []finding.Location{{Path: n + "/etc/nova/nova.conf", Node: n, Line: 3, Section: "DEFAULT", Key: "my_ip"},
				{Path: "controller/etc/nova/nova.conf", Node: "controller", Line: 9, Section: "DEFAULT", Key: "my_ip"}}})
	}
	return out, fleetFacts{roles: roles}
}

// TestFoldedMessageSanitised: node names are folder names, which may hold
// ESC, U+202E and runs of hundreds of bytes; the names a folded finding
// adds to its message are sanitised like the rest of it (red team: they
// were appended after Sanitize, raw, past finding.MaxMessage).
func TestFoldedMessageSanitised(t *testing.T) {
	nodes := []string{"c1", "c\u202eevil", "c\x1b[31mred", "c" + strings.Repeat("x", 300), "c5", "c6"}
	msg := finding.Sanitize(strings.Repeat("word ", 100) + "end")
	fs, roles := fleetFindings(nodes, msg)
	got, _ := foldFleet(fs, roles)
	if len(got) != 1 {
		t.Fatalf("%d findings, want 1 folded", len(got))
	}
	m := got[0].Message
	if finding.Sanitize(m) != m || len(m) > finding.MaxMessage {
		t.Errorf("folded message is not sanitised (%d bytes):\n%q", len(m), m)
	}
	if !strings.Contains(m, "the same on 5 more") || !strings.Contains(m, `c\u202eevil`) {
		t.Errorf("folded message does not say how many: %q", m)
	}
}

// TestFoldThousandsOfNodes: 5,000 nodes fold into one finding with the
// controller's location once and every node's once.
func TestFoldThousandsOfNodes(t *testing.T) {
	var nodes []string
	for i := range 5000 {
		nodes = append(nodes, fmt.Sprintf("compute%d", i))
	}
	fs, roles := fleetFindings(nodes, "my_ip is wrong")
	got, _ := foldFleet(fs, roles)
	if len(got) != 1 || len(got[0].Locations) != 5001 {
		t.Fatalf("%d findings, %d locations; want 1 with 5001", len(got), len(got[0].Locations))
	}
}

// BenchmarkFold10000: folding is linear in the locations (a related
// location was looked up in every earlier one: 10,000 nodes took 0.5 s).
func BenchmarkFold10000(b *testing.B) {
	var nodes []string
	for i := range 10000 {
		nodes = append(nodes, fmt.Sprintf("compute%d", i))
	}
	fs, roles := fleetFindings(nodes, "my_ip is wrong")
	for b.Loop() {
		foldFleet(append([]finding.Finding(nil), fs...), roles)
	}
}

// nodeFindings is one finding per node (name -> message) on [DEFAULT]
// debug of nova.conf, every node a compute node, the value written there
// given by values (name -> value).
func nodeFindings(msgs, values map[string]string) ([]finding.Finding, fleetFacts) {
	facts := fleetFacts{roles: map[string]string{}, written: func(l finding.Location) []string {
		if v, ok := values[l.Node]; ok && l.Key == "debug" {
			return []string{v}
		}
		return nil
	}}
	var out []finding.Finding
	for _, n := range slices.Sorted(maps.Keys(msgs)) {
		facts.roles[n] = "compute"
		out = append(out, finding.Finding{Rule: "SL-X-001", Severity: "warning", Message: msgs[n],
			Locations: []finding.Location{{Path: n + "/etc/nova/nova.conf", Node: n, Line: 3, Section: "DEFAULT", Key: "debug"}}})
	}
	return out, facts
}

// TestFoldByPosition: messages fold when they differ only where each names
// its own node, compared place by place: a node named like a word of the
// message ("true", "false", "control") is that word elsewhere, and a node
// whose name is the value written at its setting may be named as the
// value, so it folds with none (nodes true and false with debug = true and
// debug = false folded into "... is true (the same on 1 more: false)",
// which is false of node false, when node names were replaced as words).
func TestFoldByPosition(t *testing.T) {
	for _, c := range []struct {
		name   string
		msgs   map[string]string
		values map[string]string
		want   int // findings after folding
	}{
		{"value named like the nodes", map[string]string{
			"true":  "nova.conf [DEFAULT] debug on true is true: logs fill the disk",
			"false": "nova.conf [DEFAULT] debug on false is false: logs fill the disk",
		}, map[string]string{"true": "true", "false": "false"}, 2},
		{"a node named like a word elsewhere", map[string]string{
			"compute1": "debug on compute1 is not set: its default, false, hides errors on compute1",
			"compute2": "debug on compute2 is not set: its default, false, hides errors on compute2",
			"false":    "debug on false is not set: its default, false, hides errors on false",
		}, nil, 1},
		{"a word containing a node's name", map[string]string{
			"control":  "debug on control is set on the controller's advice",
			"compute1": "debug on compute1 is set on the controller's advice",
		}, nil, 1},
		{"each names the other", map[string]string{
			"compute1": "debug on compute1 is the value of compute2",
			"compute2": "debug on compute2 is the value of compute1",
		}, nil, 2},
		{"a node named like the node all name", map[string]string{
			"compute1":   "debug on compute1 differs from controller",
			"compute2":   "debug on compute2 differs from controller",
			"controller": "debug on controller differs from controller",
		}, nil, 1},
		{"a host name written as the value", map[string]string{
			"compute1": "debug on compute1 names compute1",
			"compute2": "debug on compute2 names compute2",
		}, map[string]string{"compute1": "compute1", "compute2": "x"}, 2},
		{"its own name as the value, a message naming the node once", map[string]string{
			"stack1.orbit8.com": "debug on stack1.orbit8.com is a deprecated name",
			"stack2.orbit8.com": "debug on stack2.orbit8.com is a deprecated name",
		}, map[string]string{"stack1.orbit8.com": "stack1.orbit8.com", "stack2.orbit8.com": "stack2.orbit8.com"}, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			fs, facts := nodeFindings(c.msgs, c.values)
			got, _ := foldFleet(fs, facts)
			if len(got) != c.want {
				var msgs []string
				for _, f := range got {
					msgs = append(msgs, f.Message)
				}
				t.Errorf("%d findings, want %d:\n%s", len(got), c.want, strings.Join(msgs, "\n"))
			}
		})
	}
}

// TestFleetPrintStable: the folded finding's fingerprint is the same
// whichever compute nodes hold the fault, and a lone one's Fleet is it too.
func TestFleetPrintStable(t *testing.T) {
	var prints []string
	for _, nodes := range [][]string{{"compute1", "compute2", "compute3"}, {"compute0", "compute1", "compute2", "compute3"}, {"compute2", "compute3"}, {"compute3"}} {
		var fs []finding.Finding
		facts := fleetFacts{roles: map[string]string{}}
		for _, n := range nodes {
			facts.roles[n] = "compute"
			fs = append(fs, finding.Finding{Rule: "SL-X-001", Severity: "warning", Fingerprint: "per-node " + n,
				Message:   "nova.conf [DEFAULT] my_ip on " + n + " is 10.0.0.11, the address of controller (nova.conf:3)",
				Locations: []finding.Location{{Path: n + "/etc/nova/nova.conf", Node: n, Line: 3, Section: "DEFAULT", Key: "my_ip"}}})
		}
		got, _ := foldFleet(fs, facts)
		if len(got) != 1 || got[0].Fleet == "" || len(nodes) > 1 && got[0].Fingerprint != got[0].Fleet {
			t.Fatalf("%v: %+v", nodes, got)
		}
		prints = append(prints, got[0].Fleet)
	}
	for _, p := range prints[1:] {
		if p != prints[0] {
			t.Errorf("fleet fingerprints %v, want one", prints)
		}
	}
}
