package oracle

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// ordered renders {section: {key: [values]}} as text that keeps the order
// of sections, keys and values. stacklint's values are {value, line,
// column} objects (occ = true); the oracle's are plain strings.
func ordered(raw json.RawMessage, occ bool) (string, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	var b strings.Builder
	if err := walk(dec, &b, 0, occ); err != nil {
		return "", err
	}
	return b.String(), nil
}

// walk reads one JSON value; depth 0 is the sections object, 1 a section,
// 2 a key's list of values.
func walk(dec *json.Decoder, b *strings.Builder, depth int, occ bool) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch tok {
	case json.Delim('{'):
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return err
			}
			fmt.Fprintf(b, "%s%q\n", strings.Repeat("  ", depth), k)
			if err := walk(dec, b, depth+1, occ); err != nil {
				return err
			}
		}
		_, err = dec.Token()
		return err
	case json.Delim('['):
		for dec.More() {
			var v string
			if occ {
				var o struct{ Value string }
				if err := dec.Decode(&o); err != nil {
					return err
				}
				v = o.Value
			} else if err := dec.Decode(&v); err != nil {
				return err
			}
			fmt.Fprintf(b, "%s= %q\n", strings.Repeat("  ", depth), v)
		}
		_, err = dec.Token()
		return err
	}
	return fmt.Errorf("unexpected JSON token %v", tok)
}

func diff(want, got string) string {
	dmp := diffmatchpatch.New()
	a, b, lines := dmp.DiffLinesToChars(want, got)
	d := dmp.DiffCharsToLines(dmp.DiffMain(a, b, false), lines)
	var out strings.Builder
	for _, x := range d {
		var prefix string
		switch x.Type {
		case diffmatchpatch.DiffDelete:
			prefix = "- oslo.config "
		case diffmatchpatch.DiffInsert:
			prefix = "+ stacklint   "
		default:
			continue
		}
		for _, l := range strings.Split(strings.TrimRight(x.Text, "\n"), "\n") {
			out.WriteString(prefix + l + "\n")
		}
	}
	return out.String()
}
