package cli

import (
	"errors"
	"fmt"
	"os"
	"syscall"
)

// writeFile writes data to the file at path (created 0644, truncated),
// like os.WriteFile, except that a named pipe no process reads is an
// error at once: opening it for writing would otherwise block forever.
func writeFile(path string, data []byte) error {
	f, err := openReport(path)
	if err != nil {
		return err
	}
	return fill(f, data)
}

// openReport opens the file at path for a report (created 0644, not yet
// truncated); a named pipe no process reads is an error at once.
func openReport(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|syscall.O_NONBLOCK, 0o644)
	if errors.Is(err, syscall.ENXIO) {
		return nil, fmt.Errorf("%s is a named pipe that no process reads", path)
	}
	return f, err
}

// fill replaces the content of a file openReport opened with data (a
// regular file is truncated first) and closes it.
func fill(f *os.File, data []byte) error {
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
		if err := f.Truncate(0); err != nil {
			_ = f.Close()
			return err
		}
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
