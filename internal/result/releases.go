package result

// ServiceRelease is the release one service was checked against on some
// nodes, and why: what the text summary and the JSON output's "releases"
// list show, sorted by service, then release series (lint's
// releases_list.go builds it).
type ServiceRelease struct {
	Service string `json:"service"`
	Release string `json:"release"`
	Series  string `json:"series"`
	Source  string `json:"source"` // "--release", the configuration file's name, or "auto"
	// Why is the evidence: for auto, every known release's count of the
	// service's options (on these nodes, together) it leaves unknown or
	// calls deprecated.
	Why string `json:"why"`
	// BelowOldest: the files look older than the oldest release with a
	// schema; only what holds in every release is reported.
	BelowOldest bool `json:"below_oldest,omitempty"`
	// Fits: the releases that fit these nodes' files as well as Release
	// (oldest first; auto only): the evidence cannot tell them apart.
	Fits  []string `json:"fits,omitempty"`
	Nodes []string `json:"nodes"`
}
