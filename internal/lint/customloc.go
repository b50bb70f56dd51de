package lint

import (
	"fmt"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// checkCustomLocations: every location of a custom rule's finding names a
// file of the snapshot as the lib's lib.loc gives it (a node's file or a
// loose one, by its shown path), of its node when it names one, with a
// line and column of 0 (the whole file, or no column) or more. A custom rule is code the user brings, and
// a path of its own making ("../../etc/shadow", one holding a newline and
// "::error::") would otherwise reach every report and annotation. The
// error (exit 2) names the rule, its file and the location, quoted.
// Called after restorePaths, so paths are the snapshot's bytes.
func checkCustomLocations(findings []finding.Finding, eng *engine.Engine, s *snapshot.Snapshot) error {
	var files map[string]string
	for _, f := range findings {
		r, ok := eng.Rule(f.Rule)
		if !ok || r.Source == "" {
			continue
		}
		if files == nil {
			files = snapshotPaths(s)
		}
		for _, l := range f.Locations {
			why := ""
			node, ok := files[l.Path]
			switch {
			case !ok:
				why = "is not a file of the snapshot (locate findings with lib.loc)"
			case l.Node != "" && l.Node != node:
				why = fmt.Sprintf("names node %q, not the file's %q", l.Node, node)
			case l.Line < 0 || l.Column < 0:
				why = "has a negative line or column (lines count from 1; 0 is the whole file)"
			default:
				continue
			}
			return &InputError{Msg: fmt.Sprintf("custom rule %s (%s) returned the location path %q line %d column %d, which %s",
				r.ID, r.File, l.Path, l.Line, l.Column, why)}
		}
	}
	return nil
}

// snapshotPaths are the shown paths of every file of s, with their node.
func snapshotPaths(s *snapshot.Snapshot) map[string]string {
	out := map[string]string{}
	for _, n := range s.Nodes {
		for _, f := range n.Files {
			out[f.Path] = f.Node
		}
	}
	for _, f := range s.Loose {
		out[f.Path] = f.Node
	}
	return out
}
