package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
	"github.com/stacklint/stacklint/internal/safefile"
)

// Baseline is the set of findings a team has accepted (stacklint
// --write-baseline): a finding whose rule, path, section, key and
// fingerprint (the message without line references) match an entry is
// reported as suppressed, so only new findings fail the run. Line numbers
// are not compared: editing a file above a finding does not make it new.
// A finding on a node also matches an entry by its fleet fingerprint
// (finding.Finding.Fleet) with the same rule, section and key, whatever
// its path: a fault on the nodes of one role (folded or not) stays
// accepted when nodes with it come or go, or another node leads it.
type Baseline struct {
	Path    string
	entries map[baselineKey]int // how many findings each key accepts
}

type baselineKey struct{ Rule, Path, Section, Key, Fingerprint, Fleet string }

// baselineFile is the file format.
type baselineFile struct {
	Version  int             `json:"version"`
	Findings []baselineEntry `json:"findings"`
}

type baselineEntry struct {
	Rule        string `json:"rule"`
	Path        string `json:"path"`
	Section     string `json:"section,omitempty"`
	Key         string `json:"key,omitempty"`
	Fingerprint string `json:"fingerprint"`
	// Fleet is the finding's fleet fingerprint (finding.Finding.Fleet), for
	// findings on a node; files written before it have none.
	Fleet   string `json:"fleet,omitempty"`
	Message string `json:"message"` // for the reader; not compared
}

func keyOf(f finding.Finding) baselineKey {
	k := baselineKey{Rule: f.Rule, Fingerprint: f.Fingerprint, Fleet: f.Fleet}
	if len(f.Locations) > 0 {
		l := f.Locations[0]
		k.Path, k.Section, k.Key = l.Path, l.Section, l.Key
	}
	return k
}

// maxBaselineSize bounds a baseline file: 64 MiB is some 250,000 findings.
const maxBaselineSize = 64 << 20

// LoadBaseline reads a baseline file (through internal/safefile: a named
// pipe, a device or a file over 64 MiB is an error, never a hang). An error
// of its content is "<file>:<line>: <message>".
func LoadBaseline(path string) (*Baseline, error) {
	data, err := safefile.Follow(path, maxBaselineSize)
	if err != nil {
		return nil, fmt.Errorf("baseline: %w", err)
	}
	return decodeBaseline(path, data)
}

// decodeBaseline reads the content of the baseline file at path.
func decodeBaseline(path string, data []byte) (*Baseline, error) {
	var bf baselineFile
	if err := json.Unmarshal(data, &bf); err != nil {
		return nil, fmt.Errorf("%s:%d: not a stacklint baseline: %w", path, jsonErrorLine(data, err), err)
	}
	if bf.Version != 1 {
		return nil, fmt.Errorf("%s:%d: baseline version %d, want 1", path, versionLine(data), bf.Version)
	}
	b := &Baseline{Path: path, entries: map[baselineKey]int{}}
	for _, e := range bf.Findings {
		b.entries[baselineKey{e.Rule, e.Path, e.Section, e.Key, e.Fingerprint, e.Fleet}]++
	}
	return b, nil
}

// jsonErrorLine is the line of the offset a JSON decoding error names, or 1.
func jsonErrorLine(data []byte, err error) int {
	var off int64
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		off = se.Offset
	case errors.As(err, &te):
		off = te.Offset
	}
	return lineAt(data, off)
}

// versionLine is the line of the top-level "version" key, or 1.
func versionLine(data []byte) int {
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return 1
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return 1
		}
		if key == "version" {
			return lineAt(data, dec.InputOffset())
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return 1
		}
	}
	return 1
}

func lineAt(data []byte, off int64) int {
	return 1 + bytes.Count(data[:min(max(off, 0), int64(len(data)))], []byte("\n"))
}

// apply marks the findings the baseline accepts as suppressed (each entry
// accepts as many findings as it was written for). Findings take entries
// in passes, each over all findings before the next: the whole key, the
// key but the fleet fingerprint, the fleet fingerprint (rule, section,
// key and Fleet: any path), then for a folded finding the key of any
// finding it folds (from, parallel to findings or shorter; a baseline
// written before folding or by v0.1.0, whose folded findings kept their
// first node's fingerprint).
func (b *Baseline) apply(findings []finding.Finding, from [][]baselineKey) {
	if b == nil {
		return
	}
	left := maps.Clone(b.entries)
	for _, p := range []struct {
		by   func(baselineKey) (baselineKey, bool)
		keys func(i int) []baselineKey
	}{
		{whole, func(i int) []baselineKey { return []baselineKey{keyOf(findings[i])} }},
		{located, func(i int) []baselineKey { return []baselineKey{keyOf(findings[i])} }},
		{fleetOnly, func(i int) []baselineKey { return []baselineKey{keyOf(findings[i])} }},
		{located, func(i int) []baselineKey {
			if i < len(from) {
				return from[i]
			}
			return nil
		}},
	} {
		index := b.index(p.by)
		for i := range findings {
			if findings[i].Suppressed != nil {
				continue
			}
			if take(left, index, p.by, p.keys(i)) {
				findings[i].Suppressed = &finding.Suppression{Kind: "baseline", Reason: "in the baseline", Path: b.Path}
			}
		}
	}
}

// Ways to compare a finding's key with an entry's; ok is false for a key
// that way cannot compare.
func whole(k baselineKey) (baselineKey, bool) { return k, true }

func located(k baselineKey) (baselineKey, bool) {
	k.Fleet = ""
	return k, true
}

func fleetOnly(k baselineKey) (baselineKey, bool) {
	return baselineKey{Rule: k.Rule, Section: k.Section, Key: k.Key, Fleet: k.Fleet}, k.Fleet != ""
}

// index lists the entries by their key seen one way, each list sorted.
func (b *Baseline) index(by func(baselineKey) (baselineKey, bool)) map[baselineKey][]baselineKey {
	out := map[baselineKey][]baselineKey{}
	for k := range b.entries {
		if v, ok := by(k); ok {
			out[v] = append(out[v], k)
		}
	}
	for _, ks := range out {
		sort.Slice(ks, func(i, j int) bool { return lessKey(ks[i], ks[j]) })
	}
	return out
}

// take uses up one acceptance of the first entry left that one of keys
// matches; false when none.
func take(left map[baselineKey]int, index map[baselineKey][]baselineKey, by func(baselineKey) (baselineKey, bool), keys []baselineKey) bool {
	for _, k := range keys {
		v, ok := by(k)
		if !ok {
			continue
		}
		for _, e := range index[v] {
			if left[e] > 0 {
				left[e]--
				return true
			}
		}
	}
	return false
}

func lessKey(a, b baselineKey) bool {
	return strings.Join([]string{a.Rule, a.Path, a.Section, a.Key, a.Fingerprint, a.Fleet}, "\x00") <
		strings.Join([]string{b.Rule, b.Path, b.Section, b.Key, b.Fingerprint, b.Fleet}, "\x00")
}

// WriteBaseline writes the unsuppressed findings of a result as a baseline.
func WriteBaseline(w io.Writer, r *result.Result) error {
	bf := baselineFile{Version: 1, Findings: []baselineEntry{}}
	for _, f := range r.Findings {
		if f.Suppressed != nil && f.Suppressed.Kind != "baseline" {
			continue
		}
		k := keyOf(f)
		bf.Findings = append(bf.Findings, baselineEntry{k.Rule, k.Path, k.Section, k.Key, k.Fingerprint, k.Fleet, f.Message})
	}
	sort.SliceStable(bf.Findings, func(i, j int) bool {
		a, b := bf.Findings[i], bf.Findings[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Fingerprint < b.Fingerprint
	})
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(bf)
}
