// Package cli builds stacklint's cobra command tree. Every command is made
// by a constructor; nothing is registered in init() or kept in globals.
package cli

import "fmt"

// Exit codes of the output contract.
const (
	ExitOK       = 0 // nothing at or above --fail-level
	ExitFindings = 1 // findings at or above --fail-level
	ExitUsage    = 2 // usage, configuration or fatal input error
)

// ExitError carries an exit code up to main.
type ExitError struct {
	Code int
	Err  error // nil when the reason was already reported
}

func (e *ExitError) Error() string {
	if e.Err == nil {
		return fmt.Sprintf("exit status %d", e.Code)
	}
	return e.Err.Error()
}

func (e *ExitError) Unwrap() error { return e.Err }

func usageError(format string, args ...any) error {
	return &ExitError{Code: ExitUsage, Err: fmt.Errorf(format, args...)}
}
