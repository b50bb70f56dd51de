package cli

import (
	"context"
	"errors"

	"github.com/stacklint/stacklint/internal/diff"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/gitrev"
)

// runDiffRev is `stacklint diff --rev REV [PATH]`: OLD is PATH as commit
// REV holds it (written from git's objects to a temporary folder that is
// removed before returning, labelled "REV:PATH" in every output), NEW is
// PATH in the working tree. A PATH absent at REV is an empty OLD side
// (everything added); git's errors are exit 2.
func runDiffRev(ctx context.Context, streams IO, o *diffOptions, args []string) error {
	if o.rev == "" {
		return usageError("--rev is empty: give a revision such as origin/main")
	}
	path := "."
	if len(args) == 1 {
		path = args[0]
	}
	if err := checkDiffFlags(o); err != nil {
		return err
	}
	tree, err := extractRev(ctx, o, path)
	if err != nil {
		return err
	}
	defer func() { _ = tree.Close() }()
	old := diff.Side{Path: tree.Dir, Label: tree.Label, Absent: tree.Absent}
	return runDiff(ctx, streams, o, old, diff.Side{Path: path, Label: path})
}

// extractRev writes PATH at --rev with the same size limit the lint of
// both sides uses (a larger blob is written sparse, read as too large).
func extractRev(ctx context.Context, o *diffOptions, path string) (*gitrev.Tree, error) {
	limit := o.maxSize.bytes
	if cfg, err := loadConfig(o.config, path); err == nil && !o.maxSize.set && cfg.MaxFileSize.Bytes > 0 {
		limit = cfg.MaxFileSize.Bytes // a bad configuration is reported by runDiff
	}
	tree, err := gitrev.Extract(ctx, path, o.rev, gitrev.Options{MaxFileSize: limit})
	if err == nil {
		return tree, nil
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return nil, err
	}
	return nil, &ExitError{Code: ExitUsage, Err: errors.New(finding.Visible(err.Error()))}
}
