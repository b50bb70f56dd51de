package cli

import (
	"context"
	"errors"
	"time"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/config"
	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/rules"
)

// customRules are the flags that add custom rules to a command: --rules
// DIR (repeatable) and, on lint, --rule-timeout.
type customRules struct {
	dirs    []string
	timeout time.Duration
}

func addRulesFlag(cmd *cobra.Command, c *customRules) {
	cmd.Flags().StringArrayVar(&c.dirs, "rules", nil, "also load the custom rules of this folder (repeatable; adds to the configuration's rules paths; see docs/custom-rules.md)")
}

func addRuleTimeoutFlag(cmd *cobra.Command, c *customRules) {
	cmd.Flags().DurationVar(&c.timeout, "rule-timeout", 0, "stop with exit 2 when one custom rule evaluates longer (default: rule_timeout in the configuration, else 10s)")
}

// ruleFolders are the folders of custom rules of a run: the flag's, then
// the configuration's (the engine drops repeats).
func (c *customRules) ruleFolders(cfg *config.Config) ([]string, error) {
	dirs := append([]string(nil), c.dirs...)
	if cfg == nil {
		return dirs, nil
	}
	fromCfg, err := cfg.RuleDirs()
	if err != nil {
		return nil, err
	}
	return append(dirs, fromCfg...), nil
}

// engineOptions are the engine options of a run with the custom rules of
// dirs: the embedded catalog alone is Verified; the time limit is the
// flag's, else the configuration's.
func (c *customRules) engineOptions(cfg *config.Config, dirs []string) []engine.Option {
	if len(dirs) == 0 {
		return []engine.Option{engine.Verified()}
	}
	limit := c.timeout
	if limit == 0 && cfg != nil {
		limit = cfg.RuleTimeout.D
	}
	return []engine.Option{engine.UserRules(dirs...), engine.RuleTimeout(limit)}
}

// catalogEngine compiles the built-in rules and the custom ones of the
// flag and of the configuration at configPath ("" finds one in the
// current folder; "none": none), for the commands that list or explain
// rules. Errors are exit 2.
func (c *customRules) catalogEngine(ctx context.Context, configPath string) (*engine.Engine, error) {
	cfg, err := loadConfig(configPath, ".")
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	dirs, err := c.ruleFolders(cfg)
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	eng, err := engine.New(ctx, rules.FS, c.engineOptions(cfg, dirs)...)
	if err != nil {
		return nil, &ExitError{Code: ExitUsage, Err: err}
	}
	return eng, nil
}

// timeoutExit turns a custom rule's time limit into exit 2 with its own
// message; nil when err is not one.
func timeoutExit(err error) error {
	var te *engine.TimeoutError
	if errors.As(err, &te) {
		return &ExitError{Code: ExitUsage, Err: te}
	}
	return nil
}
