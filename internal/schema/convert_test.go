package schema

import (
	"reflect"
	"testing"
)

// TestConvert: values as oslo.config's types convert them
// (oslo_config/types.py; the corpus differential test
// TestEffectiveMatchesOsloConfig compares every option of every file).
func TestConvert(t *testing.T) {
	str := &Opt{Type: "str"}
	for _, c := range []struct {
		opt  *Opt
		in   string
		want any
	}{
		{&Opt{Type: "list", Item: str}, "public,", []any{"public"}},
		{&Opt{Type: "list", Item: str}, " a , b ,, ", []any{"a", "b"}},
		{&Opt{Type: "list", Item: str}, "a,,b", []any{"a", "", "b"}},
		{&Opt{Type: "list", Item: &Opt{Type: "int"}}, "1,2", []any{1.0, 2.0}},
		{&Opt{Type: "list", Item: str, Bounds: 1}, "[x,y]", []any{"x", "y"}},
		{&Opt{Type: "dict", Value: str}, "a:1, b:x:y", map[string]any{"a": "1", "b": "x:y"}},
		{&Opt{Type: "bool"}, "Yes", true},
		{&Opt{Type: "bool"}, "off", false},
		{&Opt{Type: "int"}, " 1_000 ", 1000.0},
		{&Opt{Type: "int"}, "", nil},
		{&Opt{Type: "str", Quotes: 1}, `"quoted"`, "quoted"},
		{str, `"kept"`, `"kept"`},
	} {
		got, err := c.opt.Convert(c.in)
		if err != nil || !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s %q: %#v, %v; want %#v", c.opt.Type, c.in, got, err, c.want)
		}
	}
	if _, err := (&Opt{Type: "bool"}).Convert("maybe"); err == nil {
		t.Error("a bool of maybe converts")
	}
}
