// Package diff compares two snapshots of one deployment as stacklint sees
// them: per node and process, the options in effect that change (added,
// removed, changed, default ↔ written), the nodes and processes added and
// removed, and the findings the change introduces and fixes. Compare is a
// pure function of the two sides' data (Input); Run lints both sides with
// one fingerprint key to build them; Text, JSON and Markdown render the
// result. Secrets appear only as fingerprints ("fp:3fa1c2"), which agree
// between the two sides because both are keyed alike.
package diff

import (
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
)

// Version is the version of the JSON schema (only additive changes
// within a version).
const Version = 1

// Kinds of option changes, as the JSON names them.
const (
	Added            = "added"              // only in NEW
	Removed          = "removed"            // only in OLD
	Changed          = "changed"            // the value differs, the source (written or default) does not
	DefaultToWritten = "default_to_written" // the default in OLD, written in NEW
	WrittenToDefault = "written_to_default" // written in OLD, the default in NEW
)

// Side is one snapshot to compare: Path is where it is read, Label how the
// output names it (a temporary folder of a git revision is labelled by
// the revision: the output never shows Path). Absent is a side that holds
// nothing at all (the path did not exist at a git revision): it has no
// node and no finding, and everything of the other side is added.
type Side struct {
	Path, Label string
	Absent      bool
	// OwnConfig: Input.OwnConfig of the side (OLD's).
	OwnConfig func(finding.Finding) *finding.Suppression
}

// Input is what Compare reads of one side: its label, every node's name,
// the settings in effect (lint.Settings: node → process → option) and the
// findings of lint.Run (suppressed ones are left out by Compare).
type Input struct {
	Label string
	// Release is the release the side is checked against (lint's
	// result.Release name; "" when auto found none).
	Release  string
	Nodes    []string
	Settings map[string]map[string]map[lint.SettingKey]lint.Setting
	Findings []finding.Finding
	// Places maps a snapshot path to the same file named by node and path
	// below the node ("controller:etc/nova/nova.conf"), so that findings
	// match when the two sides lay the nodes out in different folders (two
	// sos reports' dated folders, a folder and an archive). Nil: paths as
	// they are.
	Places map[string]string
	// Hostnames maps a node's name to its host name (model's "hostname"):
	// a node of one side only is the same node as one of the other side
	// only when their host names agree and each is unique on its side (a
	// renamed folder). Nil: nodes match by name only.
	Hostnames map[string]string

	rename map[string]string // OLD node name → NEW (Compare's, for finding keys)

	// Facts are the side's policies, rc files, loaded files and key
	// fingerprints (nil: not compared).
	Facts *Facts
	// OwnConfig, when set on OLD, is how OLD's own configuration
	// (lint.ConfigSuppression) would suppress a finding, when it differs
	// from the one both sides are linted with (nil: the same).
	OwnConfig func(finding.Finding) *finding.Suppression
}

// Diff is what changes from OLD to NEW. Every list is sorted: nodes by
// name; processes and options by node, process, group and option;
// findings as lint sorts them (path, line, column, rule, message).
type Diff struct {
	Version int    `json:"version"`
	Old     string `json:"old"`
	New     string `json:"new"`
	// Release is set when the two sides are checked against different
	// releases (auto detection follows the files): defaults may then
	// differ for that reason alone.
	Release      *ReleaseChange `json:"release,omitempty"`
	NodesAdded   []string       `json:"nodes_added"`
	NodesRemoved []string       `json:"nodes_removed"`
	// NodesRenamed are nodes of one side only paired with one of the other
	// by their host name (Input.Hostnames), sorted by NEW name; their
	// options and findings are compared as one node's, named by NEW.
	NodesRenamed []NodeRename    `json:"nodes_renamed"`
	Processes    []ProcessChange `json:"processes"`
	Options      []OptionChange  `json:"options"`
	// Defaults counts, per node and process, the options whose defaults
	// alone differ because the sides' releases do (OptionChange.
	// DefaultOnly); empty when the releases agree.
	Defaults []DefaultsCount `json:"defaults_only"`
	// Introduced are findings of NEW that OLD does not have, Fixed those of
	// OLD that NEW does not have (matched one to one by finding.Fingerprint
	// with paths named by node, then by the same without numbers: lines,
	// counts and fingerprints moving do not count).
	Introduced []finding.Finding `json:"introduced"`
	Fixed      []finding.Finding `json:"fixed"`
	// Reworded are findings of NEW matched to one of OLD only once the
	// numbers of their messages are set aside ("7 of 9" → "5 of 7"):
	// neither introduced nor fixed, listed in JSON only.
	Reworded []finding.Finding `json:"reworded,omitempty"`
	// Notes are what either side's run could not decide or decided for
	// the user (result.Notes: masked secrets that cannot be compared, a
	// node named by its folder), each prefixed by its side's label, OLD's
	// first.
	Notes []string `json:"notes"`
	// Policies, RC, Loads and Secrets are the changes outside options
	// (FactChange): policy rules in force, rc files' variables, the files
	// each process loads, and key fingerprints of key and Ceph files.
	Policies []FactChange `json:"policies"`
	RC       []FactChange `json:"rc"`
	Loads    []FactChange `json:"loads"`
	Secrets  []FactChange `json:"secrets"`
	// Suppressed are the findings NEW suppresses that OLD does not
	// (suppressedByChange), each with its suppression; Config says how
	// the sides' configuration files compare (nil: nothing to say).
	Suppressed []finding.Finding `json:"suppressed"`
	Config     *ConfigNote       `json:"config,omitempty"`
}

// DefaultsCount is how many options of one process only change their
// default between the sides' releases.
type DefaultsCount struct {
	Node    string `json:"node"`
	Process string `json:"process"`
	Count   int    `json:"count"`
}

// NodeRename is a node whose folder is named Old in OLD and New in NEW,
// of the same host name Hostname.
type NodeRename struct {
	Old      string `json:"old"`
	New      string `json:"new"`
	Hostname string `json:"hostname"`
}

// ReleaseChange is the release each side is checked against.
type ReleaseChange struct {
	Old string `json:"old"`
	New string `json:"new"`
}

// ProcessChange is a process found on a node of both sides in one only.
type ProcessChange struct {
	Node    string `json:"node"`
	Process string `json:"process"`
	Kind    string `json:"kind"` // Added or Removed
}

// OptionChange is one option of one process whose value in effect or
// source changes.
type OptionChange struct {
	Node    string `json:"node"`
	Process string `json:"process"`
	Group   string `json:"group"`
	Option  string `json:"option"`
	Kind    string `json:"kind"` // Added, Removed, Changed, DefaultToWritten, WrittenToDefault
	Old     *Value `json:"old,omitempty"`
	New     *Value `json:"new,omitempty"`
	// ValueChanged: the value differs (false when only the source moved
	// between the default and a file).
	ValueChanged bool `json:"value_changed"`
	// Secret: shown only as fingerprints, never diffed by character.
	Secret bool `json:"secret,omitempty"`
	// DefaultOnly: the sides are checked against different releases and
	// both values are that release's default (Diff.Defaults counts them;
	// text and Markdown list them only on request).
	DefaultOnly bool `json:"default_only,omitempty"`
	// Chars is a character diff of a long value (Long) that changed.
	Chars []Edit `json:"diff,omitempty"`
}

// Value is an option's value on one side as shown: Value the rendered
// text (secrets as fingerprints), File and Line where it is written, or
// Default the release whose default it is.
type Value struct {
	Value        string `json:"value"`
	File         string `json:"file,omitempty"`
	Line         int    `json:"line,omitempty"`
	Default      string `json:"default,omitempty"`
	Host         bool   `json:"host,omitempty"`
	Error        string `json:"error,omitempty"`
	Unregistered bool   `json:"unregistered,omitempty"`
}

// Edit is one step of a character diff: Op is "equal", "insert" or
// "delete".
type Edit struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

// Fails reports whether a finding introduced is at or above level
// (error|warning|info; none: never).
func (d *Diff) Fails(level string) bool {
	min := finding.SeverityRank(level)
	if min == 0 {
		return false
	}
	for _, f := range d.Introduced {
		if finding.SeverityRank(f.Severity) >= min {
			return true
		}
	}
	return false
}
