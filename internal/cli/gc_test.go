package cli

import (
	"runtime/debug"
	"testing"
)

// TestGCPolicy: the compile's target is raised and put back, the
// evaluation's is set from the live heap and survives the end of a
// compile that finishes late, and the end of the run restores the target;
// a GOGC the user set is left alone throughout.
func TestGCPolicy(t *testing.T) {
	t.Setenv("GOGC", "")
	before := debug.SetGCPercent(100)
	defer debug.SetGCPercent(before)
	target := func() int { v := debug.SetGCPercent(-1); debug.SetGCPercent(v); return v }
	p := startGC()
	if got := target(); got != compileGCPercent {
		t.Errorf("during the compile the target is %d, want %d", got, compileGCPercent)
	}
	p.compiled()
	if got := target(); got != 100 {
		t.Errorf("after the compile the target is %d, want 100 back", got)
	}
	p.evaluate()
	if got, want := target(), evalGCPercent(liveHeap(), 100); got != want || got < 100 {
		t.Errorf("while evaluating the target is %d, want %d (>= 100)", got, want)
	}
	p.compiled() // a compile that ends after the model: the evaluation's target stays
	if got, want := target(), evalGCPercent(liveHeap(), 100); got != want {
		t.Errorf("a late compile end changed the evaluation's target to %d, want %d", got, want)
	}
	p.done()
	if got := target(); got != 100 {
		t.Errorf("after the run the target is %d, want 100", got)
	}
	t.Setenv("GOGC", "50")
	debug.SetGCPercent(50)
	q := startGC()
	q.evaluate()
	q.done()
	if got := target(); got != 50 {
		t.Errorf("with GOGC set, the target changed to %d", got)
	}
}

// TestEvalGCPercent: the target keeps the heap goal within the budget,
// between the base and evalGCPercentMax.
func TestEvalGCPercent(t *testing.T) {
	for _, c := range []struct {
		live       uint64
		base, want int
	}{
		{0, 100, evalGCPercentMax},
		{100 << 20, 100, evalGCPercentMax}, // 1,000 nodes: the model is ~100-200 MB
		{400 << 20, 100, 156},              // 1 GiB / 400 MiB - 1
		{900 << 20, 100, 100},              // would exceed: the default
		{1400 << 20, 100, 100},             // 10,000 nodes
		{100 << 20, -1, -1},                // GC off stays off
		{100 << 20, 500, 500},              // already more lenient
	} {
		if got := evalGCPercent(c.live, c.base); got != c.want {
			t.Errorf("evalGCPercent(%d MiB, %d) = %d, want %d", c.live>>20, c.base, got, c.want)
		}
	}
}
