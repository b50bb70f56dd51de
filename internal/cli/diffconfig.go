package cli

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/diff"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
)

// oldConfig compares OLD's own configuration file (found as lint finds
// one for OLD; with --rev, the file inside PATH at REV) with cfg, the one
// both sides are linted with (NEW's), and returns the note the report
// shows (nil: the same, or --config gave one for both) and how OLD's own
// would suppress a finding (nil: the same as cfg's). A file of OLD that
// cannot be read suppresses nothing, and the note says why.
func oldConfig(o *diffOptions, old, new diff.Side, cfg *config.Config, rules []finding.Rule) (*diff.ConfigNote, func(finding.Finding) *finding.Suppression) {
	if o.config != "" || old.Absent {
		return nil, nil
	}
	if o.rev != "" && cfg.Path != "" && !insideDir(cfg.Path, new.Path) {
		return &diff.ConfigNote{New: cfg.Path, Differs: false,
			Note: cfg.Path + " is outside PATH, which is all --rev reads at REV: OLD's configuration cannot be compared (both sides use NEW's)"}, nil
	}
	oldPath, err := config.Find("", old.Path)
	if err != nil {
		return &diff.ConfigNote{New: cfg.Path, Differs: true, Note: relabelText("OLD's configuration: "+err.Error(), old).Error()}, func(finding.Finding) *finding.Suppression { return nil }
	}
	if oldPath == cfg.Path || sameContent(oldPath, cfg.Path) {
		return nil, nil
	}
	note := &diff.ConfigNote{Old: relabelText(oldPath, old).Error(), New: cfg.Path, Differs: true}
	if oldPath == "" {
		return note, func(finding.Finding) *finding.Suppression { return nil }
	}
	oldCfg, err := config.Load(oldPath)
	if err != nil {
		note.Note = relabelText("OLD's configuration cannot be read, so it suppresses nothing here: "+err.Error(), old).Error()
		return note, func(finding.Finding) *finding.Suppression { return nil }
	}
	return note, func(f finding.Finding) *finding.Suppression { return lint.ConfigSuppression(oldCfg, rules, f) }
}

// insideDir reports whether file is dir or below it (either relative
// to the current folder).
func insideDir(file, dir string) bool {
	f, err1 := filepath.Abs(file)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, f)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// sameContent reports whether two configuration files (a path "": none)
// hold the same bytes.
func sameContent(a, b string) bool {
	read := func(p string) ([]byte, bool) {
		if p == "" {
			return nil, true
		}
		data, err := os.ReadFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, true
		}
		return data, err == nil
	}
	x, okX := read(a)
	y, okY := read(b)
	return okX && okY && bytes.Equal(x, y)
}
