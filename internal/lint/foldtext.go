package lint

import (
	"strings"
)

// nameSet finds node names in messages as whole words: not inside a longer
// name ("compute1" is not in "compute10", "control" not in "controller")
// nor after a dot ("host.compute1"). Names are folder names: any bytes.
type nameSet struct {
	names  map[string]bool
	maxLen int
}

func newNameSet(names []string) nameSet {
	s := nameSet{names: map[string]bool{}}
	for _, n := range names {
		if n != "" {
			s.names[n] = true
			s.maxLen = max(s.maxLen, len(n))
		}
	}
	return s
}

// nameAt is a name found in a message, at bytes [start, end).
type nameAt struct{ start, end int }

// find lists the names s holds, left to right, the longest at each place.
// Linear in len(s) times the longest name.
func (ns nameSet) find(s string) []nameAt {
	var out []nameAt
	for i := 0; i < len(s); {
		if i > 0 && (wordByte(s[i-1]) || s[i-1] == '.') {
			i++
			continue
		}
		end := ns.longestAt(s, i)
		if end < 0 {
			i++
			continue
		}
		out = append(out, nameAt{i, end})
		i = end
	}
	return out
}

// longestAt is the end of the longest name starting at s[i] and ending at
// a word boundary, or -1.
func (ns nameSet) longestAt(s string, i int) int {
	for end := min(len(s), i+ns.maxLen); end > i; end-- {
		if (end == len(s) || !wordByte(s[end])) && ns.names[s[i:end]] {
			return end
		}
	}
	return -1
}

// wordByte: a byte that continues a node name.
func wordByte(c byte) bool {
	return c == '_' || c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// shape is a message cut at the node names it holds: the text around them
// (len(names)+1 parts) and the names in order.
type shape struct {
	parts []string
	names []string
}

func shapeOf(msg string, ns nameSet) shape {
	var sh shape
	last := 0
	for _, at := range ns.find(msg) {
		sh.parts = append(sh.parts, msg[last:at.start])
		sh.names = append(sh.names, msg[at.start:at.end])
		last = at.end
	}
	sh.parts = append(sh.parts, msg[last:])
	return sh
}

// blurred is the text with every name set aside: messages that differ in
// names only have the same.
func (sh shape) blurred() string {
	return strings.Join(sh.parts, "\x00")
}

// template is the text with the names at slot places set aside and the
// others kept.
func (sh shape) template(slot []bool) string {
	var b strings.Builder
	for i, p := range sh.parts {
		b.WriteString(p)
		if i < len(sh.names) {
			if slot[i] {
				b.WriteByte(0)
			} else {
				b.WriteString(sh.names[i])
			}
		}
	}
	return b.String()
}

// slots says, for each place where the messages of a group (findings of
// one coarse key, the same blurred text) hold a node name, whether it is
// the node's own at that place in every message: there the messages may
// differ. At the other places every message must hold the same name (the
// name of a node the message is about, or a word of the message that is
// also some node's name), which the kept text of template compares.
func slots(shapes []shape, nodes []string) []bool {
	out := make([]bool, len(shapes[0].names))
	for k := range out {
		out[k] = true
		for i, sh := range shapes {
			if sh.names[k] != nodes[i] {
				out[k] = false
				break
			}
		}
	}
	return out
}
