package report

import (
	"encoding/json"
	"io"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
)

// JSON writes the versioned JSON document of the output contract.
type JSON struct{}

type jsonDoc struct {
	Version int `json:"version"`
	// Root is the snapshot path as the other formats show it (relative to
	// the working directory when the snapshot lies below it, else as
	// given): root + "/" + a location's path opens the file from there.
	// Locations keep their snapshot-relative paths (the contract).
	Root     string            `json:"root,omitempty"`
	Findings []finding.Finding `json:"findings"`
	Summary  jsonSummary       `json:"summary"`
	Release  jsonRelease       `json:"release"`
	// Releases: the release each service was checked against, on which
	// nodes and why (result.ServiceRelease).
	Releases []result.ServiceRelease `json:"releases"`
	Config   string                  `json:"config,omitempty"` // the configuration file used; absent for none
	// Notes: what the run left undecided or decided for the user (which
	// checks masked credentials of sos reports left undecided, nodes
	// renamed apart); absent when none. Beside summary, whose fields are
	// all counts.
	Notes []string `json:"notes,omitempty"`
}

// jsonRelease is the release checked against: name is null when auto
// picked none, and why then says so.
type jsonRelease struct {
	Name   *string `json:"name"`
	Source string  `json:"source"`
	Why    string  `json:"why,omitempty"`
}

type jsonSummary struct {
	Error      int `json:"error"`
	Warning    int `json:"warning"`
	Info       int `json:"info"`
	Suppressed int `json:"suppressed"`
	Nodes      int `json:"nodes"`
	Files      int `json:"files"`
}

// Report implements Reporter.
func (JSON) Report(w io.Writer, r *result.Result) error {
	c := r.Counts()
	doc := jsonDoc{Version: 1, Findings: r.Findings, Summary: jsonSummary{
		Error: c["error"], Warning: c["warning"], Info: c["info"], Suppressed: c["suppressed"], Nodes: r.Nodes, Files: r.Files,
	}, Notes: r.Notes}
	doc.Root = r.Root
	doc.Release = jsonRelease{Source: r.Release.Source, Why: r.Release.Why}
	doc.Config = r.Config
	doc.Releases = r.Releases
	if doc.Releases == nil {
		doc.Releases = []result.ServiceRelease{}
	}
	if r.Release.Known() {
		doc.Release.Name = &r.Release.Name
	}
	if doc.Findings == nil {
		doc.Findings = []finding.Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}
