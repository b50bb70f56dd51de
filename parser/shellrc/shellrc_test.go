package shellrc

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	src := `# admin-openrc
unset OS_SERVICE_TOKEN
export OS_USERNAME=admin
export OS_PASSWORD='s3cr3t'  # trailing comment
OS_AUTH_URL="http://controller:5000/v3"
export OS_AUTH_URL
PLAIN=x
export OS_PROJECT_NAME=$PLAIN-y
export OS_TOKEN=$(cat /tmp/t)
export OS_REGION_NAME=RegionOne
unset OS_REGION_NAME
`
	f, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, value string
		line        int
		exported    bool
		dynamic     bool
	}{
		{"OS_USERNAME", "admin", 3, true, false},
		{"OS_PASSWORD", "s3cr3t", 4, true, false},
		{"OS_AUTH_URL", "http://controller:5000/v3", 5, true, false},
		{"PLAIN", "x", 7, false, false},
		{"OS_PROJECT_NAME", "x-y", 8, true, false},
		{"OS_TOKEN", "", 9, true, true},
	}
	for _, c := range cases {
		v := f.Get(c.name)
		if v == nil {
			t.Errorf("%s missing", c.name)
			continue
		}
		if v.Value != c.value || v.Line != c.line || v.Exported != c.exported || v.Dynamic != c.dynamic {
			t.Errorf("%s: got %+v", c.name, *v)
		}
	}
	if f.Get("OS_REGION_NAME") != nil {
		t.Error("unset variable still present")
	}
	if len(f.Unset) != 2 || f.Unset[0].Name != "OS_SERVICE_TOKEN" {
		t.Errorf("unsets: %+v", f.Unset)
	}
}

func TestSetA(t *testing.T) {
	f, err := Parse([]byte("set -a\nOS_AUTH_URL=http://x:5000\n"))
	if err != nil {
		t.Fatal(err)
	}
	if v := f.Get("OS_AUTH_URL"); v == nil || !v.Exported {
		t.Fatalf("got %+v", v)
	}
}

func TestSyntaxError(t *testing.T) {
	_, err := Parse([]byte("export A=1\nexport B='unterminated\n"))
	var e *Error
	if !errors.As(err, &e) || e.Line != 2 {
		t.Fatalf("got %#v", err)
	}
}

// TestRefs: the text a variable got from expanding others is located, also
// through a second variable and an append.
func TestRefs(t *testing.T) {
	f, err := Parse([]byte("PW=s3cret\nURL=\"http://u:${PW}@h\"\nB=x$URL\nB+=$PW\n"))
	if err != nil {
		t.Fatal(err)
	}
	b := f.Get("B")
	var pw []string
	for _, r := range b.Refs {
		if r.Name == "PW" {
			pw = append(pw, b.Value[r.Start:r.End])
		}
	}
	if b.Value != "xhttp://u:s3cret@hs3cret" || len(pw) != 2 || pw[0] != "s3cret" || pw[1] != "s3cret" {
		t.Fatalf("value %q refs %+v", b.Value, b.Refs)
	}
}

// TestNotAName: "0=[" is a command to bash, not an assignment (mvdan's
// parser reads it as one; found by FuzzParse).
func TestNotAName(t *testing.T) {
	f, err := Parse([]byte("0=[\n_a1=[\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Vars) != 1 || f.Vars[0].Name != "_a1" || f.Vars[0].Value != "[" {
		t.Fatalf("got %+v", f.Vars)
	}
}

// TestFarPositions: lines past 262,143 and columns past 16,383 keep their
// numbers (mvdan's Pos packs them into 18 and 14 bits and reports 0 beyond).
func TestFarPositions(t *testing.T) {
	pad := strings.Repeat(" ", 20000)
	src := "export A=1;" + pad + "B=2\n" + strings.Repeat("\n", 300000) + "export C=3\nexport D='x\n"
	_, err := Parse([]byte(src))
	var e *Error
	if !errors.As(err, &e) || e.Line != 300003 || e.Column != 10 {
		t.Fatalf("error: got %#v", err)
	}
	f, err := Parse([]byte(strings.TrimSuffix(src, "export D='x\n")))
	if err != nil {
		t.Fatal(err)
	}
	if b := f.Get("B"); b == nil || b.Line != 1 || b.Column != 12+len(pad) {
		t.Errorf("B: got %+v", b)
	}
	if c := f.Get("C"); c == nil || c.Line != 300002 || c.Column != 8 {
		t.Errorf("C: got %+v", c)
	}
}

// TestShortMessage: an error quoting a long token of the file (a
// here-document delimiter; found by FuzzParse) quotes only its start.
func TestShortMessage(t *testing.T) {
	_, err := Parse([]byte("cat <<" + strings.Repeat("E", 5000) + "\n"))
	var e *Error
	if !errors.As(err, &e) || len(e.Msg) > 200 || !strings.HasPrefix(e.Msg, "unclosed here-document `EEE") {
		t.Fatalf("got %v", err)
	}
}

// TestValueBounded: variables that each expand the previous one three
// times (a 1 KB file) stop growing at MaxValue and are marked dynamic
// (found by the red team: 2.2 GB at depth 14, out of memory at 59).
func TestValueBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("A0=x\n")
	for i := 1; i < 60; i++ {
		fmt.Fprintf(&b, "A%d=\"$A%d$A%d$A%d\"\n", i, i-1, i-1, i-1)
	}
	f, err := Parse([]byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	v := f.Get("A59")
	if v == nil || len(v.Value) > MaxValue || !v.Dynamic {
		t.Fatalf("A59: %d bytes, dynamic %v", len(v.Value), v != nil && v.Dynamic)
	}
}

// TestParseEnv: variables set before the file runs expand in it (an init
// script's DAEMON_ARGS before /etc/default/<name>), and only what the file
// assigns is listed.
func TestParseEnv(t *testing.T) {
	f, err := ParseEnv([]byte("DAEMON_ARGS=\"$DAEMON_ARGS --config-file=/etc/x.ini\"\n"), map[string]string{"DAEMON_ARGS": "--config-file=/etc/a.conf", "OTHER": "y"})
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Vars) != 1 {
		t.Fatalf("vars %+v, want DAEMON_ARGS only", f.Vars)
	}
	v := f.Get("DAEMON_ARGS")
	if v.Value != "--config-file=/etc/a.conf --config-file=/etc/x.ini" || v.Dynamic || v.Line != 1 {
		t.Errorf("DAEMON_ARGS = %+v", v)
	}
}
