package engine

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stacklint/stacklint/rules"
)

// marshalRule spends many seconds and gigabytes in one json.marshal call,
// which OPA does not interrupt: 1500 references to one 1 MB string, 1.5 GB
// of JSON.
const marshalRule = bigString + "\n\nreport contains {\"message\": sprintf(\"%v\", [count(json.marshal([_mb | some i in numbers.range(1, 1500)]))]), \"locations\": []} if true"

// bigString is a 1 MB string.
const bigString = "_mb := sprintf(\"%01000000d\", [0])"

// limitsHelperEnv names the case a helper process runs (see
// TestLimitsHelper); the evaluation it abandons dies with it.
const limitsHelperEnv = "STACKLINT_LIMITS_HELPER"

// TestOneBuiltinCallEndsInTheLimits: a custom rule (lint) or a custom
// test (stacklint test) stuck in one built-in call stops at its time
// limit or heap budget, without waiting for the call: within the limit +
// 2 s, and with the process's peak resident memory a bounded multiple of
// the budget. Each case runs in a helper process, which exits right after,
// so the abandoned call never burdens this one.
func TestOneBuiltinCallEndsInTheLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("helper processes")
	}
	for _, c := range []struct {
		name, want string
		max        time.Duration
		peakMiB    int
	}{
		{"rule-time", "did not finish within 1s", 3 * time.Second, 2048},
		{"rule-heap", "used more than 256 MiB", 30 * time.Second, 1024},
		{"test-time", "did not finish within 1s", 3 * time.Second, 2048},
	} {
		t.Run(c.name, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.run=^TestLimitsHelper$", "-test.count=1")
			cmd.Env = append(os.Environ(), limitsHelperEnv+"="+c.name, "TMPDIR="+t.TempDir())
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("helper: %v\n%s", err, out)
			}
			var ms, peakKiB int
			var msg string
			sc := bufio.NewScanner(strings.NewReader(string(out)))
			for sc.Scan() {
				if f := strings.SplitN(sc.Text(), " ", 3); len(f) == 3 && f[0] != "" && f[0][0] >= '0' && f[0][0] <= '9' {
					ms, _ = strconv.Atoi(f[0])
					peakKiB, _ = strconv.Atoi(f[1])
					msg = f[2]
				}
			}
			t.Logf("%s: %d ms, peak %d MiB: %s", c.name, ms, peakKiB>>10, msg)
			if !strings.Contains(msg, c.want) {
				t.Fatalf("want %q, got %q\n%s", c.want, msg, out)
			}
			if d := time.Duration(ms) * time.Millisecond; d > c.max {
				t.Errorf("took %s, want at most %s", d, c.max)
			}
			if peakKiB>>10 > c.peakMiB {
				t.Errorf("peak %d MiB, want at most %d", peakKiB>>10, c.peakMiB)
			}
		})
	}
}

// TestLimitsHelper is the helper process of
// TestOneBuiltinCallEndsInTheLimits: it prints "MS PEAK_KIB MESSAGE" and
// exits at once.
func TestLimitsHelper(t *testing.T) {
	name := os.Getenv(limitsHelperEnv)
	if name == "" {
		t.Skip("helper process only")
	}
	dir := os.TempDir()
	writeTree(t, dir, map[string]string{
		"a/x/x.rego":      customRule(goodMeta, "stacklint.rules.a.x", marshalRule),
		"t/y/y_test.rego": "package stacklint.rules.t.y_test\n\n" + bigString + "\n\ntest_ok if 1 == 1\n\ntest_mem if count(json.marshal([_mb | some i in numbers.range(1, 1500)])) > 0\n",
	})
	start := time.Now()
	var err error
	switch name {
	case "test-time":
		// The time of compiling the tests is not the test's: a run of a
		// trivial test measures it.
		writeTree(t, dir, map[string]string{"q/y/y_test.rego": "package stacklint.rules.q.y_test\n\ntest_ok if 1 == 1\n"})
		if _, err := UserTests(context.Background(), rules.FS, []string{filepath.Join(dir, "q")}, false, time.Second); err != nil {
			t.Fatal(err)
		}
		compile := time.Since(start)
		start = time.Now()
		_, err = UserTests(context.Background(), rules.FS, []string{filepath.Join(dir, "t")}, false, time.Second)
		start = start.Add(compile)
	default:
		opts := []Option{UserRules(filepath.Join(dir, "a")), RuleTimeout(time.Second)}
		if name == "rule-heap" {
			opts = []Option{UserRules(filepath.Join(dir, "a")), RuleTimeout(time.Hour), withHeapBudget(256 << 20)}
		}
		var e *Engine
		if e, err = New(context.Background(), rules.FS, opts...); err == nil {
			start = time.Now()
			_, err = e.Eval(context.Background(), map[string]any{"nodes": map[string]any{}})
		}
	}
	ms := time.Since(start).Milliseconds()
	var te *TimeoutError
	var tte *TestTimeoutError
	if !errors.As(err, &te) && !errors.As(err, &tte) {
		err = fmt.Errorf("not a timeout: %w", err)
	}
	fmt.Printf("%d %d %v\n", ms, peakRSSKiB(), err)
	os.Exit(0)
}

// peakRSSKiB is the process's peak resident memory (VmHWM), in KiB.
func peakRSSKiB() int {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for line := range strings.SplitSeq(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return n
		}
	}
	return 0
}
