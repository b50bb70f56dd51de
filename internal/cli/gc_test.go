package cli

import (
	"runtime/debug"
	"testing"
)

// TestLenientGC: the compile's target is raised and put back; a GOGC the
// user set is left alone.
func TestLenientGC(t *testing.T) {
	t.Setenv("GOGC", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	restore := lenientGC()
	if got := debug.SetGCPercent(compileGCPercent); got != compileGCPercent {
		t.Errorf("during the compile the target is %d, want %d", got, compileGCPercent)
	}
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after the compile the target is %d, want 100 back", got)
	}
	t.Setenv("GOGC", "50")
	lenientGC()()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("with GOGC set, the target changed to %d", got)
	}
}
