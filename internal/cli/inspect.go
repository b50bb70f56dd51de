package cli

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/inspect"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/safefile"
	"github.com/stacklint/stacklint/internal/snapshot"
)

func newInspectCommand(streams IO) *cobra.Command {
	var showSecrets, effective, modelDoc bool
	var format, rel, cfgPath string
	maxSize := &sizeFlag{bytes: safefile.DefaultLimit}
	var timeout time.Duration
	var custom customRules
	cmd := &cobra.Command{
		Use:   "inspect [--show-secrets] [--effective|--model [--release NAME]] --format json PATH|FILE",
		Short: "Print what the parsers saw, as oslo.config would see it",
		Long: "Print every file as parsed: for INI files the oslo-normalised sections, each key with\n" +
			"every value in file order (quotes stripped, continuations joined, before $ substitution)\n" +
			"and its line and column; for an unparseable file the error oslo.config would raise.\n" +
			"Secret values are shown as fingerprints unless --show-secrets is given.\n" +
			"With --effective (a snapshot directory): every node's processes, the files each loads in\n" +
			"order, and the value in effect of every option their schemas register: written (file and\n" +
			"line) or the default of the release the service is checked against.\n" +
			"With --model (a snapshot directory): the model document exactly as the rules receive it\n" +
			"(input; docs/model.md), with release, params and defaults, secrets as fingerprints\n" +
			"(--show-secrets is refused).",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "json" {
				return usageError("inspect supports --format json only")
			}
			switch {
			case modelDoc:
				if err := checkModelFlags(showSecrets, effective); err != nil {
					return err
				}
			case cfgPath != "":
				return usageError("--config applies to --model only")
			case len(custom.dirs) > 0:
				return usageError("--rules applies to --model only")
			}
			out, err := withTimeout(cmd.Context(), timeout, "discovering files", func(ctx context.Context, p *phase) ([]byte, error) {
				if modelDoc {
					return inspectModel(ctx, streams, args[0], modelOptions{release: rel, config: cfgPath, limit: maxSize.bytes, phase: p, custom: &custom})
				}
				if effective {
					choice, err := release.Select(rel, "", "")
					if err != nil {
						return nil, usageError("--release: %v", err)
					}
					out, problems, err := lint.EffectiveValues(ctx, args[0], lint.Options{Release: choice, MaxFileSize: maxSize.bytes}, showSecrets)
					for _, pr := range problems {
						fmt.Fprintf(streams.Err, "not read: %s: %s\n", finding.Visible(pr.Path), finding.Visible(pr.Msg))
					}
					return out, err
				}
				return inspectTarget(ctx, p, streams, args[0], maxSize.bytes, showSecrets)
			})
			if err != nil {
				return err
			}
			_, err = streams.Out.Write(out)
			return err
		},
	}
	cmd.Flags().BoolVar(&showSecrets, "show-secrets", false, "print secret values instead of fingerprints")
	cmd.Flags().StringVarP(&format, "format", "f", "json", "output format (json)")
	cmd.Flags().BoolVar(&effective, "effective", false, "print every process's option values in effect, written or default")
	cmd.Flags().StringVar(&rel, "release", "", "with --effective or --model: the release to check against (default: with --model the config file's, else auto)")
	cmd.Flags().BoolVar(&modelDoc, "model", false, "print the model document as the rules receive it (docs/model.md), secrets as fingerprints")
	cmd.Flags().StringVar(&cfgPath, "config", "", "with --model: configuration file, or \"none\" (default: "+config.FileName+" in PATH or a parent inside its git repository)")
	cmd.Flags().Var(maxSize, "max-file-size", maxFileSizeUsage)
	addRulesFlag(cmd, &custom)
	addTimeoutFlag(cmd, &timeout)
	return cmd
}

// inspectTarget parses target and renders it in memory, telling p each
// phase as it starts; it prints nothing.
func inspectTarget(ctx context.Context, p *phase, streams IO, target string, limit int64, showSecrets bool) ([]byte, error) {
	files, nodes, err := inspectTargets(streams, target, limit)
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	if err := p.enter(ctx, "parsing files"); err != nil {
		return nil, err
	}
	loaded, err := model.LoadContext(ctx, files)
	if err != nil {
		return nil, err
	}
	if err := p.enter(ctx, "writing the output"); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := inspect.WriteNodes(&b, nodes, loaded, showSecrets); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// inspectTargets is every classified file of a snapshot and its nodes, or
// one file (no nodes); a lone file that is no known kind is read as an
// oslo.config INI file. The parts of a snapshot that were not read are
// listed on standard error.
func inspectTargets(streams IO, target string, limit int64) ([]*snapshot.File, []*snapshot.Node, error) {
	st, err := os.Stat(target)
	if err != nil {
		return nil, nil, err
	}
	if !st.IsDir() && !snapshot.IsArchive(target) {
		f, err := snapshot.ReadLone(target, limit)
		if err != nil {
			return nil, nil, fmt.Errorf("cannot read %w", err)
		}
		return []*snapshot.File{f}, nil, nil
	}
	s, err := snapshot.DiscoverWith(target, snapshot.Options{MaxFileSize: limit})
	if err != nil {
		return nil, nil, err
	}
	for _, p := range s.Problems {
		fmt.Fprintf(streams.Err, "not read: %s: %s\n", finding.Visible(p.Path), finding.Visible(p.Msg))
	}
	var files []*snapshot.File
	for _, n := range s.Nodes {
		files = append(files, n.Files...)
	}
	return append(files, s.Loose...), append([]*snapshot.Node{}, s.Nodes...), nil
}
