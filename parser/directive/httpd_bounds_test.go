package directive

import (
	"slices"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
)

// TestHTTPDContinuedLinesLinear: a directive continued over 20,000 lines
// is built once, not copied at every line (red team: 400 KB of "\\\n"
// took 7.6 s, an 8 MiB file hours).
func TestHTTPDContinuedLinesLinear(t *testing.T) {
	in := []byte("SetEnv A \\\n" + strings.Repeat("x \\\n", 20000) + "y\n")
	var got []Directive
	n := fuzzcheck.Allocated(func() { got = Parse(Tags, in) })
	if len(got) != 1 || got[0].Line != 1 || len(got[0].Args) != 20002 {
		t.Fatalf("got %d directives, want SetEnv on line 1 with 20002 arguments", len(got))
	}
	if limit := uint64(64 * len(in)); n > limit {
		t.Errorf("parsing %d bytes allocated %d bytes, more than %d", len(in), n, limit)
	}
}

// TestHTTPDDeepSections: sections nested deeper than MaxSectionDepth
// hide what they hold, and every directive lists at most MaxSectionDepth
// sections (red team: 20,000 nested sections made 2e8 block entries);
// their closing tags still count, so the rest of the file is read in its
// place. What they hide is counted from the line of the first hiding
// section (it was left out silently).
func TestHTTPDDeepSections(t *testing.T) {
	const depth = 20000
	in := strings.Repeat("<Location /a>\nSetEnv X y\n", depth) + strings.Repeat("</Location>\n", depth) + "Listen 5000\n"
	var got []Directive
	var hidden Hidden
	n := fuzzcheck.Allocated(func() { got, hidden = ParseHTTPD([]byte(in)) })
	if want := (Hidden{Line: 2*MaxSectionDepth + 1, Directives: 2*(depth-MaxSectionDepth) - 1}); hidden != want {
		t.Errorf("hidden %+v, want %+v", hidden, want)
	}
	if want := 2*MaxSectionDepth + 2; len(got) != want { // opening tags at depth 0..16, SetEnv at 1..16, Listen
		t.Fatalf("%d directives, want %d", len(got), want)
	}
	blocks := 0
	for _, d := range got {
		blocks += len(d.Blocks)
		if len(d.Blocks) > MaxSectionDepth {
			t.Fatalf("%+v lists more than %d sections", d, MaxSectionDepth)
		}
	}
	if last := got[len(got)-1]; last.Name != "Listen" || last.Block != "" || last.Blocks != nil {
		t.Errorf("after the sections close: %+v, want Listen at top level", last)
	}
	if deep := got[len(got)-3]; deep.Name != "SetEnv" || len(deep.Blocks) != MaxSectionDepth || deep.Block != "Location /a" {
		t.Errorf("deepest directive kept: %+v", deep)
	}
	if limit := uint64(64 * len(in)); n > limit {
		t.Errorf("parsing %d bytes allocated %d bytes, more than %d", len(in), n, limit)
	}
}

// TestHTTPDBlocksNotRewritten: directives share their Blocks' array, and
// a section opened after another closes does not change what an earlier
// directive lists.
func TestHTTPDBlocksNotRewritten(t *testing.T) {
	got := Parse(Tags, []byte("<VirtualHost *:5000>\n<Directory /a>\nRequire all granted\n</Directory>\n<Location /b>\nRequire all denied\n</Location>\n</VirtualHost>\n"))
	if len(got) != 5 {
		t.Fatalf("got %+v", got)
	}
	if b := got[2].Blocks; len(b) != 2 || b[1] != "Directory /a" {
		t.Errorf("first Require lists %q, want [VirtualHost *:5000 Directory /a]", b)
	}
	if b := got[4].Blocks; len(b) != 2 || b[1] != "Location /b" {
		t.Errorf("second Require lists %q, want [VirtualHost *:5000 Location /b]", b)
	}
}

// TestNestKeepsDepth: a file an Include inside sections pulls in keeps at
// most MaxSectionDepth sections around each directive, counting the
// Include's; deeper directives are left out and counted, and directives
// of one section share their new Blocks.
func TestNestKeepsDepth(t *testing.T) {
	in := strings.Repeat("<IfModule m>\n", 4) + "SetEnv A b\nSetEnv C d\n" + strings.Repeat("</IfModule>\n", 4) + "Listen 80\n"
	ds := Parse(Tags, []byte(in))
	around := make([]string, MaxSectionDepth-3)
	for i := range around {
		around[i] = "Location /x"
	}
	got, hidden := Nest(ds, around, false)
	var names []string
	for _, d := range got {
		names = append(names, d.Name)
		if len(d.Blocks) > MaxSectionDepth {
			t.Fatalf("%+v: %d sections", d, len(d.Blocks))
		}
	}
	if want := []string{"<IfModule", "<IfModule", "<IfModule", "<IfModule", "Listen"}; !slices.Equal(names, want) {
		t.Errorf("kept %q, want %q", names, want)
	}
	if want := (Hidden{Line: 5, Directives: 2}); hidden != want { // the SetEnvs would sit 17 deep
		t.Errorf("hidden %+v, want %+v", hidden, want)
	}
	if len(got[1].Blocks) != MaxSectionDepth-2 || got[4].Block != "Location /x" {
		t.Errorf("placed: %+v", got)
	}
	if ds2, _ := Nest(ds, []string{"VirtualHost *:80"}, false); &ds2[4].Blocks[0] != &ds2[5].Blocks[0] {
		t.Errorf("SetEnv A and C do not share their sections")
	}
}
