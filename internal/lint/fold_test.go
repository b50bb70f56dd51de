package lint

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/engine"
)

// fleetFindings is one finding per node on the same setting of one role.
func fleetFindings(nodes []string, msg string) ([]engine.Finding, map[string]string) {
	roles := map[string]string{}
	var out []engine.Finding
	for _, n := range nodes {
		roles[n] = "compute"
		out = append(out, engine.Finding{Rule: "SL-X-001", Severity: "warning", Message: msg,
			Locations: []engine.Location{{Path: n + "/etc/nova/nova.conf", Node: n, Line: 3, Section: "DEFAULT", Key: "my_ip"},
				{Path: "controller/etc/nova/nova.conf", Node: "controller", Line: 9, Section: "DEFAULT", Key: "my_ip"}}})
	}
	return out, roles
}

// TestFoldedMessageSanitised: node names are folder names, which may hold
// ESC, U+202E and runs of hundreds of bytes; the names a folded finding
// adds to its message are sanitised like the rest of it (red team: they
// were appended after Sanitize, raw, past MaxMessage).
func TestFoldedMessageSanitised(t *testing.T) {
	nodes := []string{"c1", "c\u202eevil", "c\x1b[31mred", "c" + strings.Repeat("x", 300), "c5", "c6"}
	msg := Sanitize(strings.Repeat("word ", 100) + "end")
	fs, roles := fleetFindings(nodes, msg)
	got := foldFleet(fs, roles)
	if len(got) != 1 {
		t.Fatalf("%d findings, want 1 folded", len(got))
	}
	m := got[0].Message
	if Sanitize(m) != m || len(m) > MaxMessage {
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
	got := foldFleet(fs, roles)
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
		foldFleet(append([]engine.Finding(nil), fs...), roles)
	}
}
