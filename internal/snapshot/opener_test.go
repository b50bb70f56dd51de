package snapshot

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestOpener: folders in walk order are opened from the chain of folders
// above them (one step each, the chain kept between folders of one tree),
// a step that os.Root refuses from its folder (a link to a sibling) falls
// back to the snapshot folder, a folder deeper than maxChain opens from
// the deepest, and close leaves nothing open.
func TestOpener(t *testing.T) {
	root := t.TempDir()
	deep := strings.Repeat("d/", maxChain+3) + "end"
	writeText(t, root, map[string]string{"n/etc/nova/nova.conf": "a", "n/etc/neutron/plugins/ml2/ml2_conf.ini": "b", "n/srv/x.conf": "c", deep + "/f": "d"})
	links(t, root, map[string]string{"n/etc/linked": "../srv"})
	top, err := os.OpenRoot(root)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = top.Close() }()
	o := opener{top: top}
	chain := func() []string {
		var out []string
		for _, c := range o.chain {
			out = append(out, c.dir)
		}
		return out
	}
	read := func(dir, name, want string) {
		t.Helper()
		r, owned, err := o.open(dir)
		if err != nil {
			t.Fatalf("open(%s): %v", dir, err)
		}
		b, err := r.ReadFile(name)
		if err != nil || string(b) != want {
			t.Errorf("%s/%s = %q, %v", dir, name, b, err)
		}
		if owned {
			_ = r.Close()
		}
	}
	read("n/etc/nova", "nova.conf", "a")
	if got := chain(); !slices.Equal(got, []string{"n", "n/etc", "n/etc/nova"}) {
		t.Errorf("chain %v", got)
	}
	read("n/etc/neutron/plugins/ml2", "ml2_conf.ini", "b")
	if got := chain(); !slices.Equal(got, []string{"n", "n/etc", "n/etc/neutron", "n/etc/neutron/plugins", "n/etc/neutron/plugins/ml2"}) {
		t.Errorf("chain %v", got)
	}
	read("n/etc/linked", "x.conf", "c") // ../srv from n/etc: refused there, read from the top
	read(filepath.Dir(deep+"/f"), "f", "d")
	if len(o.chain) != maxChain {
		t.Errorf("chain of %d folders, want at most %d", len(o.chain), maxChain)
	}
	if _, _, err := o.open("n/gone"); err == nil {
		t.Error("a missing folder opened")
	}
	o.close()
	if len(o.chain) != 0 {
		t.Errorf("close left %v open", chain())
	}
}
