#!/bin/sh
# make bench: stacklint's full catalog against conftest's three INI checks
# (tools/bench/conftest) on generated snapshots, side by side with
# farm-bench (alternating runs, medians and the ratio per pair), and the
# Go benchmarks. Sizes: BENCH_SIZES (default "1000 10000"); runs per pair:
# BENCH_RUNS (default 3; 1 at 10,000 nodes). Findings (exit status 1) are
# success for both tools; a crash fails the bench.
set -eu
GO=${GO:-go}
BIN=$(pwd)/bin/stacklint
TOOLS=$(pwd)/.bin
OUT=${BENCH_DIR:-/tmp/stacklint-bench}
SIZES=${BENCH_SIZES:-1000 10000}
RUNS=${BENCH_RUNS:-3}
CONFTEST=$(pwd)/tools/bench/conftest.sh

if [ ! -x "$TOOLS/conftest" ]; then
	echo "installing conftest v0.71.1 into $TOOLS"
	GOBIN=$TOOLS $GO install github.com/open-policy-agent/conftest@v0.71.1
fi
mkdir -p "$OUT"
for n in $SIZES; do
	for hosts in fleet node; do
		dir=$OUT/$n-$hosts
		[ -d "$dir" ] || $GO run ./internal/bench/gen -nodes "$n" -hosts "$hosts" -out "$dir"
		runs=$RUNS
		[ "$n" -ge 10000 ] && runs=1
		echo "== $n nodes, $hosts hosts: A = stacklint (full catalog), B = conftest (3 checks)"
		if command -v farm-bench >/dev/null; then
			farm-bench -n "$runs" --timeout 3600 \
				--vs "sh -c '$CONFTEST $TOOLS/conftest $dir'" \
				-- sh -c "$BIN --format json $dir >/dev/null; [ \$? -le 1 ]"
		else
			/usr/bin/time -f "stacklint: %e s wall, %M KB peak RSS" sh -c "$BIN --format json $dir >/dev/null; [ \$? -le 1 ]"
			/usr/bin/time -f "conftest: %e s wall, %M KB peak RSS" "$CONFTEST" "$TOOLS/conftest" "$dir"
		fi
	done
done
