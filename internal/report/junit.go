package report

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
)

// JUnit writes JUnit XML as CI systems read it (GitLab, Jenkins): one
// testsuite per file (paths from the folder stacklint ran in, as text's), one testcase per finding, failing when the finding
// is at or above FailLevel (as the exit code), else passing with the
// finding as its output; suppressed findings are skipped testcases. Everything from the snapshot goes
// through finding.Visible first, so the document holds only characters XML
// 1.0 allows, in text, CDATA and attributes alike.
type JUnit struct {
	FailLevel string // --fail-level; "" is error
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name       string          `xml:"name,attr"`
	Tests      int             `xml:"tests,attr"`
	Failures   int             `xml:"failures,attr"`
	Skipped    int             `xml:"skipped,attr"`
	Properties []junitProperty `xml:"properties>property,omitempty"`
	Cases      []junitCase     `xml:"testcase"`
}

// junitProperty is a testsuite property: the releases the run was
// checked against ("release": "zed (auto)", "release.nova": "zed on c1,
// ctl").
type junitProperty struct {
	Name  string `xml:"name,attr"`
	Value string `xml:"value,attr"`
}

type junitCase struct {
	Name      string        `xml:"name,attr"`
	ClassName string        `xml:"classname,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Line      int           `xml:"line,attr,omitempty"`
	Failure   *junitFailure `xml:"failure,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
	SystemOut string        `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Body    string `xml:",cdata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
}

// Report implements Reporter.
func (j JUnit) Report(w io.Writer, r *result.Result) error {
	level := j.FailLevel
	if level == "" {
		level = "error"
	}
	min := finding.SeverityRank(level)
	doc := junitSuites{Name: "stacklint"}
	byPath := map[string]int{}
	for _, f := range shownFindings(r) {
		loc := primary(f)
		i, ok := byPath[loc.Path]
		if !ok {
			i = len(doc.Suites)
			byPath[loc.Path] = i
			doc.Suites = append(doc.Suites, junitSuite{Name: finding.Visible(loc.Path), Properties: junitReleases(r)})
		}
		c := junitCase{Name: fmt.Sprintf("%s %s%s", f.Rule, position(loc), where(loc)), ClassName: f.Rule, File: finding.Visible(loc.Path), Line: loc.Line}
		s := &doc.Suites[i]
		s.Tests++
		doc.Tests++
		switch {
		case f.Suppressed != nil:
			c.Skipped = &junitSkipped{Message: "suppressed (" + f.Suppressed.Kind + "): " + finding.Visible(f.Suppressed.Reason)}
			s.Skipped++
			doc.Skipped++
		case min > 0 && finding.SeverityRank(f.Severity) >= min:
			c.Failure = &junitFailure{Message: finding.Visible(f.Message), Type: f.Severity, Body: junitBody(f)}
			s.Failures++
			doc.Failures++
		default:
			c.SystemOut = junitBody(f) // below --fail-level: reported, not failed
		}
		s.Cases = append(s.Cases, c)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

// junitBody is the failure text: severity, rule, message and every location.
func junitBody(f finding.Finding) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s: %s\n", f.Severity, f.Rule, finding.Visible(f.Message))
	for i, l := range f.Locations {
		label := "at"
		if i > 0 {
			label = "related"
		}
		fmt.Fprintf(&b, "%s %s%s\n", label, position(l), where(l))
	}
	if strings.HasPrefix(f.Rule, "SL-") { // a custom rule has no page of stacklint's
		fmt.Fprintf(&b, "docs %s%s.md\n", DocsURL, f.Rule)
	}
	return b.String()
}

// junitReleases are the run's releases as testsuite properties: the
// run's, then each service's with its nodes.
func junitReleases(r *result.Result) []junitProperty {
	if !r.Release.Known() {
		return nil
	}
	out := []junitProperty{{Name: "release", Value: r.Release.Name + " (" + finding.Visible(r.Release.Source) + ")"}}
	for _, e := range visibleReleases(r.Releases) { // sorted by service
		v := e.Release + " on " + strings.Join(e.Nodes, ", ")
		if e.BelowOldest {
			v += " (older than " + e.Release + ")"
		}
		if last := &out[len(out)-1]; last.Name == "release."+e.Service {
			last.Value += "; " + v // mixed releases
			continue
		}
		out = append(out, junitProperty{Name: "release." + e.Service, Value: v})
	}
	return out
}
