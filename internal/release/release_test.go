package release

import (
	"strconv"
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

// TestSelectServices: SERVICE=RELEASE items set single services; the
// flag wins over the configuration item by item; service=auto leaves the
// service to detection; an unknown service or release names the item.
func TestSelectServices(t *testing.T) {
	c, err := Select("nova=2023.2", "zed,neutron=2024.1,glance=2025.1", ".stacklint.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Name != "zed" || c.Source != ".stacklint.yaml" {
		t.Errorf("every service: %+v, want zed from the configuration", c.Release)
	}
	for service, want := range map[string]string{"nova": "2023.2 --release", "neutron": "2024.1 .stacklint.yaml", "glance": "2025.1 .stacklint.yaml", "keystone": "zed .stacklint.yaml"} {
		if got := c.For(service); got.Name+" "+got.Source != want {
			t.Errorf("%s: %s %s, want %s", service, got.Name, got.Source, want)
		}
	}
	c, err = Select("auto, glance=auto", "zed,glance=2025.1", "x")
	if err != nil || c.Known() || len(c.Services) != 0 {
		t.Errorf("auto over the configuration: %+v, %v", c, err)
	}
	for _, bad := range []string{"nova=folsom", "swift=zed", "zed,=zed"} {
		if _, err := Select(bad, "", ""); err == nil || !strings.Contains(err.Error(), "unknown") {
			t.Errorf("Select(%q): %v, want an error naming the item", bad, err)
		}
	}
}

// TestSelectTwice: an item given twice is refused, naming it; an empty
// release names its item (red team).
func TestSelectTwice(t *testing.T) {
	for _, bad := range []string{"nova=2023.2,nova=2024.1", "zed,2023.1", "nova=", "auto,nova=bogus"} {
		_, err := Select(bad, "", "")
		if err == nil {
			t.Errorf("Select(%q) accepted", bad)
			continue
		}
		item := bad[strings.LastIndex(bad, ",")+1:]
		if !strings.Contains(err.Error(), `"`+item+`"`) {
			t.Errorf("Select(%q): %v, want the item %q named", bad, err, item)
		}
	}
	if _, err := Select("zed", "zed,nova=2023.2", "x"); err != nil {
		t.Errorf("the flag over the configuration is no repetition: %v", err)
	}
}

// TestSelectEmptyItem: a setting of white space only is no setting (auto);
// an empty item anywhere in one is an error naming its place, not a
// silent auto.
func TestSelectEmptyItem(t *testing.T) {
	for _, unset := range []string{"", "  "} {
		if c, err := Select(unset, "", ""); err != nil || c.Source != Auto {
			t.Errorf("Select(%q) = %+v, %v; want auto", unset, c, err)
		}
	}
	for _, tc := range []struct{ bad, item string }{{",", "item 1"}, {"zed,", "item 2"}, {"\t, zed", "item 1"}, {"auto,,nova=zed", "item 2"}} {
		_, err := Select(tc.bad, "", "")
		if err == nil || !strings.Contains(err.Error(), tc.item+" of "+strconv.Quote(tc.bad)+" is empty") {
			t.Errorf("Select(%q): %v, want %s named", tc.bad, err, tc.item)
		}
	}
}

// TestSelectLongValue: errors quote at most 80 characters of what they
// name, with "…" and the length: a megabyte --release is never echoed.
func TestSelectLongValue(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	for _, bad := range []string{
		huge,                                // an unknown release
		huge + "=zed",                       // an unknown service
		"nova=" + huge,                      // an unknown release for a service
		strings.Repeat("zed,", 1<<18) + "z", // a second release for every service
		strings.Repeat("zed ", 1<<18) + ",", // an empty item
	} {
		_, err := Select(bad, "", "")
		if err == nil || len(err.Error()) > 400 || !strings.Contains(err.Error(), " bytes)") {
			t.Errorf("Select(%.20q…): %.500v", bad, err)
		}
	}
	if got := shown(strings.Repeat("é", 100)); got != strconv.Quote(strings.Repeat("é", 80))+"… (200 bytes)" {
		t.Errorf("shown cuts at 80 characters: %s", got)
	}
}
