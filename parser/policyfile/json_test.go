package policyfile

import (
	"errors"
	"fmt"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestJSONLoaderMatchesYAMLNodes: the streaming JSON reader gives every
// rule exactly what the yaml.v3 node tree gave it before (kind, value,
// lists, duplicates, the name's and the check string's positions), on
// documents with CRLF and CR line ends, tabs, non-ASCII text, escapes and
// every kind of value.
func TestJSONLoaderMatchesYAMLNodes(t *testing.T) {
	docs := []string{
		"{}",
		"{\n  \"admin\": \"role:admin\",\n  \"open\": \"\",\n  \"legacy\": [[\"role:a\", \"role:b\"], [\"role:c\"]],\n  \"admin\": \"rule:x\"\n}\n",
		"{\"a\":\"role:a or rule:b\",\"b\":\"role:x\",\"c\":null,\"d\":true,\"e\":1,\"f\":1.5,\"g\":{\"x\":\"y\"},\"h\":[],\"i\":[[]]}",
		"{\r\n\t\"a\" :\t\"role:admin or rloe:x\" ,\r\n\t\"b\": \"role:é and rule:ü\"\r\n}\r\n",
		"{\r\"a\": \"role:x\",\r\"b\": \"role:y\"\r}",
		"{\"é\": \"role:日本 or role:x\", \"😀\": \"role:😀 or rule:y\", \"k\": \"role:\\u00e9 or x\"}",
		"{\"a\": \"role:\\\"q\\\" or x\", \"b\": \"x\\\\\", \"c\": \"tab\\there\"}",
		"  \n {  \"a\"  :  \"role:a\"  ,  \"b\"  :  [ \"role:b\" , [\"role:c\", \"role:d\"] ]  }  \n",
		"{\"a\": \"role:a\", \"a\": \"role:b\", \"a\": [\"role:c\"]}",
		"{\"n\": -0, \"m\": 1e5, \"o\": \"@\", \"p\": \"!\"}",
	}
	for _, d := range docs {
		want, werr := parseYAML([]byte(d), "json")
		got, gerr := parseJSON([]byte(d))
		if werr != nil || gerr != nil {
			t.Errorf("%q: yaml %v, json %v", d, werr, gerr)
			continue
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q:\njson %s\nyaml %s", d, dumpRules(got), dumpRules(want))
		}
	}
}

func dumpRules(f *File) string {
	var b strings.Builder
	for _, r := range f.Rules {
		fmt.Fprintf(&b, "%+v\n", *r)
	}
	return b.String()
}

// TestJSONNotAMapping: a JSON document that is not an object is refused
// at its first token, as before, unless Python reads it as false (null,
// [], 0, ""): oslo.policy's `parsed or {}` reads that as no rules.
func TestJSONNotAMapping(t *testing.T) {
	for _, d := range []string{"[1, 2]", "\n\n  \"role:admin\"", "\"x\"", "1"} {
		_, err := Parse([]byte(d))
		_, werr := parseYAML([]byte(d), "json")
		var e, w *Error
		if !errors.As(err, &e) || !errors.As(werr, &w) || *e != *w {
			t.Errorf("%q: got %v, want %v", d, err, werr)
		}
	}
}

// TestJSONEscapes: a surrogate pair ("\ud83d\ude00") is one character
// and "\/" is "/" to Python's json module; yaml.v3 refused the whole file.
func TestJSONEscapes(t *testing.T) {
	f, err := Parse([]byte(`{"a": "role:\ud83d\ude00", "b": "http:\/\/h\/x"}`))
	if err != nil || f.Loader != "json" || f.Rules[0].Expr != "role:😀" || f.Rules[1].Expr != "http://h/x" {
		t.Fatalf("got %+v, %v", f, err)
	}
}

// TestAtNonASCII: At counts characters, not bytes, at every offset of a
// long non-ASCII check string.
func TestAtNonASCII(t *testing.T) {
	expr := strings.Repeat("role:é or rule:日本 or ", 50) + "role:x"
	f, err := Parse([]byte(`{"a": "` + expr + `"}`))
	if err != nil {
		t.Fatal(err)
	}
	r := f.Rules[0]
	for off := range len(expr) + 1 {
		if !utf8.RuneStart(expr[min(off, len(expr)-1)]) && off < len(expr) {
			continue
		}
		if line, col := r.At(off); line != 1 || col != 8+utf8.RuneCountInString(expr[:off]) {
			t.Fatalf("At(%d) = %d:%d, want 1:%d", off, line, col, 8+utf8.RuneCountInString(expr[:off]))
		}
	}
}

// TestJSONMemory: a JSON policy file is read in memory proportional to its
// size, with one rule a line (issue 14: a 69 MB file; yaml.v3's node tree
// allocated 18 times the file, the streaming decoder 6) or all on one line
// as a minifier writes it (the check strings were located by turning the
// whole line into runes once per rule: a 1 MB file allocated 67 GB).
func TestJSONMemory(t *testing.T) {
	for _, oneLine := range []bool{false, true} {
		data := bigJSON(256<<10, oneLine)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f, err := Parse(data)
		runtime.ReadMemStats(&after)
		if err != nil || len(f.Rules) < 2000 || f.Rules[len(f.Rules)-1].ExprLine == 0 {
			t.Fatalf("one line %v: %d rules, %v", oneLine, len(f.Rules), err)
		}
		alloc := after.TotalAlloc - before.TotalAlloc
		if alloc > 10*uint64(len(data)) {
			t.Errorf("one line %v: parsing %d bytes allocated %d bytes", oneLine, len(data), alloc)
		}
		t.Logf("one line %v: %d bytes allocated for %d", oneLine, alloc, len(data))
	}
}

// TestJSONFalsyDocuments: null, false, 0, "" and [] are no rules, as
// oslo.policy reads them, from the JSON reader as from the YAML one.
func TestJSONFalsyDocuments(t *testing.T) {
	for _, d := range []string{"null", "false", "0", "0.0", `""`, "[]", " [ ] "} {
		f, err := Parse([]byte(d))
		if err != nil || len(f.Rules) != 0 || f.Loader != "json" {
			t.Errorf("%q: got %+v, %v", d, f, err)
		}
	}
}
