package cli

import (
	"context"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	"github.com/spf13/cobra"
)

// defaultTimeout bounds a run unless --timeout says otherwise: sixty times
// the full run over a generated 1,000-node snapshot, so it only stops a
// run that would never end.
const defaultTimeout = 10 * time.Minute

func addTimeoutFlag(cmd *cobra.Command, d *time.Duration) {
	cmd.Flags().DurationVar(d, "timeout", defaultTimeout, "stop with exit 2 and no report when the run takes longer (0: no limit)")
}

// phase names the step a run is in; safe for concurrent use.
type phase struct {
	name atomic.Pointer[string]
	// label names the snapshot when several are linted ("" for one); set
	// before the phase is shared.
	label string
}

func (p *phase) set(name string) { p.name.Store(&name) }

// enter starts the named phase, unless ctx is done: then the phase stays
// where the deadline found it and ctx's error is returned.
func (p *phase) enter(ctx context.Context, name string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	p.set(name)
	return nil
}

func (p *phase) get() string {
	name := "starting"
	if n := p.name.Load(); n != nil {
		name = *n
	}
	if p.label != "" {
		return p.label + ": " + name
	}
	return name
}

// withTimeout runs work with a context that expires after timeout (0: never)
// and returns its result, or, when the deadline strikes first, an exit-2
// error naming the phase work had reached (work keeps p up to date, starting
// with first). work must write nothing the user sees: whatever it produced
// is dropped at the deadline, so no partial report is ever printed.
func withTimeout[T any](ctx context.Context, timeout time.Duration, first string, work func(context.Context, *phase) (T, error)) (T, error) {
	return watched(ctx, timeout, newPhase(first), work)
}

// newPhase is a phase that starts as first.
func newPhase(first string) *phase {
	p := &phase{}
	p.set(first)
	return p
}

// watched is withTimeout with a phase the caller holds (to show progress).
func watched[T any](ctx context.Context, timeout time.Duration, p *phase, work func(context.Context, *phase) (T, error)) (T, error) {
	var cancel context.CancelFunc = func() {}
	if timeout > 0 {
		ctx, cancel = context.WithTimeout(ctx, timeout)
	}
	defer cancel()
	type outcome struct {
		v   T
		err error
	}
	done := make(chan outcome, 1)
	go func() {
		v, err := work(ctx, p)
		done <- outcome{v, err}
	}()
	var zero T
	select {
	case o := <-done:
		if o.err != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return zero, timedOut(timeout, p)
		}
		return o.v, o.err
	case <-ctx.Done():
		if errors.Is(ctx.Err(), context.DeadlineExceeded) {
			return zero, timedOut(timeout, p)
		}
		return zero, ctx.Err()
	}
}

func timedOut(timeout time.Duration, p *phase) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf("run exceeded --timeout of %s while %s", timeout, p.get())}
}
