// Package parallel runs independent calls on a bounded number of
// goroutines: the snapshot walk, the model's node documents and the
// engine's parts and shards share it.
package parallel

import (
	"sync"
	"sync/atomic"
)

// For calls do(i) for every i in [0, n), handed out in index order, on at
// most workers goroutines (at least one, never more than n), and returns
// when every call has returned. do must be safe to call concurrently;
// writing results to index i of a slice is.
func For(n, workers int, do func(i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range min(n, max(workers, 1)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n; i = int(next.Add(1) - 1) {
				do(i)
			}
		})
	}
	wg.Wait()
}
