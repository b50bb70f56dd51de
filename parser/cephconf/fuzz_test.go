package cephconf

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzParse: any input parses, the same way twice; every setting has a
// name and a line of the input, and the name is normalised (no space,
// dash or doubled underscore) as Normalize leaves it.
func FuzzParse(f *testing.F) {
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Count(string(data), "\n") + 1
		got := Parse(data)
		if !reflect.DeepEqual(got, Parse(data)) {
			t.Fatal("not deterministic")
		}
		for _, s := range got.Settings {
			if s.Line < 1 || s.Line > lines || s.Name == "" {
				t.Fatalf("setting %+v outside %d lines", s, lines)
			}
			if Normalize(s.Name) != s.Name || strings.ContainsAny(s.Name, " \t-") || strings.Contains(s.Name, "__") {
				t.Fatalf("name %q not normalised", s.Name)
			}
		}
	})
}
