package cli

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// compileGCPercent is the collector's target while the rules compile.
// Compiling the catalog allocates about 60 MB in a million objects,
// mostly short-lived syntax trees, which the default target (GOGC=100)
// scans several times over while the heap is still small (farm-bench,
// 3-node deployment: -14% CPU, +7.5 MB peak; GOGC=400 for the whole run:
// -23% CPU, +12 MB).
const compileGCPercent = 400

// evalHeapBudget and evalGCPercentMax set the collector's target while the
// rules evaluate (evalGCPercent): a fleet whose model is small gets a
// lenient target (1,000 nodes, GOGC=300 against 100: 0.77x CPU and wall,
// 575 -> 816 MiB peak, farm-bench -n 3), a large one the default, since its
// heap is what a large fleet's peak memory is (10,000 nodes: the model
// alone is over a gigabyte).
const (
	evalHeapBudget   = 1 << 30
	evalGCPercentMax = 300
)

// gcPolicy is the collector's target through a run: compileGCPercent while
// the rules compile (the snapshot is read meanwhile), the previous target
// once they have compiled, evalGCPercent's while they evaluate, and the
// previous one again at the end. A GOGC the user set is left alone. Its
// methods may be called from any goroutine; once evaluating, the end of
// the compile changes nothing.
type gcPolicy struct {
	mu         sync.Mutex
	user       bool // GOGC set: change nothing
	previous   int
	evaluating bool
}

// startGC raises the target for the compile.
func startGC() *gcPolicy {
	p := &gcPolicy{user: os.Getenv("GOGC") != ""}
	if !p.user {
		p.previous = debug.SetGCPercent(compileGCPercent)
	}
	return p
}

// compiled puts the previous target back, unless the evaluation has set
// its own already.
func (p *gcPolicy) compiled() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.user && !p.evaluating {
		debug.SetGCPercent(p.previous)
	}
}

// evaluate sets the evaluation's target from the live heap the model left.
func (p *gcPolicy) evaluate() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.evaluating = true
	if !p.user {
		debug.SetGCPercent(evalGCPercent(liveHeap(), p.previous))
	}
}

// done puts the previous target back.
func (p *gcPolicy) done() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if !p.user {
		debug.SetGCPercent(p.previous)
	}
}

// evalGCPercent is the largest target, between base (the target outside
// the run, GOGC's default 100) and evalGCPercentMax, whose heap goal
// (live x (1 + target/100)) stays within evalHeapBudget; live is in bytes
// (0: no collection yet, a tiny run).
func evalGCPercent(live uint64, base int) int {
	if base <= 0 || base >= evalGCPercentMax {
		return base // off (-1) or already lenient: the user's or Go's choice
	}
	if live == 0 {
		return evalGCPercentMax
	}
	p := int(100 * (float64(evalHeapBudget)/float64(live) - 1))
	return min(evalGCPercentMax, max(base, p))
}

// liveHeap is the heap the last collection found live, in bytes
// (runtime/metrics "/gc/heap/live:bytes"; 0 before the first).
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}
