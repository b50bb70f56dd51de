package report

import (
	"path"
	"slices"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/result"
)

// shownFindings are the run's findings with every location's path as the
// text, GitHub, JUnit and SARIF formats print it: joined to the snapshot
// path the run shows (result.Result.Root: relative to the working directory
// when the snapshot lies below it, else as given), so that it opens from
// the folder stacklint ran in and GitHub resolves it from the repository
// root a CI job runs in. The JSON document keeps the snapshot-relative
// paths (and says the root apart); fingerprints and baselines never see
// the shown paths.
func shownFindings(r *result.Result) []finding.Finding {
	out := make([]finding.Finding, len(r.Findings))
	for i, f := range r.Findings {
		f.Locations = slices.Clone(f.Locations)
		for j := range f.Locations {
			f.Locations[j].Path = ShownPath(r.Root, f.Locations[j].Path)
		}
		out[i] = f
	}
	return out
}

// ShownPath joins a snapshot-relative path ('/'-separated) to the shown
// snapshot path (result.Result.Root; "" or "." leaves it as it is); an empty
// path is the snapshot folder itself.
func ShownPath(root, p string) string {
	switch {
	case root == "" || root == ".":
		if p == "" {
			return "."
		}
		return p
	case p == "":
		return root
	}
	return path.Join(root, p)
}
