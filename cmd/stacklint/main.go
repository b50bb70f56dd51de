// Command stacklint cross-checks an OpenStack deployment snapshot.
package main

import (
	"context"
	"os"

	"github.com/stacklint/stacklint/internal/cli"
)

// Set by the linker (see Makefile).
var (
	version = "dev"
	commit  = "none"
	date    = "unknown"
)

func main() {
	st, _ := os.Stdout.Stat()
	tty := st != nil && st.Mode()&os.ModeCharDevice != 0
	se, _ := os.Stderr.Stat()
	errTTY := se != nil && se.Mode()&os.ModeCharDevice != 0 && os.Getenv("CI") == ""
	streams := cli.IO{Out: os.Stdout, Err: os.Stderr, IsTTY: tty, ErrIsTTY: errTTY}
	os.Exit(cli.Execute(context.Background(), os.Args[1:], buildInfo(version, commit, date), streams))
}
