#!/usr/bin/env bash
# make integration: stacklint's pre-commit hook, for real. Installs Debian's
# pre-commit (when missing), creates a throw-away git configuration repository
# holding the broken demo snapshot, and runs `pre-commit try-repo` against this
# checkout: the hook must fail with findings. Then the snapshot is fixed (the
# correct deployment is committed in its place) and the hook must pass.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

if ! command -v pre-commit >/dev/null || ! command -v git >/dev/null; then
  echo "installing Debian's pre-commit and git"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends pre-commit git >/dev/null
fi
echo "$(pre-commit --version), $(git --version)"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export PRE_COMMIT_HOME="$WORK/cache"
REPO="$WORK/config-repo"
mkdir -p "$REPO"
cd "$REPO"
git init -q
git config user.email ci@example.invalid
git config user.name ci

commit() { git add -A && git commit -qm "$1"; }
hook() { pre-commit try-repo "$ROOT" stacklint --all-files >"$WORK/out.txt" 2>&1; }

# 1. broken snapshot: the hook fails and names the planted faults.
cp -r "$ROOT/testdata/demo/." .
rm -f README.md
commit "broken snapshot"
if hook; then
  cat "$WORK/out.txt"; echo "FAIL: the hook passed on the broken snapshot"; exit 1
fi
for want in "stacklint....." "Failed" "SL-PASS-003" "SL-PASS-009" "SL-POL-002"; do
  grep -q -- "$want" "$WORK/out.txt" || { cat "$WORK/out.txt"; echo "FAIL: no '$want' in the hook's output"; exit 1; }
done
echo "ok: the hook fails on the broken snapshot ($(grep -c ' error ' "$WORK/out.txt") error lines)"

# 2. fixed snapshot: the hook passes.
git rm -rq .
cp -r "$ROOT/testdata/deployments/modern-linuxbridge/." .
commit "fixed snapshot"
if ! hook; then
  cat "$WORK/out.txt"; echo "FAIL: the hook failed on the fixed snapshot"; exit 1
fi
grep -q "Passed" "$WORK/out.txt" || { cat "$WORK/out.txt"; echo "FAIL: pre-commit did not report Passed"; exit 1; }
echo "ok: the hook passes on the fixed snapshot"
