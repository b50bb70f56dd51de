package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
)

// progressDelay is how long a run goes before it shows its progress: a
// pre-commit run on a small repository prints nothing.
const progressDelay = 2 * time.Second

// progressModes are the values of --progress.
var progressModes = []string{"auto", "always", "never"}

func addProgressFlag(cmd *cobra.Command, mode *string) {
	cmd.Flags().StringVar(mode, "progress", "auto", "show a long run's phase on standard error after two seconds: auto (on an interactive terminal outside CI)|always|never")
}

// checkProgress validates --progress.
func checkProgress(mode string) error {
	for _, m := range progressModes {
		if mode == m {
			return nil
		}
	}
	return usageError("--progress is one of %s, not %q", strings.Join(progressModes, "|"), mode)
}

// startProgress shows p's phase on w once the run has taken delay,
// as mode and tty say: on an interactive terminal (tty) one line rewritten
// in place every 250 ms; elsewhere, when mode is "always", one line per
// phase. The returned stop ends it and clears the line it drew.
func startProgress(w io.Writer, mode string, tty bool, p *phase, delay time.Duration) (stop func()) {
	if mode == "never" || (mode == "auto" && !tty) {
		return func() {}
	}
	start := time.Now()
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		timer := time.NewTimer(delay)
		defer timer.Stop()
		select {
		case <-done:
			return
		case <-timer.C:
		}
		tick := time.NewTicker(250 * time.Millisecond)
		defer tick.Stop()
		shown := ""
		for {
			name := p.get()
			switch {
			case tty:
				fmt.Fprintf(w, "\r\x1b[Kstacklint: %s (%.0fs)", name, time.Since(start).Seconds())
			case name != shown:
				fmt.Fprintf(w, "stacklint: %s (at %.1fs)\n", name, time.Since(start).Seconds())
			}
			shown = name
			select {
			case <-done:
				if tty {
					fmt.Fprint(w, "\r\x1b[K")
				}
				return
			case <-tick.C:
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}
