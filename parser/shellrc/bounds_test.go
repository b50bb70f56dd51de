package shellrc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
)

// TestWordOfManyReferencesLinear: a word of 20,000 "$A" is built once,
// not copied at every part (red team: 200 MB for a 40 KB line; an 8 MiB
// line would copy terabytes).
func TestWordOfManyReferencesLinear(t *testing.T) {
	in := []byte("A=x\nB=\"" + strings.Repeat("$A", 20000) + "\"\n")
	var f *File
	var err error
	n := fuzzcheck.Allocated(func() { f, err = Parse(in) })
	if err != nil || f.Get("B") == nil || f.Get("B").Value != strings.Repeat("x", 20000) {
		t.Fatalf("B not read as 20,000 x: %v", err)
	}
	if limit := uint64(512 * len(in)); n > limit { // mvdan's syntax tree takes most
		t.Errorf("parsing %d bytes allocated %d bytes, more than %d", len(in), n, limit)
	}
}

// TestExpansionBounded: 200 variables each expanding a 1 MiB one stop
// expanding at MaxExpansion bytes; later references are dynamic (red
// team: 24 KB of such a file made 2 GB of values).
func TestExpansionBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("A=" + strings.Repeat("x", 1024) + "\nB=\"" + strings.Repeat("$A", 1024) + "\"\n")
	for i := range 200 {
		fmt.Fprintf(&b, "C%d=\"$B\"\n", i)
	}
	var f *File
	n := fuzzcheck.Allocated(func() { f, _ = Parse([]byte(b.String())) })
	if last := f.Get("C199"); last == nil || !last.Dynamic || last.Value != "" {
		t.Errorf("C199 past the bound is not dynamic and empty")
	}
	if first := f.Get("C0"); first == nil || first.Dynamic || len(first.Value) != 1<<20 {
		t.Errorf("C0 within the bound is not the 1 MiB value")
	}
	if limit := uint64(4 * MaxExpansion); n > limit { // each value copied by its quotes and its word
		t.Errorf("parsing %d bytes allocated %d bytes, more than %d", b.Len(), n, limit)
	}
}
