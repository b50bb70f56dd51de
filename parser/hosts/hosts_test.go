package hosts

import (
	"reflect"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	in := "127.0.0.1 localhost\n# comment\n10.0.0.11  controller ctl # mgmt\nnot-an-ip x\n::1 ip6-localhost\n"
	got := Parse([]byte(in))
	want := []Entry{
		{Addr: "127.0.0.1", Names: []string{"localhost"}, Line: 1},
		{Addr: "10.0.0.11", Names: []string{"controller", "ctl"}, Line: 3},
		{Addr: "::1", Names: []string{"ip6-localhost"}, Line: 5},
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v", got)
	}
	if a := Lookup(got, "CTL"); !reflect.DeepEqual(a, []string{"10.0.0.11"}) {
		t.Fatalf("lookup: %v", a)
	}
	if a := Lookup(got, "compute1"); a != nil {
		t.Fatalf("lookup miss: %v", a)
	}
}

// TestLongLine: a line longer than any scanner buffer neither ends the
// file nor hides the entries after it.
func TestLongLine(t *testing.T) {
	data := []byte("10.0.0.11 controller\n10.0.0.12 " + strings.Repeat("x", 2<<20) + "\n10.0.0.31 compute1\n")
	got := Parse(data)
	if len(got) != 3 || got[2].Addr != "10.0.0.31" || got[2].Line != 3 {
		t.Fatalf("got %d entries, want 3 ending with compute1 at line 3", len(got))
	}
}
