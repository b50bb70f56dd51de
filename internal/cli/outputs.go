package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/report"
	"github.com/stacklint/stacklint/internal/result"
)

// output is one report a run writes: a format, to a file or (file "") to
// standard output.
type output struct {
	format string
	file   string
	flag   string // how the command line named it, for messages
	rep    report.Reporter
}

// parseOutputs reads the --format values, each NAME or NAME=FILE
// (golangci-lint v2's several outputs in one run: --format text --format
// sarif=out.sarif). A bare NAME goes to --output when given, else to
// standard output; one output at most goes there. Unknown formats, an
// empty FILE, two outputs to one place and an --output no bare format
// uses are usage errors.
func parseOutputs(formats []string, outputFile string) ([]output, error) {
	var outs []output
	bare := 0
	for _, v := range formats {
		name, file, named := strings.Cut(v, "=")
		name = strings.TrimSpace(name)
		if !slices.Contains(report.Formats(), name) {
			return nil, usageError("--format %s: unknown format (one of %s, each as NAME or NAME=FILE)", finding.Sanitize(v), strings.Join(report.Formats(), ", "))
		}
		o := output{format: name, file: file, flag: "--format " + v}
		switch {
		case named && file == "":
			return nil, usageError("--format %s: no file after '=' (NAME=FILE, or NAME alone for standard output)", finding.Sanitize(v))
		case !named:
			bare++
			o.file = outputFile
			if outputFile != "" {
				o.flag = "--output " + outputFile
			}
		}
		outs = append(outs, o)
	}
	if bare > 1 {
		where := "standard output"
		if outputFile != "" {
			where = "--output " + outputFile
		}
		return nil, usageError("%s: only one --format without =FILE can write there; name a file for the others (--format json=report.json)", where)
	}
	if outputFile != "" && bare == 0 {
		return nil, usageError("--output %s: every --format names its own file; give one format without =FILE, or drop --output", outputFile)
	}
	if err := distinctFiles(outs); err != nil {
		return nil, err
	}
	return outs, nil
}

// distinctFiles refuses two outputs to one file (by absolute path).
func distinctFiles(outs []output) error {
	seen := map[string]string{}
	for _, o := range outs {
		if o.file == "" {
			continue
		}
		abs, err := filepath.Abs(o.file)
		if err != nil {
			abs = o.file
		}
		if first, ok := seen[abs]; ok {
			return usageError("%s and %s write the same file: one file per format", first, o.flag)
		}
		seen[abs] = o.flag
	}
	return nil
}

// newReporters builds each output's reporter. Text is coloured only on a
// terminal's standard output (never with --no-color or NO_COLOR).
func newReporters(outs []output, o *lintOptions, isTTY bool) error {
	for i := range outs {
		color := isTTY && outs[i].file == "" && !o.noColor && os.Getenv("NO_COLOR") == ""
		rep, err := report.New(outs[i].format, report.Options{Color: color, Version: o.version, FailLevel: o.failLevel})
		if err != nil {
			return usageError("%v", err)
		}
		outs[i].rep = rep
	}
	return nil
}

// oneSnapshot says why outs cannot take several snapshots ("" when they
// can): a file holds one report, and only text and github run on one
// after another on standard output.
func oneSnapshot(outs []output) string {
	for _, o := range outs {
		if o.file != "" {
			return o.flag + " writes one snapshot's report"
		}
		if o.format != "text" && o.format != "github" {
			return "--format " + o.format + " holds one snapshot"
		}
	}
	return ""
}

// rendered is one output's report, rendered whole in memory.
type rendered struct {
	out  output
	data []byte
}

// render renders res in every output's format.
func render(outs []output, res *result.Result) ([]rendered, error) {
	var done []rendered
	for _, o := range outs {
		var b bytes.Buffer
		if err := o.rep.Report(&b, res); err != nil {
			return nil, &ExitError{Code: ExitUsage, Err: fmt.Errorf("%s: %w", o.flag, err)}
		}
		done = append(done, rendered{out: o, data: b.Bytes()})
	}
	return done, nil
}

// writeReports writes each rendered report to its file, then the one for
// standard output, if any: a file that cannot be written stops the run
// before standard output shows a report. Each is rendered whole before,
// and every file is opened before any is replaced, so a failed or
// timed-out run, or one file that cannot be opened, leaves every file as
// it was.
func writeReports(streams IO, reports []rendered) error {
	files, err := openReports(reports)
	if err != nil {
		return err
	}
	for i, r := range reports {
		if files[i] == nil {
			continue
		}
		if err := fill(files[i], r.data); err != nil {
			closeAll(files[i+1:])
			return fmt.Errorf("%s: %w", r.out.flag, err)
		}
	}
	for _, r := range reports {
		if r.out.file == "" {
			if _, err := streams.Out.Write(r.data); err != nil {
				return err
			}
		}
	}
	return nil
}

// openReports opens every report file (nil for standard output); when
// one cannot be opened, it closes the others and removes those it created.
func openReports(reports []rendered) ([]*os.File, error) {
	files := make([]*os.File, len(reports))
	var created []string
	for i, r := range reports {
		if r.out.file == "" {
			continue
		}
		_, statErr := os.Lstat(r.out.file)
		f, err := openReport(r.out.file)
		if err != nil {
			closeAll(files)
			for _, p := range created {
				_ = os.Remove(p)
			}
			return nil, fmt.Errorf("%s: %w", r.out.flag, err)
		}
		if errors.Is(statErr, os.ErrNotExist) {
			created = append(created, r.out.file)
		}
		files[i] = f
	}
	return files, nil
}

func closeAll(files []*os.File) {
	for _, f := range files {
		if f != nil {
			_ = f.Close()
		}
	}
}

// refuseSnapshotFiles refuses an output file that is a file of the
// snapshot the run read (overwritesSnapshot).
func refuseSnapshotFiles(outs []output, res *result.Result) error {
	for _, o := range outs {
		if err := overwritesSnapshot(o.flag, o.file, res); err != nil {
			return err
		}
	}
	return nil
}
