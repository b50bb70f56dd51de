package engine

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
)

// lineRefs are the parts of a message that move when lines are added above
// a finding: "file:12", "file:12:5", "line 12", "lines 5, 13".
var lineRefs = regexp.MustCompile(`:\d+(:\d+)?\b|\blines? \d+(, \d+)*`)

// Fingerprint identifies a finding across edits that only move it: the
// rule, its primary location's path, section and key, and the message
// without line references. Baselines and SARIF partialFingerprints use it.
func Fingerprint(f Finding) string {
	loc := first(f)
	h := sha256.New()
	for _, s := range []string{f.Rule, loc.Path, loc.Section, loc.Key, lineRefs.ReplaceAllString(f.Message, "")} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
