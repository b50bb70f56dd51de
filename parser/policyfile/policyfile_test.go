package policyfile

import (
	"errors"
	"testing"
)

func TestJSON(t *testing.T) {
	src := "{\n  \"admin\": \"role:admin\",\n  \"open\": \"\",\n  \"legacy\": [[\"role:a\", \"role:b\"], [\"role:c\"]],\n  \"admin\": \"rule:x\"\n}\n"
	f, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if f.Loader != "json" || len(f.Rules) != 4 {
		t.Fatalf("got %+v", f)
	}
	r := f.Rules[3]
	if r.Name != "admin" || r.Expr != "rule:x" || r.Line != 5 || r.Column != 3 {
		t.Errorf("dup: %+v", r)
	}
	if f.Rules[2].Kind != KindList || len(f.Rules[2].List) != 2 {
		t.Errorf("list: %+v", f.Rules[2])
	}
}

func TestYAML(t *testing.T) {
	f, err := Parse([]byte("# c\n\"compute:start\": \"role:admin\"\nnothing:\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f.Loader != "yaml" || f.Rules[0].Line != 2 || f.Rules[1].Kind != KindNull {
		t.Fatalf("got %+v %+v", f.Rules[0], f.Rules[1])
	}
}

func TestTrailingCommaIsYAML(t *testing.T) {
	f, err := Parse([]byte(`{"a": "role:x",}`))
	if err != nil || f.Loader != "yaml" {
		t.Fatalf("got %v %v", f, err)
	}
}

func TestErrors(t *testing.T) {
	cases := []struct {
		src  string
		line int
	}{
		{"{\n  \"a\": \"role:x\"\n  \"b\": \"role:y\"\n}\n", 3},
		{"a: role: x\n", 1},
		{"- a\n- b\n", 1},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.src))
		var e *Error
		if !errors.As(err, &e) || e.Line != c.line {
			t.Errorf("%q: got %#v", c.src, err)
		}
	}
}

// TestExprPositions: checks are located inside quoted JSON, quoted and plain
// YAML values; an escaped or folded value falls back to the name.
func TestExprPositions(t *testing.T) {
	cases := []struct {
		doc       string
		line, col int // of offset 5 of the expression
	}{
		{"{\n  \"a\": \"role:admin or rloe:x\"\n}\n", 2, 14},
		{"a: 'role:admin or rloe:x'\n", 1, 10},
		{"a: role:admin or rloe:x\n", 1, 9},
		{"{\"a\": \"role:\\u0061dmin\"}", 1, 2},
		{"a: >\n  role:admin\n  or rloe:x\n", 1, 1},
	}
	for _, c := range cases {
		f, err := Parse([]byte(c.doc))
		if err != nil {
			t.Fatalf("%q: %v", c.doc, err)
		}
		line, col := f.Rules[0].At(5)
		if line != c.line || col != c.col {
			t.Errorf("%q: offset 5 at %d:%d, want %d:%d", c.doc, line, col, c.line, c.col)
		}
	}
}

// TestFalsyDocument: oslo.policy's parse_file_contents returns `parsed or
// {}`, so a document Python reads as false holds no rules, no error (the
// cases were run through oslo.policy; "---" was found by FuzzParse).
func TestFalsyDocument(t *testing.T) {
	for _, doc := range []string{"---", "~", "null", "false", "no", "off", "0", "0.0", "-0", "0x0", "[]", `""`, "''", "--- |\n", "!!str", "False", "NO"} {
		f, err := Parse([]byte(doc))
		if err != nil || len(f.Rules) != 0 {
			t.Errorf("%q: got %v, %v", doc, f, err)
		}
	}
	for _, doc := range []string{"[1]", "a", "- a", "!x", "n"} {
		if _, err := Parse([]byte(doc)); err == nil {
			t.Errorf("%q: no error", doc)
		}
	}
}
