package shellrc

import (
	"errors"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stacklint/stacklint/internal/fuzzcheck"
)

// FuzzParse: parsing is deterministic; a syntax error is an *Error at a
// position within the file with a short message; every variable and unset
// name is a shell name written at the line and column it reports.
func FuzzParse(f *testing.F) {
	f.Add([]byte("export OS_USERNAME=admin\nexport OS_PASSWORD='s3cr3t'\nunset OS_TOKEN\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Parse(data)
		file2, err2 := Parse(data)
		fuzzcheck.Deterministic(t, file, file2, err, err2)
		lines := strings.Split(string(data), "\n")
		if err != nil {
			checkError(t, err, lines)
			return
		}
		for _, v := range file.Vars {
			if !shellName.MatchString(v.Name) || !writtenAt(lines, v.Line, v.Column, v.Name) {
				t.Fatalf("%+v is not a name written at its position", *v)
			}
		}
		for _, u := range file.Unset {
			if u.Name == "" || u.Line < 1 || u.Line > len(lines) || !strings.Contains(ignored.Replace(strings.Join(lines[u.Line-1:], "\n")), u.Name) {
				t.Fatalf("unset %+v is not written on its line", u)
			}
		}
	})
}

// FuzzRoundTrip: a variable that a generated `export NAME='value'` line
// assigns a plain literal (no quote or NUL inside, valid UTF-8) reads back
// as exactly that value, exported, static, at line 1 column 8. Values with
// a CR are left out: mvdan reads "\r\n" as "\n" even inside quotes (bash
// keeps the CR).
func FuzzRoundTrip(f *testing.F) {
	f.Add("OS_PASSWORD", "s3cr3t with spaces $HOME `x` \"q\"\\")
	f.Fuzz(func(t *testing.T, name, value string) {
		if !shellName.MatchString(name) || strings.ContainsAny(value, "'\x00\r") || !utf8.ValidString(value) {
			return
		}
		file, err := Parse([]byte("export " + name + "='" + value + "'\n"))
		if err != nil {
			t.Fatalf("export %s='%s': %v", name, value, err)
		}
		v := file.Get(name)
		want := Var{Name: name, Value: value, Line: 1, Column: 8, Exported: true}
		if v == nil || !reflect.DeepEqual(*v, want) {
			t.Fatalf("got %+v, want %+v", v, want)
		}
	})
}

// FuzzSecretInError plants a password above the fuzzed text: no syntax
// error the text causes quotes it.
func FuzzSecretInError(f *testing.F) {
	f.Add([]byte("export B='unterminated\n"))
	const secret = "Pl4nted-S3cret"
	f.Fuzz(func(t *testing.T, data []byte) {
		if strings.Contains(string(data), secret) {
			return
		}
		_, err := Parse([]byte("export OS_PASSWORD='" + secret + "'\n" + string(data)))
		if err != nil && strings.Contains(err.Error(), secret) {
			t.Fatalf("secret in error: %v", err)
		}
	})
}

var shellName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// maxErrorBytes bounds a syntax error's message: it names the construct
// and quotes at most a short excerpt of the file.
const maxErrorBytes = 200

func checkError(t *testing.T, err error, lines []string) {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %T is not an *Error: %v", err, err)
	}
	if e.Line < 1 || e.Line > len(lines) || e.Column < 1 || e.Column > len(lines[e.Line-1])+1 {
		t.Fatalf("error at %d:%d, outside the file: %v", e.Line, e.Column, e)
	}
	if len(e.Msg) > maxErrorBytes || e.Msg == "" {
		t.Fatalf("message of %d bytes: %q", len(e.Msg), e.Msg)
	}
}

// ignored takes out what the shell ignores: NUL bytes and line
// continuations.
var ignored = strings.NewReplacer("\x00", "", "\\\r\n", "", "\\\n", "")

// writtenAt: the text at 1-based line and byte column starts with s, once
// the NUL bytes and line continuations the shell ignores are taken out.
func writtenAt(lines []string, line, col int, s string) bool {
	if line < 1 || line > len(lines) || col < 1 || col > len(lines[line-1]) {
		return false
	}
	rest := lines[line-1][col-1:] + "\n" + strings.Join(lines[line:], "\n")
	rest = ignored.Replace(rest)
	return strings.HasPrefix(rest, s)
}
