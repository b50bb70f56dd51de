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
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC|syscall.O_NONBLOCK, 0o644)
	if errors.Is(err, syscall.ENXIO) {
		return fmt.Errorf("%s is a named pipe that no process reads", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		_ = f.Close()
		return err
	}
	return f.Close()
}
