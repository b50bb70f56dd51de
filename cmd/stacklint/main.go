// Command stacklint cross-checks an OpenStack deployment snapshot.
package main

import (
	"context"
	"os"

	"golang.org/x/term"

	"github.com/stacklint/stacklint/internal/cli"
)

// Set by the linker (see Makefile).
var (
	version = "dev"
	commit  = "none"
	date    = "unknown"
)

func main() {
	tty := term.IsTerminal(int(os.Stdout.Fd()))
	errTTY := term.IsTerminal(int(os.Stderr.Fd())) && os.Getenv("CI") == "" // a terminal, not /dev/null
	streams := cli.IO{Out: os.Stdout, Err: os.Stderr, IsTTY: tty, ErrIsTTY: errTTY}
	os.Exit(cli.Execute(context.Background(), os.Args[1:], buildInfo(version, commit, date), streams))
}
