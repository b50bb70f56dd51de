package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
)

// unstable are the parts of a message that change without the finding
// changing: line references ("file:12", "file:12:5", "line 12", "lines 5,
// 13"), which move when lines are added above, and secret fingerprints
// ("fp:1a2b3c"), which are keyed per snapshot content.
var unstable = regexp.MustCompile(`:\d+(:\d+)?\b|\blines? \d+(, \d+)*|\bfp:[0-9a-f]+`)

// Fingerprint identifies a finding across edits that only move it: the
// rule, its primary location's path, section and key, and the message
// without line references and secret fingerprints. Baselines and SARIF partialFingerprints use it.
func Fingerprint(f Finding) string {
	loc := Primary(f)
	h := sha256.New()
	for _, s := range []string{f.Rule, loc.Path, loc.Section, loc.Key, unstable.ReplaceAllString(f.Message, "")} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
