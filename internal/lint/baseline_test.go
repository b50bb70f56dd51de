package lint

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBaselineErrorsNameLine: a baseline that is not one names the file and
// line ("<file>:<line>: <message>"; it named no line; found by
// FuzzLoadBaseline).
func TestBaselineErrorsNameLine(t *testing.T) {
	for text, want := range map[string]string{
		"{\n  \"version\": 1,\n  \"findings\": [}\n":       `:3: not a stacklint baseline: invalid character '}'`,
		"{\n  \"findings\": [],\n  \"version\": 2\n}\n":    `:3: baseline version 2, want 1`,
		"{\"version\": 1,\n\"findings\": [{\"rule\": 7}]}": `:2: not a stacklint baseline: json: cannot unmarshal number`,
		"": `:1: not a stacklint baseline: unexpected end of JSON input`,
	} {
		p := filepath.Join(t.TempDir(), "baseline.json")
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := LoadBaseline(p)
		if err == nil || !strings.HasPrefix(err.Error(), p+want) {
			t.Errorf("%q: got %v, want %s%s…", text, err, p, want)
		}
	}
}
