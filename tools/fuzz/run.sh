#!/usr/bin/env bash
# Runs every fuzz target of the module for FUZZTIME each, one after another,
# and prints each target's executions. Targets are listed from the code
# (go test -list in every package with a Fuzz function), so none is missed.
#
#   FUZZTIME          time per target (go test -fuzztime), default 10s
#   FUZZPARALLEL      fuzzing workers per target (go test -parallel), default 1
#   FUZZMINIMIZETIME  time to minimise an input (go test -fuzzminimizetime), default 5s
#   FUZZSHARD         "i/n": run only the targets whose position modulo n is i (to run
#                     two shards side by side on two cores), default all
#
# A failing input is written to <package>/testdata/fuzz/<Target>/ by go test:
# fix the code and commit the file as a regression seed. Exits 1 when a
# target failed, after running the others.
set -uo pipefail
cd "$(dirname "$0")/../.."
GO=${GO:-go}
FUZZTIME=${FUZZTIME:-10s}
FUZZPARALLEL=${FUZZPARALLEL:-1}
FUZZMINIMIZETIME=${FUZZMINIMIZETIME:-5s}
FUZZSHARD=${FUZZSHARD:-0/1}
shard=${FUZZSHARD%/*}
shards=${FUZZSHARD#*/}

# deadline_only: the run "failed" only because -fuzztime ran out while a
# worker was still on an input (go test prints "context deadline exceeded"
# and writes no failing input; frequent with a short FUZZTIME and a large
# cached corpus). A real failure names the input it wrote.
deadline_only() {
	grep -q 'context deadline exceeded' "$1" && ! grep -q 'Failing input written\|panic:\|_test.go:[0-9]' "$1"
}

pkgs=$(grep -rl --include='*_test.go' '^func Fuzz' . | xargs -n1 dirname | sort -u)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
summary=()
failed=0
n=0
for pkg in $pkgs; do
	targets=$($GO test -list '^Fuzz' "$pkg" | grep '^Fuzz') || { echo "fuzz: cannot list $pkg" >&2; exit 1; }
	for target in $targets; do
		n=$((n + 1))
		[ $(((n - 1) % shards)) -eq "$shard" ] || continue
		echo "== $pkg $target ($FUZZTIME)"
		if $GO test -run '^$' -fuzz "^$target\$" -fuzztime "$FUZZTIME" -parallel "$FUZZPARALLEL" \
			-fuzzminimizetime "$FUZZMINIMIZETIME" "$pkg" >"$log" 2>&1; then
			result=ok
		elif deadline_only "$log"; then
			result=ok # go test's own deadline stopped a worker mid-input: no failing input
		else
			result=FAIL
			failed=1
			cat "$log"
		fi
		execs=$(grep -o 'execs: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
		summary+=("$(printf '%-4s %-22s %-20s %12s execs' "$result" "${pkg#./}" "$target" "${execs:-0}")")
	done
done
printf '%s\n' "${summary[@]}"
exit $failed
