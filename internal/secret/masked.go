package secret

import "strings"

// MinMask is the shortest run of asterisks read as a mask: sos report
// plugins replace passwords, secrets and URL credentials with six
// (libvirt), eight or nine asterisks (sosreport/sos, the plugins'
// postproc), and a real secret of only asterisks is not worth telling
// apart.
const MinMask = 6

// Masked reports whether a value is a mask a collection tool wrote in
// place of a secret (sos report's "*********"): the secret is unknown, so
// a masked value is never equal to another value (masked or clear), never
// weak, empty, shared or a placeholder, and has no fingerprint.
func Masked(v string) bool {
	v = strings.TrimSpace(v)
	return len(v) >= MinMask && strings.Trim(v, "*") == ""
}
