package bench

import (
	"syscall"
	"time"
)

// CPUTime is the processor time this process has used so far, user and
// system, on every thread (getrusage RUSAGE_SELF): garbage collection and
// parallel work included. On a shared machine a benchmark's wall time per
// operation follows the load of the other processes; its processor time
// per operation much less (see ReportCPU).
func CPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Reporter is the part of *testing.B that ReportCPU uses.
type Reporter interface {
	ReportMetric(n float64, unit string)
}

// ReportCPU reports the processor time used since start (a CPUTime) over
// n operations as the benchmark metric "cpu-ms/op".
func ReportCPU(b Reporter, start time.Duration, n int) {
	if n > 0 {
		b.ReportMetric(float64(CPUTime()-start)/float64(time.Millisecond)/float64(n), "cpu-ms/op")
	}
}
