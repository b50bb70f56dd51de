// Package report renders lint results, one file per output format.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/stacklint/stacklint/internal/result"
)

// Reporter writes a lint result in one format.
type Reporter interface {
	Report(w io.Writer, r *result.Result) error
}

// Options tune the reporters that care.
type Options struct {
	Color   bool
	Version string // the binary's version, for formats that name the tool
	// FailLevel is --fail-level (error, warning, info, none; "" is error):
	// JUnit fails only the testcases of findings at or above it.
	FailLevel string
}

// Formats lists the supported --format values.
func Formats() []string {
	names := make([]string, 0, len(constructors))
	for n := range constructors {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var constructors = map[string]func(Options) Reporter{
	"text":   func(o Options) Reporter { return Text{Color: o.Color} },
	"json":   func(Options) Reporter { return JSON{} },
	"sarif":  func(o Options) Reporter { return SARIF{Version: o.Version} },
	"junit":  func(o Options) Reporter { return JUnit{FailLevel: o.FailLevel} },
	"github": func(Options) Reporter { return GitHub{} },
	"html":   func(o Options) Reporter { return HTML{Version: o.Version} },
}

// New returns the reporter for a format name.
func New(format string, o Options) (Reporter, error) {
	c, ok := constructors[format]
	if !ok {
		return nil, fmt.Errorf("unknown format %q (one of %v)", format, Formats())
	}
	return c(o), nil
}
