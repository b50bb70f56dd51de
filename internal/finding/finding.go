// Package finding is the vocabulary the engine, lint and the reporters
// share: a finding, where it points, who suppressed it, the rule it comes
// from, the severities and their order, and the pure helpers a reporter
// needs (Sort, Fingerprint, Sanitize, Visible). It imports no other
// stacklint package. The JSON tags are the output contract (docs/design:
// only additive changes).
package finding

// Location is where a finding points.
type Location struct {
	Path    string `json:"path"`
	Node    string `json:"node,omitempty"`
	Line    int    `json:"line,omitempty"`
	Column  int    `json:"column,omitempty"`
	Section string `json:"section,omitempty"`
	Key     string `json:"key,omitempty"`
}

// Finding is one result of one rule.
type Finding struct {
	Rule      string     `json:"rule"`
	Severity  string     `json:"severity"`
	Message   string     `json:"message"`
	Locations []Location `json:"locations"`
	// Fingerprint is set by lint.Run after redaction (see Fingerprint).
	Fingerprint string `json:"fingerprint,omitempty"`
	// Fleet is set by lint.Run for a finding on a node: the fingerprint of
	// the fault it shares with the same finding on the other nodes of the
	// node's role (rule, roles, path below the node, section, key, message
	// with the node's name set aside), the same whichever nodes hold it.
	// A folded finding's Fingerprint is its Fleet. Baselines match it; it
	// is not in the JSON output.
	Fleet string `json:"-"`
	// Suppressed is set when an ignore comment, the configuration or a
	// baseline accepts the finding: it is reported but does not count.
	Suppressed *Suppression `json:"suppressed,omitempty"`
}

// Suppression says who accepted a finding and why.
type Suppression struct {
	// Kind is "inSource" (a stacklint:ignore comment), "config" (an ignore
	// of .stacklint.yaml) or "baseline" (--baseline).
	Kind   string `json:"kind"`
	Reason string `json:"reason,omitempty"`
	// Path and Line locate the comment or configuration entry.
	Path string `json:"path,omitempty"`
	Line int    `json:"line,omitempty"`
}

// Primary is the finding's first location, the one it is reported at (the
// zero Location when it has none).
func Primary(f Finding) Location {
	if len(f.Locations) == 0 {
		return Location{}
	}
	return f.Locations[0]
}
