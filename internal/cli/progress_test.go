package cli

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// lockedBuffer is a bytes.Buffer safe for the progress goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// progressOf runs a phase change under startProgress and returns what it
// wrote; the run lasts 300 ms, the delay is 20 ms (or long, when late).
func progressOf(mode string, tty, late bool) string {
	var w lockedBuffer
	p := newPhase("discovering files")
	delay := 20 * time.Millisecond
	if late {
		delay = time.Hour
	}
	stop := startProgress(&w, mode, tty, p, delay)
	time.Sleep(100 * time.Millisecond)
	p.set("evaluating 3 rules on 2 nodes")
	time.Sleep(400 * time.Millisecond)
	stop()
	return w.String()
}

func TestProgress(t *testing.T) {
	if got := progressOf("never", true, false); got != "" {
		t.Errorf("never on a terminal wrote %q", got)
	}
	if got := progressOf("auto", false, false); got != "" {
		t.Errorf("auto without a terminal (a CI log) wrote %q", got)
	}
	if got := progressOf("auto", true, true); got != "" {
		t.Errorf("a run shorter than the delay wrote %q", got)
	}
	got := progressOf("always", false, false)
	lines := strings.Split(strings.TrimSuffix(got, "\n"), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "stacklint: discovering files (at ") || !strings.HasPrefix(lines[1], "stacklint: evaluating 3 rules on 2 nodes (at ") {
		t.Errorf("always in a log: want one line per phase, got %q", got)
	}
	p := newPhase("discovering files")
	p.label = "site-b"
	if got := p.get(); got != "site-b: discovering files" {
		t.Errorf("one of several snapshots: the phase reads %q", got)
	}
	got = progressOf("auto", true, false)
	if !strings.Contains(got, "\r\x1b[Kstacklint: evaluating 3 rules on 2 nodes (") || !strings.HasSuffix(got, "\r\x1b[K") || strings.Contains(got, "\n") {
		t.Errorf("auto on a terminal: want one line rewritten in place and cleared, got %q", got)
	}
}

func TestProgressFlag(t *testing.T) {
	for _, m := range progressModes {
		if err := checkProgress(m); err != nil {
			t.Errorf("%s: %v", m, err)
		}
	}
	if err := checkProgress("sometimes"); err == nil || !strings.Contains(err.Error(), "auto|always|never") {
		t.Errorf("a bad mode: %v", err)
	}
}
