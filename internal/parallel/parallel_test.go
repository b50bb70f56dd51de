package parallel

import (
	"sync/atomic"
	"testing"
)

// TestFor: every index is called once, on no more goroutines than asked.
func TestFor(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{0, 4}, {1, 0}, {5, 1}, {100, 3}, {3, 8}} {
		calls := make([]atomic.Int32, c.n)
		var running, most atomic.Int32
		For(c.n, c.workers, func(i int) {
			now := running.Add(1)
			for {
				m := most.Load()
				if now <= m || most.CompareAndSwap(m, now) {
					break
				}
			}
			calls[i].Add(1)
			running.Add(-1)
		})
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("n=%d workers=%d: index %d called %d times", c.n, c.workers, i, got)
			}
		}
		if limit := int32(max(c.workers, 1)); most.Load() > limit {
			t.Errorf("n=%d workers=%d: %d calls at once", c.n, c.workers, most.Load())
		}
	}
}
