package gitrev

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
)

// FuzzParseTree: ls-tree's output is untrusted. Parsing it is
// deterministic; an error is one line of at most 400 bytes; every entry
// kept is at or below the prefix (the prefix itself only as the first),
// has a path checkPath accepts, a known kind, and a size within the bounds
// (a link at most 4095 bytes; sparse only over the floor and the limit).
// Seeds: testdata/fuzz/FuzzParseTree.
func FuzzParseTree(f *testing.F) {
	opts := Options{MaxFileSize: 1024, MaxBytes: 1 << 30, MaxEntries: 100}
	f.Fuzz(func(t *testing.T, data []byte, prefix string) {
		e1, err1 := parseTree(bytes.NewReader(data), prefix, "L", opts)
		e2, err2 := parseTree(bytes.NewReader(data), prefix, "L", opts)
		fuzzcheck.Deterministic(t, e1, e2, nil, nil)
		if fmt.Sprint(err1) != fmt.Sprint(err2) { // the wrapped errors are pointers: compare the text
			t.Fatalf("not deterministic: %v / %v", err1, err2)
		}
		if err1 != nil {
			if msg := err1.Error(); strings.Contains(msg, "\n") || len(msg) > 400 || !strings.HasPrefix(msg, "L: ") {
				t.Fatalf("error %q", msg)
			}
			return
		}
		var total int64
		for i, e := range e1 {
			if e.rel == "" && i != 0 && prefix != "" || e.rel == "" && prefix == "" {
				t.Fatalf("entry %d is PATH itself", i)
			}
			if err := checkPath(e.rel); err != nil {
				t.Fatalf("%q kept: %v", e.rel, err)
			}
			if e.kind < kindDir || e.kind > kindSubmodule || !isObjectName(e.oid) || e.size < 0 {
				t.Fatalf("entry %+v", e)
			}
			if e.kind == kindLink && (e.size > maxLinkTarget || e.sparse) || e.sparse && e.size <= max(opts.MaxFileSize, sparseFloor) {
				t.Fatalf("entry %+v", e)
			}
			if e.read() && e.kind != kindLink {
				total += e.size
			}
		}
		if len(e1) > opts.MaxEntries || total > opts.MaxBytes {
			t.Fatalf("%d entries, %d bytes: over the bounds", len(e1), total)
		}
	})
}
