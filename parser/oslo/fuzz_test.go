package oslo

import (
	"errors"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
)

// FuzzParse checks, for any input:
//   - parsing is deterministic, and every error is a *ParseError;
//   - an error's line is within the file; a syntax error quotes exactly its
//     line (Text is that line, right-stripped, and Msg ends with its repr),
//     so no other line's text (a secret value above it) reaches the message;
//   - every header, comment, key and value is written where it says: the
//     key's name at its line and column, the value's first line after it,
//     each continuation line within line..end line;
//   - round trip: writing every section as "[name]" and every occurrence as
//     `key = "first line"` plus two-space-indented continuation lines gives
//     a file oslo.config reads as the same sections, keys and values in the
//     same order (the quotes keep the first line's outer white space, which
//     oslo.config would strip otherwise).
func FuzzParse(f *testing.F) {
	f.Add([]byte("[DEFAULT]\na = 1\n  b\n[x]\n#c\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		file2, err2 := Parse(data)
		fuzzcheck.Deterministic(t, file, file2, err, err2)
		lines := splitLines(string(data))
		if err != nil {
			checkError(t, err, lines)
			return
		}
		checkHeaders(t, file, lines)
		checkValues(t, file, lines)
		again, err := Parse(render(file))
		if err != nil {
			t.Fatalf("rendered file does not parse: %v\n%s", err, render(file))
		}
		if dump(again) != dump(file) {
			t.Fatalf("round trip:\n got %s\nwant %s", dump(again), dump(file))
		}
	})
}

// FuzzSecretInError plants a secret above the fuzzed text: whatever error
// the text causes, its message does not hold the secret.
func FuzzSecretInError(f *testing.F) {
	f.Add([]byte("  y\n"))
	const secret = "Pl4nted-S3cret"
	f.Fuzz(func(t *testing.T, data []byte) {
		if strings.Contains(string(data), secret) {
			return
		}
		_, err := Parse([]byte("[DEFAULT]\nadmin_password = " + secret + "\n" + string(data)))
		var pe *ParseError
		if errors.As(err, &pe) && (strings.Contains(pe.Msg, secret) || strings.Contains(pe.Error(), secret)) {
			t.Fatalf("secret in error at line %d: %s", pe.Line, pe.Msg)
		}
	})
}

func checkError(t *testing.T, err error, lines []string) {
	t.Helper()
	var pe *ParseError
	if !errors.As(err, &pe) {
		t.Fatalf("error %T is not a *ParseError: %v", err, err)
	}
	if pe.Line < 1 || pe.Line > max(1, len(lines)) {
		t.Fatalf("error at line %d of %d: %v", pe.Line, len(lines), pe)
	}
	switch {
	case pe.Decode:
		if !strings.HasPrefix(pe.Msg, "'utf-8' codec can't decode") || pe.Text != "" {
			t.Fatalf("decode error worded %q, text %q", pe.Msg, pe.Text)
		}
	case pe.Text == "":
		if pe.Msg != "Section must be started before assignment: None" {
			t.Fatalf("error without text: %q", pe.Msg)
		}
	default:
		if pe.Text != pyRstrip(lines[pe.Line-1]) {
			t.Fatalf("error text %q is not line %d %q", pe.Text, pe.Line, lines[pe.Line-1])
		}
		prefix, ok := strings.CutSuffix(pe.Msg, ": "+PyRepr(pe.Text))
		if !ok || !knownError[prefix] {
			t.Fatalf("message %q does not quote exactly its line", pe.Msg)
		}
	}
}

var knownError = map[string]bool{
	"Unexpected continuation line":      true,
	"Invalid section (must end with ])": true,
	"Empty section name":                true,
	"No ':' or '=' found in assignment": true,
	"Key cannot be empty":               true,
}

func checkHeaders(t *testing.T, f *File, lines []string) {
	t.Helper()
	for _, h := range f.Headers {
		if h.Line < 1 || h.Line > len(lines) || pyRstrip(lines[h.Line-1]) != "["+h.Name+"]" {
			t.Fatalf("header %+v is not written at its line", h)
		}
		if f.Section(NormalizeSection(h.Name)) == nil {
			t.Fatalf("header %+v has no section", h)
		}
	}
	for _, c := range f.Comments {
		l := pyRstrip(lines[c.Line-1])
		if l == "" || (l[0] != '#' && l[0] != ';') || pyLstrip(l[1:]) != c.Text {
			t.Fatalf("comment %+v is not line %q", c, l)
		}
	}
}

func checkValues(t *testing.T, f *File, lines []string) {
	t.Helper()
	for _, s := range f.Sections {
		for _, k := range s.Keys {
			for _, v := range k.Values {
				checkValue(t, f, k.Name, v, lines)
			}
		}
	}
}

func checkValue(t *testing.T, f *File, key string, v Value, lines []string) {
	t.Helper()
	if v.Line < 1 || v.EndLine < v.Line || v.EndLine > len(lines) || v.Column < 1 {
		t.Fatalf("%s: position %+v out of the file's %d lines", key, v, len(lines))
	}
	line := []rune(lines[v.Line-1])
	if v.Column > len(line) || !strings.HasPrefix(string(line[v.Column-1:]), key) {
		t.Fatalf("%s is not at line %d column %d: %q", key, v.Line, v.Column, lines[v.Line-1])
	}
	parts := strings.Split(v.Text, "\n")
	rest := string(line[v.Column-1+len([]rune(key)):])
	if !strings.Contains(rest, parts[0]) || len(parts)-1 > v.EndLine-v.Line {
		t.Fatalf("%s: value %q is not written at lines %d-%d", key, v.Text, v.Line, v.EndLine)
	}
	for i, p := range parts[1:] {
		if l := lines[v.Line+i]; pyStrip(l) != p {
			t.Fatalf("%s: continuation %q is not line %d %q", key, p, v.Line+i+1, l)
		}
	}
	var header string
	for _, h := range f.Headers {
		if h.Line < v.Line {
			header = h.Name
		}
	}
	if header != v.Header {
		t.Fatalf("%s at line %d: header %q, want %q", key, v.Line, v.Header, header)
	}
}

// render writes f back as an INI file (see FuzzParse).
func render(f *File) []byte {
	var b strings.Builder
	for _, s := range f.Sections {
		b.WriteString("[" + s.Name + "]\n")
		for _, k := range s.Keys {
			for _, v := range k.Values {
				parts := strings.Split(v.Text, "\n")
				name := k.Name
				if strings.ContainsAny(name[:1], "#;[") {
					// A key that starts like a comment or header was written
					// after another character Python strips (a form feed,
					// found by fuzzing): write it that way again.
					name = "\f" + name
				}
				b.WriteString(name + " = \"" + parts[0] + "\"\n")
				for _, p := range parts[1:] {
					b.WriteString("  " + p + "\n")
				}
			}
		}
	}
	return []byte(b.String())
}

// splitLines splits text into lines as the parser reads them (nextLine:
// universal newlines), for the properties above.
func splitLines(text string) []string {
	var lines []string
	for text != "" {
		var line string
		line, text = nextLine(text)
		lines = append(lines, line)
	}
	return lines
}
