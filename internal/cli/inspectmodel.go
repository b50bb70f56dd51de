package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/rules"
)

// modelOptions are inspect --model's settings: the release and
// configuration file, as lint takes them, the file size limit, and the
// phase the timeout names.
type modelOptions struct {
	release, config string
	limit           int64
	phase           *phase
	custom          *customRules // their parameters are in the document's params
}

// checkModelFlags refuses the flags --model does not take: the model
// holds fingerprints only, so --show-secrets cannot apply, and --effective
// is another view.
func checkModelFlags(showSecrets, effective bool) error {
	switch {
	case showSecrets:
		return usageError("--model prints the model as rules receive it, secrets as fingerprints: --show-secrets does not apply")
	case effective:
		return usageError("--model and --effective are two views: give one")
	}
	return nil
}

// inspectModel is the model document of the snapshot at path as the
// rules receive it (lint.ModelJSON), with the release, roles, addresses
// and rule parameters of the configuration that applies to it, as lint
// takes them. The snapshot's problems are listed on standard error.
func inspectModel(ctx context.Context, streams IO, path string, o modelOptions) ([]byte, error) {
	if st, err := os.Stat(path); err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	} else if !st.IsDir() && !snapshot.IsArchive(path) {
		return nil, usageError("--model: %s is not a snapshot folder or archive", finding.Visible(path))
	}
	cfg, err := loadConfig(o.config, path)
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	dirs, err := o.custom.ruleFolders(cfg)
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	o.phase.set("compiling the rules")
	eng, err := engine.New(ctx, rules.FS, o.custom.engineOptions(cfg, dirs)...)
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	if err := cfg.Check(lint.RuleInfos(eng.Rules)); err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	rel, err := release.Select(o.release, cfg.Release, filepath.Base(cfg.Path))
	if err != nil {
		return nil, usageError("--release: %v", err)
	}
	out, problems, err := lint.ModelJSON(ctx, eng, path, lint.Options{Roles: cfg.RoleOverrides(), Release: rel, Config: cfg, MaxFileSize: o.limit, Phase: o.phase.set})
	var cfgErr *lint.ConfigError
	if errors.As(err, &cfgErr) {
		return nil, usageError("%s: %v", cfg.Path, err)
	}
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: fmt.Errorf("cannot read snapshot: %w", err)}
	}
	for _, pr := range problems {
		fmt.Fprintf(streams.Err, "not read: %s: %s\n", finding.Visible(pr.Path), finding.Visible(pr.Msg))
	}
	return out, nil
}
