package release

import "testing"

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
	if _, err := Select("yoga", "", ""); err == nil || err.Error() != `unknown release "yoga" (one of zed, 2025.1, 2026.2, auto)` {
		t.Fatalf("err = %v", err)
	}
	if Valid("2024.1") || !Valid("AUTO") || !Valid("zed") {
		t.Fatal("Valid is wrong")
	}
}

func TestSeriesOrder(t *testing.T) {
	for i := 1; i < len(Known); i++ {
		if Known[i-1].Series >= Known[i].Series {
			t.Fatalf("%s is not before %s", Known[i-1].Series, Known[i].Series)
		}
	}
}
