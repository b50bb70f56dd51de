package oslo

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// dump renders a File the way oslo_dump.py renders one file's normalised
// sections, so the expectations below are copied from the oracle's proved
// experiment outputs (shared/upstream/experiments/ini_experiments.out.md).
func dump(f *File) string {
	type kv struct {
		K string
		V []string
	}
	var out []any
	for _, s := range f.Sections {
		keys := []kv{}
		for _, k := range s.Keys {
			var vals []string
			for _, v := range k.Values {
				vals = append(vals, v.Text)
			}
			keys = append(keys, kv{k.Name, vals})
		}
		out = append(out, s.Name, keys)
	}
	b, _ := json.Marshal(out)
	return string(b)
}

func TestParseOracleCases(t *testing.T) {
	cases := []struct{ id, in, want string }{
		{"C01", "# hash comment\n; semicolon comment\n[DEFAULT]\n#x = 1\n;y = 2\nz = 3\n",
			`["DEFAULT",[{"K":"z","V":["3"]}]]`},
		{"C02", "[DEFAULT]\na = 1 # note\nb = x ; y\n",
			`["DEFAULT",[{"K":"a","V":["1 # note"]},{"K":"b","V":["x ; y"]}]]`},
		{"C03", "[DEFAULT]\na = x\n    # not a comment\n", `["DEFAULT",[{"K":"a","V":["x\n# not a comment"]}]]`},
		{"C05", "[DEFAULT]\na = first\n  second\n\tthird\nb =\n  x\n  y\n",
			`["DEFAULT",[{"K":"a","V":["first\nsecond\nthird"]},{"K":"b","V":["\nx\ny"]}]]`},
		{"C08", "[DEFAULT]\nk1: v1\nk3 = a=b\nurl = http://h:5000/v3\nk4: x = y\nk5 :=z\nk6=:z\n",
			`["DEFAULT",[{"K":"k1","V":["v1"]},{"K":"k3","V":["a=b"]},{"K":"url","V":["http://h:5000/v3"]},{"K":"k4","V":["x = y"]},{"K":"k5","V":["=z"]},{"K":"k6","V":[":z"]}]]`},
		{"C09", "[DEFAULT]\n  \nk1   =   v 1   \nmy key = v3\nk4 = v4\u00a0\nk5 = \u00a0v5\n",
			`["DEFAULT",[{"K":"k1","V":["v 1"]},{"K":"my key","V":["v3"]},{"K":"k4","V":["v4"]},{"K":"k5","V":["v5"]}]]`},
		{"C09b", "[DEFAULT]\na = x\n\x0cb = y\n\u00a0c = z\n",
			`["DEFAULT",[{"K":"a","V":["x"]},{"K":"b","V":["y"]},{"K":"c","V":["z"]}]]`},
		{"C10", "[DEFAULT]\nq1 = \"x\"\nq3 = \" x \"\nq4 = \"x'\nq5 = \"\nq7 = \"a\"b\"\nq8 = \"\"x\"\"\nq10 = \"a\n  b\"\n",
			`["DEFAULT",[{"K":"q1","V":["x"]},{"K":"q3","V":[" x "]},{"K":"q4","V":["\"x'"]},{"K":"q5","V":[""]},{"K":"q7","V":["a\"b"]},{"K":"q8","V":["\"x\""]},{"K":"q10","V":["\"a\nb\""]}]]`},
		{"C12", "[DEFAULT]\ns = 1\ns = 2\n[x]\n[DEFAULT]\ns = 3\n",
			`["DEFAULT",[{"K":"s","V":["1","2","3"]}],"x",[]]`},
		{"C15", "[Database]\nconnection = one\n[default]\ndebug = true\n[ vnc ]\nenabled = false\n",
			`["database",[{"K":"connection","V":["one"]}],"default",[{"K":"debug","V":["true"]}]," vnc ",[{"K":"enabled","V":["false"]}]]`},
		{"C15b", "[database]\nconnection = lower\n[DATABASE]\nconnection = UPPER\n",
			`["database",[{"K":"connection","V":["lower","UPPER"]}]]`},
		{"C21", "[DEFAULT]\r\na = 1\r\nb = x\r\n  y\r\n", `["DEFAULT",[{"K":"a","V":["1"]},{"K":"b","V":["x\ny"]}]]`},
		{"C21b", "[DEFAULT]\ra = 1\rb = 2\r", `["DEFAULT",[{"K":"a","V":["1"]},{"K":"b","V":["2"]}]]`},
		{"C22c", "[DEFAULT]\na = x\x00y\n", `["DEFAULT",[{"K":"a","V":["x\u0000y"]}]]`},
		{"C22d", "[DEFAULT]\na = x\n  y", `["DEFAULT",[{"K":"a","V":["x\ny"]}]]`},
		{"E5", "[]]\na = 1\n[[x]]\nb = 2\n[a]b]\nc = 3\n[DEFAULT ]\nd = 4\n",
			`["]",[{"K":"a","V":["1"]}],"[x]",[{"K":"b","V":["2"]}],"a]b",[{"K":"c","V":["3"]}],"default ",[{"K":"d","V":["4"]}]]`},
		{"E6", "# nothing\n", `null`},
	}
	for _, c := range cases {
		f, err := Parse([]byte(c.in))
		if err != nil {
			t.Errorf("%s: unexpected error %v", c.id, err)
			continue
		}
		if got := dump(f); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.id, got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	cases := []struct {
		id, in string
		line   int
		msg    string
	}{
		{"C04", "[DEFAULT]\n  # indented comment\na = 1\n", 2, "Unexpected continuation line: '  # indented comment'"},
		{"C06", "[DEFAULT]\na = x\n   \n  y\n", 4, "Unexpected continuation line: '  y'"},
		{"C07", "[DEFAULT]\na = x\n# c\n  y\n", 4, "Unexpected continuation line: '  y'"},
		{"C08b", "[DEFAULT]\njust_a_key\n", 2, "No ':' or '=' found in assignment: 'just_a_key'"},
		{"C20", "\xef\xbb\xbf[DEFAULT]\na = 1\n", 1, `No ':' or '=' found in assignment: '\ufeff[DEFAULT]'`},
		{"C20c", "\xef\xbb\xbfa = 1\n[DEFAULT]\n", 2, "Section must be started before assignment: None"},
		{"C22", "[DEFAULT]\nname = caf\xe9\n", 2, "'utf-8' codec can't decode byte 0xe9 in position 20: invalid continuation byte"},
		{"E1", "a = 1\n[DEFAULT]\n", 2, "Section must be started before assignment: None"},
		{"E1b", "\na = 1\n  2\n\n\n", 4, "Section must be started before assignment: None"},
		{"E2", "[DEFAULT]\n= 1\n", 2, "Key cannot be empty: '= 1'"},
		{"E3b", "[DEFAULT] # main\na = 1\n", 1, "Invalid section (must end with ]): '[DEFAULT] # main'"},
		{"E4", "[]\na = 1\n", 1, "Empty section name: '[]'"},
		{"quote", "[DEFAULT]\nit's\n", 2, `No ':' or '=' found in assignment: "it's"`},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.in))
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: want ParseError, got %v", c.id, err)
			continue
		}
		if pe.Line != c.line || pe.Msg != c.msg {
			t.Errorf("%s: got line %d %q, want line %d %q", c.id, pe.Line, pe.Msg, c.line, c.msg)
		}
	}
}

func TestPositions(t *testing.T) {
	f, err := Parse([]byte("[DEFAULT]\n\x0c  key = a\n  b\nother=1\n"))
	if err != nil {
		t.Fatal(err)
	}
	v, _ := f.Section("DEFAULT").Last("key")
	if v.Line != 2 || v.Column != 4 || v.EndLine != 3 || v.Header != "DEFAULT" {
		t.Errorf("got %+v", v)
	}
}

func TestDecodeChunkBoundary(t *testing.T) {
	// A multi-byte character split across Python's 8192-byte chunks is fine.
	data := []byte("[DEFAULT]\na = ")
	for len(data) < pyChunk-1 {
		data = append(data, 'x')
	}
	data = append(data, "é\n"...)
	if _, err := Parse(data); err != nil {
		t.Fatal(err)
	}
	// A bad byte in the second chunk is reported relative to that chunk
	// plus the carried lead byte of "é" (checked against Python 3.11).
	data = append(data, "b = \xff\n"...)
	_, err := Parse(data)
	var pe *ParseError
	if !errors.As(err, &pe) || pe.Msg != "'utf-8' codec can't decode byte 0xff in position 7: invalid start byte" {
		t.Fatalf("got %v", err)
	}
}

// TestManyLinesAllocations: a file of many lines is read in place, with a
// few allocations for the whole file rather than two per line (issue 14:
// a 1M-line nova.conf).
func TestManyLinesAllocations(t *testing.T) {
	data := []byte("[DEFAULT]\n" + strings.Repeat("debug = true\n", 100_000))
	allocs := testing.AllocsPerRun(1, func() {
		if _, err := Parse(data); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 200 {
		t.Errorf("%.0f allocations for 100,000 lines", allocs)
	}
}
