package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
)

// Text groups findings by file, one line each as path:line:col, severity,
// rule id and message, with related locations indented below. Paths are
// shown from the folder stacklint ran in (shownFindings). Paths,
// sections, keys and messages are printed through finding.Visible, so the
// output holds no control character but its own line ends and colours.
type Text struct {
	Color bool
}

const (
	bold   = "\x1b[1m"
	red    = "\x1b[31m"
	yellow = "\x1b[33m"
	blue   = "\x1b[34m"
	dim    = "\x1b[2m"
	reset  = "\x1b[0m"
)

// Report implements Reporter.
func (t Text) Report(w io.Writer, r *result.Result) error {
	var b strings.Builder
	current := ""
	shown := 0
	for _, f := range shownFindings(r) {
		if f.Suppressed != nil {
			continue // counted in the summary; json, sarif and junit list them
		}
		shown++
		loc := primary(f)
		if loc.Path != current {
			if current != "" {
				b.WriteString("\n")
			}
			current = loc.Path
			b.WriteString(t.paint(bold, finding.Visible(current)) + "\n")
		}
		fmt.Fprintf(&b, "  %s  %s  %s  %s\n", position(loc), t.severity(f.Severity), f.Rule, finding.Visible(f.Message))
		for _, rel := range f.Locations[min(1, len(f.Locations)):] { // a custom rule's finding may have none
			fmt.Fprintf(&b, "      %s %s%s\n", t.paint(dim, "related:"), position(rel), where(rel))
		}
	}
	if shown > 0 {
		b.WriteString("\n")
	}
	c := r.Counts()
	n := len(r.Findings) - c["suppressed"]
	fmt.Fprintf(&b, "%d %s (%d %s, %d %s, %d info%s) in %d %s on %d %s%s; %s\n",
		n, plural(n, "finding"), c["error"], plural(c["error"], "error"),
		c["warning"], plural(c["warning"], "warning"), c["info"], suppressedNote(c["suppressed"]),
		r.Files, plural(r.Files, "file"), r.Nodes, plural(r.Nodes, "node"), releaseNote(r), configNote(r))
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "note: %s\n", finding.Visible(n))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func primary(f finding.Finding) finding.Location {
	if len(f.Locations) == 0 {
		return finding.Location{Path: "(snapshot)"}
	}
	return f.Locations[0]
}

// position is path:line:col for people to read: the path with its
// control characters escaped (finding.Visible).
func position(l finding.Location) string {
	if l.Line == 0 {
		return finding.Visible(l.Path)
	}
	return fmt.Sprintf("%s:%d:%d", finding.Visible(l.Path), l.Line, max(l.Column, 1))
}

// where is " [section] key" for people to read, escaped like position.
func where(l finding.Location) string {
	switch {
	case l.Section != "" && l.Key != "":
		return fmt.Sprintf(" [%s] %s", finding.Visible(l.Section), finding.Visible(l.Key))
	case l.Key != "":
		return " " + finding.Visible(l.Key)
	}
	return ""
}

func (t Text) severity(s string) string {
	color := map[string]string{"error": red, "warning": yellow, "info": blue}[s]
	return t.paint(color, fmt.Sprintf("%-7s", s))
}

func (t Text) paint(code, s string) string {
	if !t.Color || code == "" {
		return s
	}
	return code + s + reset
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}

// releaseNote names the release checked against and where it came from:
// one release for every service, or each service's releases when they
// differ (the JSON's releases list and --verbose say why).
func releaseNote(r *result.Result) string {
	if !r.Release.Known() {
		return ""
	}
	older := ""
	byService := map[string][]string{}
	var services []string
	same := true
	for _, e := range r.Releases {
		if e.BelowOldest {
			older = "; the files look older"
		}
		if byService[e.Service] == nil {
			services = append(services, e.Service)
		}
		entry := fmt.Sprintf("%s on %d %s", e.Release, len(e.Nodes), plural(len(e.Nodes), "node"))
		if e.Source != r.Release.Source {
			entry += " (" + finding.Visible(e.Source) + ")" // set for the service alone
		}
		byService[e.Service] = append(byService[e.Service], entry)
		same = same && e.Release == r.Release.Name && e.Source == r.Release.Source
	}
	if same {
		return fmt.Sprintf(", release %s (%s%s%s)", r.Release.Name, r.Release.Source, older, fitsNote(r.Release.Name, r.Releases))
	}
	parts := make([]string, len(services))
	for i, svc := range services {
		parts[i] = svc + " " + strings.Join(byService[svc], " and ")
	}
	return fmt.Sprintf(", releases %s (%s%s)", strings.Join(parts, ", "), r.Release.Source, older)
}

// fitsNote says which releases every service fits equally well, when
// the evidence cannot tell them apart ("; stein to 2024.2 fit equally").
func fitsNote(name string, list []result.ServiceRelease) string {
	var fits []string
	for i, e := range list {
		if i == 0 {
			fits = e.Fits
			continue
		}
		var keep []string
		for _, f := range fits {
			if slices.Contains(e.Fits, f) {
				keep = append(keep, f)
			}
		}
		fits = keep
	}
	if len(fits) < 2 || fits[0] != name {
		return ""
	}
	return fmt.Sprintf("; %s to %s fit equally, the oldest is taken", fits[0], fits[len(fits)-1])
}

// configNote names the configuration file used.
func configNote(r *result.Result) string {
	if r.Config == "" {
		return "no configuration file"
	}
	return "configuration " + r.Config
}

func suppressedNote(n int) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("; %d suppressed", n)
}
