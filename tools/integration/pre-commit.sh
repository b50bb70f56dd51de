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
hook() { pre-commit try-repo "$ROOT" stacklint "$@" >"$WORK/out.txt" 2>&1; }
want() { for w in "$@"; do grep -q -- "$w" "$WORK/out.txt" || { cat "$WORK/out.txt"; echo "FAIL: no '$w' in the hook's output"; exit 1; }; done; }
fail() { cat "$WORK/out.txt"; echo "FAIL: $1"; exit 1; }

# The snapshot lies two levels down, as in a repository of several clouds.
SNAP=clouds/prod
mkdir -p "$SNAP"

# 1. broken snapshot, every file named (--all-files): the hook fails and
#    names the planted faults.
cp -r "$ROOT/testdata/demo/." "$SNAP/"
rm -f "$SNAP/README.md"
commit "broken snapshot"
if hook --all-files; then fail "the hook passed on the broken snapshot"; fi
want "stacklint....." "Failed" "SL-PASS-003" "SL-PASS-009" "SL-POL-002"
echo "ok: the hook fails on the broken snapshot ($(grep -c ' error ' "$WORK/out.txt") error lines)"

# 2. fixed snapshot: the hook passes.
git rm -rq "$SNAP"
mkdir -p "$SNAP"
cp -r "$ROOT/testdata/deployments/modern-linuxbridge/." "$SNAP/"
commit "fixed snapshot"
if ! hook --all-files; then fail "the hook failed on the fixed snapshot"; fi
want "Passed"
echo "ok: the hook passes on the fixed snapshot"

# 3. pass_filenames (the hook's default): a change to one compute node's
#    nova.conf that breaks its agreement with neutron is caught, with only
#    the findings that touch the changed file.
sed -i 's/^password = Nt1p-neutron-svc$/password = changed-by-hand/' "$SNAP/compute1/etc/nova/nova.conf"
git add -A
if hook --files "$SNAP/compute1/etc/nova/nova.conf"; then fail "the hook passed on a changed neutron password"; fi
want "SL-PASS-003" "compute1/etc/nova/nova.conf" "1 file named"
grep -q "compute2/etc/" "$WORK/out.txt" && fail "findings of files the commit does not touch"
echo "ok: with file names, the change is caught and only its findings are shown"
git checkout -q -- "$SNAP"

# 4. pass_filenames: false with the snapshot as argument, from a
#    .pre-commit-config.yaml pinned to this checkout's tag (or commit).
REV=$(git -C "$ROOT" describe --tags --exact-match 2>/dev/null || git -C "$ROOT" rev-parse HEAD)
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $ROOT
    rev: $REV
    hooks:
      - id: stacklint
        pass_filenames: false
        args: [$SNAP]
YAML
sed -i 's/^password = Nt1p-neutron-svc$/password = changed-by-hand/' "$SNAP/compute1/etc/nova/nova.conf"
git add -A
if pre-commit run stacklint --all-files >"$WORK/out.txt" 2>&1; then fail "pinned hook (rev $REV) passed on a changed password"; fi
want "SL-PASS-003"
echo "ok: the hook pinned to $REV with pass_filenames: false lints $SNAP whole"
