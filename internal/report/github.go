package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
)

// GitHub writes GitHub Actions workflow commands, one annotation per
// finding (::error / ::warning / ::notice with file, line, col and title),
// so findings show on the pull request's changed files. Suppressed
// findings are not annotated. Values are escaped as the actions toolkit
// escapes them, after finding.Visible: one command per line, no control
// character a log viewer would act on.
type GitHub struct{}

// Report implements Reporter.
func (GitHub) Report(w io.Writer, r *result.Result) error {
	var b strings.Builder
	if r.Release.Known() { // a notice without a file (on the run's summary): the releases checked against
		fmt.Fprintf(&b, "::notice title=stacklint release::%s\n", ghData(fmt.Sprintf("checked against %s (%s)%s", r.Release.Name, finding.Visible(r.Release.Source), serviceReleases(r.Releases))))
	}
	titles := map[string]string{}
	for _, rule := range r.Rules {
		titles[rule.ID] = rule.Title
	}
	for _, f := range shownFindings(r) { // paths from the working directory: the repository root in CI
		if f.Suppressed != nil {
			continue
		}
		loc := primary(f)
		props := []string{"file=" + ghProperty(finding.Visible(loc.Path))}
		if loc.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", loc.Line), fmt.Sprintf("col=%d", max(loc.Column, 1)))
		}
		title := f.Rule
		if t := titles[f.Rule]; t != "" {
			title += " " + t
		}
		props = append(props, "title="+ghProperty(title))
		fmt.Fprintf(&b, "::%s %s::%s\n", ghLevel(f.Severity), strings.Join(props, ","), ghData(finding.Visible(f.Message)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// serviceReleases is "; nova zed on c1, 2025.1 on c2; neutron ..." (empty
// when every service is on the run's release).
func serviceReleases(list []result.ServiceRelease) string {
	var b strings.Builder
	last := ""
	for _, e := range visibleReleases(list) { // sorted by service
		if e.Service != last {
			fmt.Fprintf(&b, "; %s", e.Service)
		} else {
			b.WriteString(",")
		}
		last = e.Service
		fmt.Fprintf(&b, " %s on %s", e.Release, strings.Join(e.Nodes, " "))
		if e.BelowOldest {
			b.WriteString(" (older)")
		}
	}
	return b.String()
}

func ghLevel(sev string) string {
	switch sev {
	case "error", "warning":
		return sev
	}
	return "notice"
}

// ghData escapes a workflow command's message (actions/toolkit escapeData).
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value
// (actions/toolkit escapeProperty).
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
