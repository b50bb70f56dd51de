package finding

// Rule is the metadata of the rule findings come from, read by the engine
// from the rule's # METADATA block (engine.Metadata): the single source of
// truth for ids, titles, severities and docs.
type Rule struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Severity    string   `json:"severity"`
	Category    string   `json:"category"`
	Remediation string   `json:"remediation"`
	Inputs      []string `json:"inputs"`           // file kinds the rule reads (snapshot.Kinds, "config", "any")
	Yields      bool     `json:"yields,omitempty"` // a generic check that gives way to a specific one at the same place
	// Params are the rule's parameters with their defaults (custom.params);
	// .stacklint.yaml may set them, and the rule reads input.params[id].
	Params map[string]any `json:"params,omitempty"`
	// Defaults are the options whose release default the rule reads when
	// no file sets them (custom.defaults: [kind, group, option] triples);
	// the document's "defaults" holds them for every release picked.
	Defaults [][3]string `json:"defaults,omitempty"`
	// Scope is where the rule's findings come from (custom.scope): "node"
	// when each node's part of the model alone gives them (the engine
	// evaluates the rule on each node's part: internal/engine parts.go),
	// "fleet" (the default) when the rule compares nodes over the whole
	// document, "aggregate" when it compares the records ("aggregate")
	// each node's part gives.
	Scope   string `json:"scope"`
	Package string `json:"package"` // category.name
	File    string `json:"file"`    // path of the .rego file inside the rules tree
	// Source is the folder a custom rule was loaded from (--rules DIR or
	// the configuration's rules paths), as the user named it; "" for the
	// built-in rules. File is then the path the user would give.
	Source string `json:"source,omitempty"`
}

// The scopes of a rule (Rule.Scope).
const (
	ScopeNode  = "node"
	ScopeFleet = "fleet"
	// ScopeAggregate: the rule's aggregate set is computed on each part of
	// the nodes, and its report over the union of those sets with the
	// document's fleet-wide facts, without the nodes.
	ScopeAggregate = "aggregate"
)
