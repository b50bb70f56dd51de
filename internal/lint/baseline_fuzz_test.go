package lint

import (
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/finding"
)

// FuzzLoadBaseline checks, for any baseline file:
//   - loading is deterministic;
//   - every error is one line shaped "<file>:<line>: <message>", with the
//     line within the file and a message of a few hundred bytes at most;
//   - a baseline that loads accepts exactly the findings it lists: a
//     finding per entry is suppressed, one more of the same key is not;
//   - round trip: its entries, written back, load as the same baseline.
func FuzzLoadBaseline(f *testing.F) {
	f.Add([]byte(`{"version": 1, "findings": [{"rule": "SL-PASS-009", "path": "controller/etc/nova/nova.conf", "section": "DEFAULT", "key": "x", "fingerprint": "ab12", "message": "m"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		const path = "snapshot/.stacklint-baseline.json"
		b, err := decodeBaseline(path, data)
		b2, err2 := decodeBaseline(path, data)
		if !reflect.DeepEqual(b, b2) || fmt.Sprint(err) != fmt.Sprint(err2) {
			t.Fatalf("not deterministic: %v / %v", err, err2)
		}
		if err != nil {
			checkBaselineError(t, err, path, data)
			return
		}
		checkAccepts(t, b)
		again, err := decodeBaseline(path, rewrite(t, b))
		if err != nil || !reflect.DeepEqual(again.entries, b.entries) {
			t.Fatalf("round trip: %v, %v, want %v", again, err, b.entries)
		}
	})
}

var baselineLine = regexp.MustCompile(`^(\d+): ([^\n]+)$`)

func checkBaselineError(t *testing.T, err error, path string, data []byte) {
	t.Helper()
	msg, ok := strings.CutPrefix(err.Error(), path+":")
	m := baselineLine.FindStringSubmatch(msg)
	if !ok || m == nil {
		t.Fatalf("error not shaped <file>:<line>: <message>: %q", err)
	}
	n, _ := strconv.Atoi(m[1])
	if lines := strings.Count(string(data), "\n") + 1; n < 1 || n > lines {
		t.Fatalf("error at line %d of %d: %q", n, lines, err)
	}
	if len(m[2]) > 300 {
		t.Fatalf("message of %d bytes: %q", len(m[2]), m[2])
	}
}

// checkAccepts: for every entry, as many findings as it was written for are
// suppressed by the baseline, and one more is not.
func checkAccepts(t *testing.T, b *Baseline) {
	t.Helper()
	var findings []finding.Finding
	for k, n := range b.entries {
		for range n + 1 {
			findings = append(findings, finding.Finding{Rule: k.Rule, Fingerprint: k.Fingerprint, Fleet: k.Fleet,
				Locations: []finding.Location{{Path: k.Path, Section: k.Section, Key: k.Key}}})
		}
	}
	b.apply(findings, nil)
	left := map[baselineKey]int{}
	for _, f := range findings {
		if f.Suppressed == nil {
			left[keyOf(f)]++
		}
	}
	for k := range b.entries {
		if left[k] != 1 {
			t.Fatalf("%+v: %d findings left unsuppressed, want 1", k, left[k])
		}
	}
}

// rewrite writes a baseline's entries back as a baseline file.
func rewrite(t *testing.T, b *Baseline) []byte {
	t.Helper()
	bf := baselineFile{Version: 1, Findings: []baselineEntry{}}
	for k, n := range b.entries {
		for range n {
			bf.Findings = append(bf.Findings, baselineEntry{k.Rule, k.Path, k.Section, k.Key, k.Fingerprint, k.Fleet, ""})
		}
	}
	out, err := json.Marshal(bf)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
