#!/bin/bash
# make schema: regenerate internal/schema/data/<release>.json.gz, the compact
# option schema of every file kind stacklint validates, from Debian's
# packaged OpenStack. Each release is built in its own debootstrap chroot:
#
#   zed     bookworm  (nova 26, neutron 21)
#   2025.1  trixie    (nova 31, neutron 26)
#   2026.2  sid       (nova 34, neutron 29)
#
# Needs root, debootstrap and Debian's archive; not part of `make test`.
# Chroots are kept in $SCHEMA_CACHE (default /var/cache/stacklint-schema) so
# a second run skips debootstrap and the package install.
#
# usage: tools/schema/make-schema.sh [RELEASE ...]   (default: all three)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${SCHEMA_CACHE:-/var/cache/stacklint-schema}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
OUT="$ROOT/internal/schema/data"
PACKAGES="python3-oslo.config python3-keystoneauth1 python3-nova python3-neutron python3-keystone python3-glance python3-placement"

suite_of() {
  case "$1" in
    zed) echo bookworm ;;
    2025.1) echo trixie ;;
    2026.2) echo sid ;;
    *) echo "unknown release $1 (zed, 2025.1, 2026.2)" >&2; exit 2 ;;
  esac
}

command -v debootstrap >/dev/null || {
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap >/dev/null
}

build() {
  local release=$1 suite dir start
  suite=$(suite_of "$release")
  dir="$CACHE/$suite"
  start=$(date +%s)
  if [ ! -x "$dir/usr/bin/python3" ] || ! chroot "$dir" /usr/bin/python3 -c 'import nova, neutron, keystone, glance, placement' 2>/dev/null; then
    mkdir -p "$CACHE"
    [ -d "$dir/usr" ] || debootstrap --variant=minbase "$suite" "$dir" "$MIRROR" >"$CACHE/$suite.debootstrap.log"
    local opts=()
    [ "$suite" = sid ] && opts=(-o Acquire::Check-Valid-Until=false)
    chroot "$dir" apt-get "${opts[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive chroot "$dir" apt-get install -y -qq --no-install-recommends $PACKAGES >"$CACHE/$suite.install.log"
  fi
  cp "$HERE/dump_schema.py" "$dir/tmp/dump_schema.py"
  mkdir -p "$OUT"
  chroot "$dir" env -i LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 /tmp/dump_schema.py "$release" \
    | gzip -9n >"$OUT/$release.json.gz"
  echo "$release ($suite): $(du -h "$OUT/$release.json.gz" | cut -f1) in $(( $(date +%s) - start )) s, chroot $(du -sh "$dir" | cut -f1)"
}

releases=("$@")
[ ${#releases[@]} -gt 0 ] || releases=(zed 2025.1 2026.2)
for r in "${releases[@]}"; do
  build "$r"
done
