package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/stacklint/stacklint/internal/config"
)

// starter is the commented .stacklint.yaml `stacklint init` writes.
const starter = `# stacklint configuration (https://github.com/stacklint/stacklint/blob/main/docs/usage.md).
# stacklint reads it from the snapshot directory or its nearest parent inside the same git
# repository; --config names another, --config none reads none.
# Unknown keys, rule ids and categories are errors, so a typo never silently does nothing.

# The OpenStack release to check option names, values and policies against:
# zed, 2025.1, 2026.2, or auto (detected from the files). --release overrides it.
# release: auto

# Levels per rule id or category: error, warning, info or off; parameters per rule id.
# rules:
#   SL-HYG-013: info                      # a rule by id
#   hygiene: warning                      # every rule of a category
#   SL-HOST-010:
#     level: warning
#     params: {rabbitmq_min_nofile: 65536}   # stacklint explain SL-HOST-010 lists its parameters
#   paths: [myrules]                      # folders of custom rules, below this file's (docs/custom-rules.md)

# How long one custom rule may evaluate before the run stops (exit 2). --rule-timeout overrides it.
# rule_timeout: 10s

# Snapshot files larger than this are not read, each a finding (SL-SNAP-003).
# --max-file-size overrides it.
# max_file_size: 8MiB

# Turn rules or categories off, and single rules of a disabled category back on.
# disable: [host]
# enable: [SL-HOST-001]

# Findings whose file matches one of these globs are dropped (** spans directories);
# the files are still read for the cross-node checks.
# ignore_paths:
#   - "lab-*/etc/**"

# Accepted findings in files that cannot hold a "# stacklint:ignore RULE reason"
# comment (policy files), or anywhere else. A reason is required; an ignore that
# matches nothing is reported (SL-IGN-001).
# ignores:
#   - path: controller/etc/nova/policy.yaml
#     rule: SL-POL-009
#     key: context_is_admin
#     reason: kept explicit on purpose for the audit

# When role or address inference is not enough: roles (controller, compute, network,
# or service names such as nova-compute) and the node's own addresses.
# nodes:
#   ctl1:
#     roles: [controller]
#     addresses: [10.0.0.11]
`

func newInitCommand(streams IO) *cobra.Command {
	force := false
	cmd := &cobra.Command{
		Use:   "init [DIR]",
		Short: "Write a commented starter " + config.FileName + " in DIR (default: the current directory)",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			dir := "."
			if len(args) == 1 {
				dir = args[0]
			}
			if st, err := os.Stat(dir); err != nil || !st.IsDir() {
				return usageError("init: %s is not a folder (create it first, or name the configuration repository's root)", dir)
			}
			p := filepath.Join(dir, config.FileName)
			if st, err := os.Lstat(p); err == nil && (!force || !st.Mode().IsRegular()) {
				return usageError("%s exists (--force overwrites it if it is a regular file)", p)
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return &ExitError{Code: ExitUsage, Err: err}
			}
			if err := os.WriteFile(p, []byte(starter), 0o644); err != nil {
				return usageError("init: cannot write %s: %v", p, errors.Unwrap(err))
			}
			fmt.Fprintf(streams.Out, "wrote %s\n", p)
			return nil
		},
	}
	cmd.Flags().BoolVar(&force, "force", false, "overwrite an existing file")
	return cmd
}
