package snapshot

import (
	"os"
	"path"
	"regexp"
	"slices"
	"sort"
	"strings"
)

// sysvStart is a SysV start link name: S, a two-digit order, the script.
var sysvStart = regexp.MustCompile(`^S[0-9]{2}([A-Za-z0-9][A-Za-z0-9@._-]*)$`)

// EnabledUnit returns the unit a node path marks as started at boot, or "":
// a link (or file) etc/systemd/system/<target>.wants/<unit>.service, which
// `systemctl enable` creates (the unit file itself usually lies in
// /usr/lib/systemd/system, outside the snapshot; the link is the mark), or
// a SysV start link etc/rc.d/rc<N>.d/S<NN><script> (RHEL's chkconfig) or
// etc/rc<N>.d/S<NN><script> (Debian's update-rc.d) for run levels 2..5.
func EnabledUnit(nodePath string) string {
	dir, base := path.Split(nodePath)
	if strings.HasPrefix(base, ".") {
		return ""
	}
	if parent, ok := strings.CutPrefix(dir, "etc/systemd/system/"); ok {
		if strings.Count(parent, "/") == 1 && strings.HasSuffix(parent, ".wants/") {
			u, ok := strings.CutSuffix(base, ".service")
			if ok && u != "" {
				return u
			}
		}
		return ""
	}
	switch dir {
	case "etc/rc.d/rc2.d/", "etc/rc.d/rc3.d/", "etc/rc.d/rc4.d/", "etc/rc.d/rc5.d/",
		"etc/rc2.d/", "etc/rc3.d/", "etc/rc4.d/", "etc/rc5.d/":
		if m := sysvStart.FindStringSubmatch(base); m != nil {
			return m[1]
		}
	}
	return ""
}

// MaskedUnit returns the unit a node path would mask when it is a link to
// /dev/null (`systemctl mask`: etc/systemd/system/<unit>.service), or "".
func MaskedUnit(nodePath string) string {
	dir, base := path.Split(nodePath)
	if dir != "etc/systemd/system/" {
		return ""
	}
	u, _ := strings.CutSuffix(base, ".service")
	if u == base || u == "" {
		return ""
	}
	return u
}

// linksToDevNull reads a link's own text (not what it points at): a
// masked unit, or a wants link someone pointed at /dev/null.
func linksToDevNull(real string) bool {
	tg, err := os.Readlink(real)
	return err == nil && tg == "/dev/null"
}

// sortEnabled sorts a node's enabled units by name and keeps one mark per
// unit (the first path: RHEL's etc/rc3.d is a link to etc/rc.d/rc3.d, and
// a unit is linked at several run levels).
func sortEnabled(n *Node) {
	sort.Slice(n.Enabled, func(i, j int) bool {
		a, b := n.Enabled[i], n.Enabled[j]
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		return a.Path < b.Path
	})
	out := n.Enabled[:0]
	for _, e := range n.Enabled {
		if slices.Contains(n.Masked, e.Unit) {
			continue // masked: systemd starts nothing, whatever wants it
		}
		if len(out) == 0 || out[len(out)-1].Unit != e.Unit {
			out = append(out, e)
		}
	}
	n.Enabled = out
}
