package release

import (
	"strings"
	"testing"
)

func TestSelect(t *testing.T) {
	cases := []struct {
		flag, configured, want, source string
		known                          bool
	}{
		{"", "", "", "auto", false},
		{"auto", "zed", "", "auto", false},
		{"", "zed", "zed", ".stacklint.yaml", true},
		{"2026.2", "zed", "2026.2", "--release", true},
		{"Epoxy", "", "2025.1", "--release", true},
		{"", "2022.2", "zed", ".stacklint.yaml", true},
		{"2020.2", "", "victoria", "--release", true},
		{"Hibiscus", "", "2026.2", "--release", true},
		{"antelope", "", "2023.1", "--release", true},
		{"", "Gazpacho", "2026.1", ".stacklint.yaml", true},
		{"2021.1", "", "wallaby", "--release", true},
		{"Yoga", "", "yoga", "--release", true},
	}
	for _, c := range cases {
		got, err := Select(c.flag, c.configured, ".stacklint.yaml")
		if err != nil {
			t.Fatalf("Select(%q, %q): %v", c.flag, c.configured, err)
		}
		if got.Name != c.want || got.Source != c.source || got.Known() != c.known {
			t.Errorf("Select(%q, %q) = %+v, want %s from %s", c.flag, c.configured, got, c.want, c.source)
		}
	}
}

func TestSelectUnknown(t *testing.T) {
	if _, err := Select("folsom", "", ""); err == nil || !strings.HasPrefix(err.Error(), `unknown release "folsom" (one of stein, train, ussuri, victoria, wallaby, `) ||
		!strings.HasSuffix(err.Error(), ", 2026.2, auto)") {
		t.Fatalf("err = %v", err)
	}
	if Valid("2012.2") || !Valid("AUTO") || !Valid("zed") || !Valid("epoxy") {
		t.Fatal("Valid is wrong")
	}
}

// TestSeriesOrder: All is oldest first, and names, series and codenames
// are distinct spellings.
func TestSeriesOrder(t *testing.T) {
	for _, list := range [][]Release{All} {
		for i := 1; i < len(list); i++ {
			if list[i-1].Series >= list[i].Series {
				t.Fatalf("%s is not before %s", list[i-1].Series, list[i].Series)
			}
		}
	}
	spelled := map[string]string{}
	for _, r := range All {
		for _, s := range []string{r.Name, r.Series, r.Codename} {
			if other, ok := spelled[s]; ok && other != r.Name {
				t.Errorf("%q names both %s and %s", s, other, r.Name)
			}
			spelled[s] = r.Name
		}
	}
}
