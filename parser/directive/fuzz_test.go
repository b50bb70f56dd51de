package directive

import (
	"bytes"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzParse: in every dialect (style mod 6) parsing is deterministic and
// every directive sits on a line of the input, in file order, with a
// non-empty name written on that line; word dialects' arguments are
// non-empty words of that line, an assignment's value is text of that
// line, and blocks are text of the input. httpd reads quotes, escapes and
// continued lines: its names, arguments and blocks are text of the input
// from the directive's line on once quotes, backslashes and white space
// are set aside (names in any case).
func FuzzParse(f *testing.F) {
	f.Add(uint8(Tags), []byte("Listen 5000\n<VirtualHost *:5000>\n  WSGIScriptAlias / /usr/bin/keystone-wsgi-public\n</VirtualHost>\n"))
	f.Fuzz(func(t *testing.T, style uint8, data []byte) {
		st := Style(style % 6)
		got := Parse(st, data)
		if again := Parse(st, data); !reflect.DeepEqual(got, again) {
			t.Fatalf("not deterministic: %+v then %+v", got, again)
		}
		lines := strings.Split(string(data), "\n")
		last := 1
		for _, d := range got {
			if d.Line < last || d.Line > len(lines) {
				t.Fatalf("%+v: line out of order or out of 1..%d", d, len(lines))
			}
			last = d.Line
			checkDirective(t, st, d, lines[d.Line-1], data)
		}
	})
}

func checkDirective(t *testing.T, st Style, d Directive, line string, data []byte) {
	t.Helper()
	if st == Tags {
		checkHTTPD(t, d, data)
		return
	}
	name := d.Name
	if st == Tags && len(name) > 1 && name[0] == '<' { // an opening tag: "<" + the tag's name
		name = name[1:]
	}
	if name == "" || !strings.Contains(line, name) {
		t.Fatalf("%+v: name not written on its line %q", d, line)
	}
	if !bytes.Contains(data, []byte(d.Block)) {
		t.Fatalf("%+v: block is not text of the input", d)
	}
	switch st {
	case Assign, INI:
		if len(d.Args) > 1 || len(d.Args) == 1 && !strings.Contains(line, d.Args[0]) {
			t.Fatalf("%+v: value is not text of its line %q", d, line)
		}
	case XML:
		for _, a := range d.Args {
			if k, _, ok := strings.Cut(a, "="); !ok || k == "" || !bytes.Contains(data, []byte(k)) {
				t.Fatalf("%+v: attribute %q is not name=value of the input", d, a)
			}
		}
	default:
		for _, a := range d.Args {
			if a == "" || strings.ContainsFunc(a, isSpace) || !strings.Contains(line, a) {
				t.Fatalf("%+v: argument %q is not a word of its line %q", d, a, line)
			}
		}
	}
}

func isSpace(r rune) bool { return strings.TrimSpace(string(r)) == "" }

func checkHTTPD(t *testing.T, d Directive, data []byte) {
	t.Helper()
	lines := strings.SplitAfter(string(data), "\n")
	rest := bare(strings.Join(lines[d.Line-1:], ""))
	if name := strings.TrimPrefix(d.Name, "<"); name == "" && d.Name != "<" || !strings.Contains(asciiLower(rest), asciiLower(bare(name))) {
		t.Fatalf("%+v: name not written from its line on", d)
	}
	for _, a := range d.Args {
		if !strings.Contains(rest, bare(a)) {
			t.Fatalf("%+v: argument %q is not text from its line on", d, a)
		}
	}
	all := asciiLower(bare(string(data)))
	for _, b := range append([]string{d.Block}, d.Blocks...) {
		if !strings.Contains(all, asciiLower(bare(b))) {
			t.Fatalf("%+v: block %q is not text of the input", d, b)
		}
	}
	if d.Block != "" && !slices.Contains(d.Blocks, d.Block) {
		t.Fatalf("%+v: block is not among the enclosing sections", d)
	}
}

// bare is text without quotes, backslashes and white space, byte by byte
// as Apache reads it (apr_isspace is ASCII): a continued line may join two
// invalid UTF-8 bytes into a valid character, which a rune-wise mapping
// would have turned into U+FFFD on one side only.
func bare(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'', '\\', ' ', '\t', '\n', '\v', '\f', '\r':
		default:
			out = append(out, c)
		}
	}
	return string(out)
}

// asciiLower lowers ASCII letters only, byte by byte (Apache's
// apr_tolower), leaving other bytes, valid UTF-8 or not, as they are.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
