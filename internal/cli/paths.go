package cli

import (
	"os"
	"path"
	"path/filepath"
	"strings"
)

// shownRoot is the snapshot path as reports print it (result.Result.Root),
// so that every path they print opens from the folder stacklint runs in,
// as golangci-lint prints them: relative to the working directory when the
// snapshot lies below it (an absolute PATH, or the absolute roots file
// arguments lead to, included), else as given ("../snap", "/srv/snap"),
// '/'-separated and cleaned. Only what is printed changes: locations,
// fingerprints and baselines stay relative to the snapshot.
func shownRoot(root string) string {
	abs, err := filepath.Abs(root)
	wd, wdErr := os.Getwd()
	if err == nil && wdErr == nil {
		if rel, err := filepath.Rel(wd, abs); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.ToSlash(rel)
		}
	}
	return path.Clean(filepath.ToSlash(root))
}
