package policyfile

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
	"github.com/stacklint/stacklint/parser/policy"
)

// FuzzParse checks, for any document:
//   - parsing is deterministic; an error is an *Error at a position within
//     the file with a short message;
//   - the JSON loader is chosen only for valid JSON, and then the rule names
//     are encoding/json's top-level keys, in order, duplicates included;
//   - every rule name is written at its line and column (after an opening
//     quote), and At(off) of a check string located in the file points at
//     the text of the check string from off;
//   - every rule value goes through the rule parser (parser/policy) without
//     panicking, a string value as its check string.
func FuzzParse(f *testing.F) {
	f.Add([]byte("{\n  \"admin_required\": \"role:admin\",\n  \"default\": \"\"\n}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		file2, err2 := Parse(data)
		fuzzcheck.Deterministic(t, file, file2, err, err2)
		text := fuzzcheck.YAMLText(data) // yaml.v3 counts columns after a BOM, one BOM only
		if !bytes.HasPrefix(data, []byte{0xfe, 0xff}) && !bytes.HasPrefix(data, []byte{0xff, 0xfe}) {
			text = strings.TrimPrefix(text, "\ufeff")
		}
		lines := yamlLines(text)
		if err != nil {
			checkError(t, err, lines)
			return
		}
		if file.Loader == "json" {
			if keys := jsonKeys(data); !json.Valid(data) || !reflect.DeepEqual(names(file), keys) {
				t.Fatalf("JSON loader: names %q, encoding/json reads %q", names(file), keys)
			}
		}
		for _, r := range file.Rules {
			checkRule(t, r, lines, strings.Split(string(data), "\n"))
		}
	})
}

// maxErrorBytes bounds an error message: it says what is wrong and where,
// quoting at most a short excerpt.
const maxErrorBytes = 200

func checkError(t *testing.T, err error, lines []string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T is not an *Error: %v", err, err)
	}
	if e.Line < 1 || e.Line > len(lines) || e.Column < 1 {
		t.Fatalf("error at %d:%d outside the file's %d lines: %v", e.Line, e.Column, len(lines), e)
	}
	if e.Msg == "" || len(e.Msg) > maxErrorBytes {
		t.Fatalf("message of %d bytes: %q", len(e.Msg), e.Msg)
	}
}

// holds reports whether the text at line:col of lines starts with want
// (lines as YAML counts them, or as split at "\n": a JSON file's lone CR
// or U+2028 inside a string is no line break to yaml.v3's positions).
func holds(lines []string, line, col int, want string) bool {
	return line >= 1 && line <= len(lines) && strings.HasPrefix(runesFrom(strings.Join(lines[line-1:], "\n"), col), want)
}

// checkRule checks a rule against the file's lines as YAML counts them and
// as split at "\n" (the lines locate and At use).
func checkRule(t *testing.T, r *Rule, lines, nlLines []string) {
	t.Helper()
	if r.Line < 1 || r.Line > len(lines) || r.Column < 1 {
		t.Fatalf("rule %q at %d:%d outside the file", r.Name, r.Line, r.Column)
	}
	raw := runesFrom(strings.Join(lines[r.Line-1:], "\n"), r.Column)
	at := skipProperties(raw)
	if !strings.HasPrefix(at, r.Name) && !folded(at, r.Name) && !quotedName(at, r.Name) &&
		(at == raw || !strings.Contains(raw, r.Name)) { // after a tag or anchor with no space before the name
		t.Fatalf("rule %q is not written at %d:%d: %q", r.Name, r.Line, r.Column, at)
	}
	for off := range len(r.Expr) + 1 {
		if off < len(r.Expr) && !utf8.RuneStart(r.Expr[off]) {
			continue
		}
		line, col := r.At(off)
		if r.ExprLine != 0 && !holds(lines, line, col, r.Expr[off:]) && !holds(nlLines, line, col, r.Expr[off:]) {
			t.Fatalf("rule %q: At(%d) = %d:%d does not hold %q", r.Name, off, line, col, r.Expr[off:])
		}
	}
	got := policy.Parse(r.Value)
	if r.Kind == KindString && !reflect.DeepEqual(got, policy.Parse(r.Expr)) {
		t.Fatalf("rule %q: value and check string parse differently", r.Name)
	}
}

// skipProperties drops the YAML tags (!t) and anchors (&a) written before a
// node, and an alias's '*'.
func skipProperties(at string) string {
	for at != "" && (at[0] == '!' || at[0] == '&') {
		i := strings.IndexFunc(at, unicode.IsSpace)
		if i < 0 {
			return ""
		}
		at = strings.TrimLeftFunc(at[i:], unicode.IsSpace)
	}
	return strings.TrimPrefix(at, "*")
}

// folded: a plain name written over several lines is folded to one (its
// words are the text's first words, the last one possibly cut short).
func folded(at, name string) bool {
	want, have := strings.Fields(name), strings.Fields(at)
	if len(want) == 0 || len(have) < len(want) {
		return false
	}
	last := len(want) - 1
	return reflect.DeepEqual(want[:last], have[:last]) && strings.HasPrefix(have[last], want[last])
}

// quotedName: a quoted name is written after its quote, unless escapes
// (a backslash, a doubled single quote) or folded line breaks make its
// text differ from the name.
func quotedName(at, name string) bool {
	if at == "" || at[0] != '"' && at[0] != '\'' {
		return false
	}
	if strings.HasPrefix(at[1:], name) {
		return true
	}
	end := strings.IndexByte(at[1:], at[0])
	if end < 0 {
		return false
	}
	raw := at[1 : 1+end]
	return strings.Contains(raw, `\`) || lineBreak.MatchString(raw) || strings.HasPrefix(at[1+end:], "''")
}

// runesFrom returns s from the 1-based character column col.
func runesFrom(s string, col int) string {
	r := []rune(s)
	if col-1 > len(r) {
		return ""
	}
	return string(r[col-1:])
}

// yamlLines splits text at the line breaks YAML counts: "\r\n", "\r",
// "\n", and (yaml.v3, as libyaml) NEL, LS and PS.
func yamlLines(text string) []string { return lineBreak.Split(text, -1) }

var lineBreak = regexp.MustCompile("\r\n|[\r\n\u0085\u2028\u2029]")

func names(f *File) []string {
	out := []string{}
	for _, r := range f.Rules {
		out = append(out, r.Name)
	}
	return out
}

// jsonKeys returns the top-level keys of a JSON object, in order, as
// encoding/json's tokenizer reads them (none for another value).
func jsonKeys(data []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(data))
	keys := []string{}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return keys
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		keys = append(keys, tok.(string))
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return nil
		}
	}
	return keys
}

// yamlRejects reports a JSON document with a rule that JSON allows and
// YAML does not: a character YAML forbids raw in a string (DEL, C1
// controls, NEL included, which YAML reads as a line break; U+FFFE,
// U+FFFF) or a key written over 1024 characters (YAML's
// limit for implicit keys). Parse reads JSON with yaml.v3, which rejects
// these documents, where oslo.policy's json.loads reads them. Found by
// FuzzRoundTrip and left to the JSON reader that replaces yaml.v3 for JSON
// documents (issue 14, bounded work).
func yamlRejects(name, check string) bool {
	key, _ := json.Marshal(name)
	return len(key) > 1024 || strings.ContainsFunc(name+check, func(r rune) bool {
		return r == 0x7f || r >= 0x80 && r <= 0x9f || r == 0xfffe || r == 0xffff
	})
}

// FuzzRoundTrip: a one-rule document written by encoding/json (what
// oslo.policy reads with json.loads) and one written by yaml.v3 read back
// as exactly that rule name and check string, with the right loader.
func FuzzRoundTrip(f *testing.F) {
	f.Add("os_compute_api:servers:create", "role:admin or project_id:%(project_id)s")
	f.Fuzz(func(t *testing.T, name, check string) {
		if !utf8.ValidString(name) || !utf8.ValidString(check) {
			return // encoding/json would write U+FFFD
		}
		js, err := json.Marshal(map[string]string{name: check})
		if err != nil {
			t.Fatal(err)
		}
		ys, err := yaml.Marshal(map[string]string{name: check})
		if err != nil {
			t.Fatal(err)
		}
		// yaml.v3 writes some strings it reads back otherwise ("\n" as "|4+",
		// read as "") or not at all ("\t\n"), and "<<" plain (a merge key,
		// which PyYAML rejects): the YAML document is checked against
		// yaml.v3's own reading of it, when it has one.
		var back map[string]string
		yamlOK := yaml.Unmarshal(ys, &back) == nil && name != "<<" && check != "<<"
		for loader, doc := range map[string][]byte{"json": js, "yaml": ys} {
			if loader == "json" && yamlRejects(name, check) || loader == "yaml" && !yamlOK {
				continue // known: see yamlRejects
			}
			wantName, want := name, check
			if loader == "yaml" {
				for k, v := range back {
					wantName, want = k, v
				}
			}
			file, err := Parse(doc)
			if err != nil {
				t.Fatalf("%s document %q: %v", loader, doc, err)
			}
			if loader == "json" && file.Loader != "json" || len(file.Rules) != 1 ||
				file.Rules[0].Name != wantName || file.Rules[0].Expr != want || file.Rules[0].Kind != KindString {
				t.Fatalf("%s document %q: got %+v", loader, doc, file)
			}
		}
	})
}
