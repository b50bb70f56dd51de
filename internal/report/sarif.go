package report

import (
	"fmt"
	"io"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
)

// DocsURL is where each rule's page is published (docs/rules/<id>.md).
const DocsURL = "https://github.com/stacklint/stacklint/blob/main/docs/rules/"

// projectURL is the tool's home in SARIF's tool.driver.informationUri.
const projectURL = "https://github.com/stacklint/stacklint"

// fingerprintKey names stacklint's fingerprint in partialFingerprints.
const fingerprintKey = "stacklint/v1"

// SARIF writes a SARIF 2.1.0 log (github.com/owenrumney/go-sarif): one
// reportingDescriptor per rule from its METADATA, one result per finding
// with the first location as location and the others as relatedLocations,
// the finding's fingerprint in partialFingerprints and suppressions as
// SARIF suppressions.
type SARIF struct {
	Version string
}

// Report implements Reporter.
func (s SARIF) Report(w io.Writer, r *result.Result) error {
	run := sarif.NewRunWithInformationURI("stacklint", projectURL)
	if s.Version != "" {
		run.Tool.Driver.Version = &s.Version
	}
	rules := append([]finding.Rule(nil), r.Rules...)
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	index := map[string]int{}
	for i, rule := range rules {
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, descriptor(rule))
		index[rule.ID] = i
	}
	for _, f := range shownFindings(r) {
		run.AddResult(sarifResult(f, index))
	}
	inv := sarif.NewInvocation().WithExecutionSuccessful(len(r.RuleErrors) == 0)
	props := sarif.NewPropertyBag()
	if r.Config != "" { // the configuration file used, as in the JSON document's "config"
		props.Add("config", r.Config)
	}
	if r.Release.Known() { // the releases checked against, as in the JSON document
		props.Add("release", r.Release.Doc())
		props.Add("releases", visibleReleases(r.Releases))
	}
	if len(props.Properties) > 0 {
		inv.WithProperties(props)
	}
	run.WithInvocations([]*sarif.Invocation{inv})
	rep := sarif.NewReport()
	rep.AddRun(run)
	return rep.PrettyWrite(w)
}

// descriptor is a rule's reportingDescriptor.
func descriptor(rule finding.Rule) *sarif.ReportingDescriptor {
	d := sarif.NewRule(rule.ID).
		WithName(rule.Package).
		WithShortDescription(sarif.NewMultiformatMessageString().WithText(rule.Title)).
		WithFullDescription(sarif.NewMultiformatMessageString().WithText(rule.Description)).
		WithHelp(sarif.NewMultiformatMessageString().WithText(rule.Remediation).
			WithMarkdown("**" + rule.Title + "**\n\n" + rule.Description + "\n\n**Fix:** " + rule.Remediation)).
		WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(rule.Severity)))
	props := sarif.NewPropertyBag().WithTags([]string{rule.Category}).Add("severity", rule.Severity)
	if rule.Source != "" { // a custom rule: no page of stacklint's documents it
		return d.WithProperties(props.Add("source", rule.Source))
	}
	return d.WithHelpURI(DocsURL + rule.ID + ".md").WithProperties(props)
}

// sarifResult is one finding as a SARIF result.
func sarifResult(f finding.Finding, index map[string]int) *sarif.Result {
	res := sarif.NewRuleResult(f.Rule).
		WithLevel(sarifLevel(f.Severity)).
		WithMessage(sarif.NewTextMessage(finding.Visible(f.Message))).
		WithPartialFingerprints(map[string]string{fingerprintKey: f.Fingerprint})
	if i, ok := index[f.Rule]; ok {
		res.WithRuleIndex(i)
	}
	for i, l := range f.Locations {
		loc := sarifLocation(l)
		if i == 0 {
			res.AddLocation(loc)
			continue
		}
		res.AddRelatedLocation(loc.WithID(i).WithMessage(sarif.NewTextMessage("related: " + position(l) + where(l))))
	}
	if f.Suppressed != nil {
		res.AddSuppression(suppression(f.Suppressed))
	}
	return res
}

func suppression(s *finding.Suppression) *sarif.Suppression {
	kind := "inSource"
	if s.Kind != "inSource" {
		kind = "external"
	}
	return sarif.NewSuppression().WithKind(kind).WithStatus("accepted").WithJustification(finding.Visible(s.Reason))
}

// sarifLocation is a physical location: the file (its shown path, see
// artifactLocation), line and column; node, section and key go to the
// location's properties.
func sarifLocation(l finding.Location) *sarif.Location {
	phys := sarif.NewPhysicalLocation().WithArtifactLocation(artifactLocation(l.Path))
	if l.Line > 0 {
		region := sarif.NewRegion().WithStartLine(l.Line)
		if l.Column > 0 {
			region.WithStartColumn(l.Column)
		}
		phys.WithRegion(region)
	}
	loc := sarif.NewLocationWithPhysicalLocation(phys)
	if l.Section != "" || l.Key != "" || l.Node != "" {
		props := sarif.NewPropertyBag()
		for k, v := range map[string]string{"node": l.Node, "section": l.Section, "key": l.Key} {
			if v != "" {
				props.Add(k, v)
			}
		}
		loc.WithProperties(props)
	}
	return loc
}

// srcRoot is the uriBaseId of relative artifact URIs: the folder
// stacklint ran in, which is the repository root in a CI job (CodeQL's
// name for it; GitHub code scanning resolves relative URIs from the
// repository root).
const srcRoot = "%SRCROOT%"

// artifactLocation is a shown path (shownFindings) as SARIF's
// artifactLocation: a percent-encoded relative URI reference from the
// folder stacklint ran in (uriBaseId %SRCROOT%) when the path is
// relative, else an absolute file: URI (a snapshot outside that folder,
// named by its absolute path).
func artifactLocation(p string) *sarif.ArtifactLocation {
	if path.IsAbs(p) {
		return sarif.NewSimpleArtifactLocation("file://" + uriReference(p))
	}
	return sarif.NewSimpleArtifactLocation(uriReference(p)).WithURIBaseID(srcRoot)
}

// uriReference turns a slash-separated path into a relative URI reference
// (RFC 3986) that resolves to it, as SARIF's artifactLocation.uri must be:
// every byte but unreserved characters, sub-delims, ':', '@' and '/' is
// percent-encoded (spaces, '%', '#', '?', control characters, non-ASCII),
// and so is a ':' in the first segment of a relative path, which would
// read as a scheme.
func uriReference(p string) string {
	var b strings.Builder
	first := !strings.HasPrefix(p, "/")
	for i := 0; i < len(p); i++ {
		c := p[i]
		switch {
		case c == '/':
			first = false
			b.WriteByte(c)
		case c == ':' && first:
			b.WriteString("%3A")
		case uriSafe(c):
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

// uriSafe reports whether c may stand unencoded in a URI path segment.
func uriSafe(c byte) bool {
	switch {
	case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@", c) >= 0
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(sev string) string {
	switch sev {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

// visibleReleases is the releases list with the node names (from the
// snapshot) made visible as every other snapshot string is.
func visibleReleases(list []result.ServiceRelease) []result.ServiceRelease {
	out := make([]result.ServiceRelease, len(list))
	for i, e := range list {
		e.Nodes = slices.Clone(e.Nodes)
		for j, n := range e.Nodes {
			e.Nodes[j] = finding.Visible(n)
		}
		out[i] = e
	}
	return out
}
