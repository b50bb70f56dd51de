package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/safefile"
)

// Baseline is the set of findings a team has accepted (stacklint
// --write-baseline): a finding whose rule, path, section, key and
// fingerprint (the message without line references) match an entry is
// reported as suppressed, so only new findings fail the run. Line numbers
// are not compared: editing a file above a finding does not make it new.
type Baseline struct {
	Path    string
	entries map[baselineKey]int // how many findings each key accepts
}

type baselineKey struct{ Rule, Path, Section, Key, Fingerprint string }

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
	Message     string `json:"message"` // for the reader; not compared
}

func keyOf(f engine.Finding) baselineKey {
	k := baselineKey{Rule: f.Rule, Fingerprint: f.Fingerprint}
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
		b.entries[baselineKey{e.Rule, e.Path, e.Section, e.Key, e.Fingerprint}]++
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
// accepts as many findings as it was written for).
func (b *Baseline) apply(findings []engine.Finding) {
	if b == nil {
		return
	}
	left := map[baselineKey]int{}
	for k, n := range b.entries {
		left[k] = n
	}
	for i, f := range findings {
		k := keyOf(f)
		if f.Suppressed != nil || left[k] == 0 {
			continue
		}
		left[k]--
		findings[i].Suppressed = &engine.Suppression{Kind: "baseline", Reason: "in the baseline", Path: b.Path}
	}
}

// WriteBaseline writes the unsuppressed findings of a result as a baseline.
func WriteBaseline(w io.Writer, r *Result) error {
	bf := baselineFile{Version: 1, Findings: []baselineEntry{}}
	for _, f := range r.Findings {
		if f.Suppressed != nil && f.Suppressed.Kind != "baseline" {
			continue
		}
		k := keyOf(f)
		bf.Findings = append(bf.Findings, baselineEntry{k.Rule, k.Path, k.Section, k.Key, k.Fingerprint, f.Message})
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
