package secret

import (
	"regexp"
	"sort"
)

// placeholderRE matches the placeholders the OpenStack install guides tell
// the reader to replace (NOVA_PASS, NEUTRON_DBPASS, RABBIT_PASS,
// METADATA_SECRET, OVERLAY_INTERFACE_IP_ADDRESS, …) and the %TOKEN% style
// packaged Icehouse-era files shipped (%SERVICE_PASSWORD%). Interfaces and
// their addresses are named <WHAT>_INTERFACE_IP_ADDRESS and
// <WHAT>_INTERFACE_NAME in every guide (MANAGEMENT_, OVERLAY_,
// PROVIDER_; Icehouse to Kilo's INSTANCE_TUNNELS_INTERFACE_IP_ADDRESS,
// Liberty's PUBLIC_INTERFACE_NAME); Juno's nova_admin_tenant_id is
// SERVICE_TENANT_ID.
//
// A placeholder is letters only (a name of three letters or more before
// _PASS or _DBPASS, the guides' typos such as PACEMENT_DBPASS included): a
// value with digits in it (X7Q2ZK9_DBPASS, %K7Q2ZX9P4M%) is a password
// that looks like one, and stays a secret.
var placeholderRE = regexp.MustCompile(`\b(?:[A-Z]{3,}_(?:DB)?PASS|METADATA_SECRET|ADMIN_TOKEN|(?:[A-Z]+_)+INTERFACE_(?:IP_ADDRESS|NAME)|SERVICE_TENANT_ID|PROVIDER_BRIDGE_NAME|ENDPOINT_ID|CHANGE_?ME)\b|%[A-Z][A-Z_]*%`)

var wholeRE = regexp.MustCompile(`^(?:` + placeholderRE.String() + `)$`)

// Placeholder reports whether a whole value is an install-guide
// placeholder. Such a value is public text, not a secret: it may be shown.
func Placeholder(v string) bool { return wholeRE.MatchString(v) }

// commentTail is an inline comment after a value (oslo.config keeps it in
// the value; the guides write " # ..." and " // ...").
var commentTail = regexp.MustCompile(`\s+(?:#|;|//).*$`)

// PlaceholderOf is the install-guide placeholder a whole value is, or is
// before an inline comment ("NOVA_PASS\t// nova's password": NOVA_PASS);
// "" when it is none. The placeholder is public text; the comment is not
// returned.
func PlaceholderOf(v string) string {
	if Placeholder(v) {
		return v
	}
	if head := commentTail.ReplaceAllString(v, ""); head != v && Placeholder(head) {
		return head
	}
	return ""
}

// Placeholders returns the placeholders inside a (non-secret) text, sorted
// and without repeats.
func Placeholders(text string) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range placeholderRE.FindAllString(text, -1) {
		if !seen[m] {
			seen[m] = true
			out = append(out, m)
		}
	}
	sort.Strings(out)
	return out
}
