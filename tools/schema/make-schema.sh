#!/bin/bash
# make schema: regenerate internal/schema/data/<release>.json.gz, the compact
# option and policy schema of every file kind stacklint validates, for every
# release stacklint knows (docs/schema.md). Each release is dumped by
# tools/schema/dump_schema.py inside a debootstrap chroot of the Debian suite
# nearest to it, by one of two methods:
#
#   packages  the suite packages the release (bullseye: victoria, bookworm:
#             zed, trixie: 2025.1, sid: the newest): Debian's python3-<service>
#   source    the upstream trees at the release's tags (tools/schema/sources.py,
#             from the git mirrors in $MIRRORS) ahead of the suite's packages
#
# Needs root, debootstrap, unshare and ip (each dump runs in a UTS and network
# namespace of its own with a sentinel host name and addresses, so no
# generating host's value is taken for a default), Debian's archive and, for
# the source method, the mirrors. Not part of `make test`.
# Chroots are kept in $SCHEMA_CACHE (default /var/cache/stacklint-schema).
#
# usage: tools/schema/make-schema.sh [RELEASE ...]        (default: all)
#        tools/schema/make-schema.sh --check [RELEASE ...] (the differential
#          test's input: the source method at the versions of each packaged
#          release, into $SCHEMA_CHECK_OUT, default $SCHEMA_CACHE/check)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${SCHEMA_CACHE:-/var/cache/stacklint-schema}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
export MIRRORS=${MIRRORS:-/work/.mirror}
OUT="$ROOT/internal/schema/data"
trap 'rm -f "$OUT"/*.json.gz.tmp' EXIT # a failed dump leaves no partial file
PACKAGES="python3-oslo.config python3-keystoneauth1 python3-nova python3-neutron python3-keystone python3-glance python3-placement python3-cinder"
# Third-party modules the source trees of other releases import that the
# suite's packaged services do not pull in (cinder 2024.1+: distro;
# keystone up to 2024.2: passlib; cinder train: mock).
EXTRA="python3-distro python3-passlib python3-mock"

# release -> "suite method"
plan() {
  case "$1" in
    victoria) echo "bullseye packages" ;;
    zed) echo "bookworm packages" ;;
    2025.1) echo "trixie packages" ;;
    2026.2) echo "sid packages" ;;
    stein|train|ussuri|wallaby|xena|yoga) echo "bullseye source" ;;
    2023.1|2023.2|2024.1) echo "bookworm source" ;;
    2024.2|2025.2) echo "trixie source" ;;
    2026.1) echo "sid source" ;; # trixie's tooz needs oslo.utils < 10
    *) echo "unknown release $1" >&2; exit 2 ;;
  esac
}
# stein, train and ussuri: their glance flags [DEFAULT] admin_user and
# admin_tenant_name secret; the model redacts such names elsewhere too but
# judges only password-like options weak (model.PasswordLike).
ALL="stein train ussuri victoria wallaby xena yoga zed 2023.1 2023.2 2024.1 2024.2 2025.1 2025.2 2026.1 2026.2"
PACKAGED="victoria zed 2025.1 2026.2"

for tool in debootstrap unshare ip; do
  command -v $tool >/dev/null || {
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap util-linux iproute2 >/dev/null
  }
done

# chroot SUITE: the suite's chroot with the service packages installed.
chroot_of() {
  local suite=$1 dir="$CACHE/$1"
  if [ ! -x "$dir/usr/bin/python3" ] || ! chroot "$dir" /usr/bin/python3 -c 'import nova, neutron, keystone, glance, placement, cinder' 2>/dev/null; then
    mkdir -p "$CACHE"
    [ -d "$dir/usr" ] || debootstrap --variant=minbase "$suite" "$dir" "$MIRROR" >"$CACHE/$suite.debootstrap.log"
    local opts=()
    [ "$suite" = sid ] && opts=(-o Acquire::Check-Valid-Until=false)
    chroot "$dir" apt-get "${opts[@]}" update -qq
    DEBIAN_FRONTEND=noninteractive chroot "$dir" apt-get "${opts[@]}" install -y -qq --no-install-recommends $PACKAGES >"$CACHE/$suite.install.log"
  fi
  if ! chroot "$dir" dpkg -s $EXTRA >/dev/null 2>&1; then
    local opts=()
    [ "$suite" = sid ] && opts=(-o Acquire::Check-Valid-Until=false)
    DEBIAN_FRONTEND=noninteractive chroot "$dir" apt-get "${opts[@]}" install -y -qq --no-install-recommends $EXTRA >>"$CACHE/$suite.install.log"
  fi
  printf '127.0.0.1\tlocalhost\n203.0.113.254\tstacklint-sentinel-host\n' >"$dir/etc/hosts"
  cp "$HERE/dump_schema.py" "$dir/tmp/dump_schema.py"
  echo "$dir"
}

# dump DIR ARGS...: dump_schema.py in the chroot, in namespaces of its own:
# host name stacklint-sentinel-host, addresses 203.0.113.254 and 2001:db8::fe
# on the loopback with default routes through it, no other network.
dump() {
  local dir=$1; shift
  unshare -u -n sh -c '
    hostname stacklint-sentinel-host
    ip link set lo up
    ip addr add 203.0.113.254/32 dev lo && ip route add default dev lo src 203.0.113.254
    ip -6 addr add 2001:db8::fe/128 dev lo nodad && ip -6 route add default dev lo src 2001:db8::fe
    dir=$1; shift
    exec chroot "$dir" env -i LC_ALL=C.UTF-8 PYTHONDONTWRITEBYTECODE=1 HOME=/nonexistent /usr/bin/python3 /tmp/dump_schema.py "$@"
  ' sh "$dir" "$@"
}

# versions DIR: the installed versions of the projects sources.py knows.
versions() {
  chroot "$1" env -i LC_ALL=C.UTF-8 /usr/bin/python3 -c '
import importlib.metadata as md, json, sys
sys.path.insert(0, "/tmp"); import dump_schema
out = {}
for d in dump_schema.DISTS:
    try: out[d] = md.version(d)
    except md.PackageNotFoundError: pass
json.dump(out, sys.stdout)'
}

# sources DIR SERIES WORK [VERSIONS [--kinds-only]]: lay the upstream trees
# out in the chroot (or only the release's kind -> namespaces lists).
sources() {
  local dir=$1 series=$2 work=$3 versions=${4:-} only=${5:-}
  rm -rf "$dir/srv/stacklint-src/$work"
  mkdir -p "$dir/srv/stacklint-src/$work"
  python3 "$HERE/sources.py" --series "$series" --out "$dir/srv/stacklint-src/$work" \
    --prefix "/srv/stacklint-src/$work" ${versions:+--versions "$versions"} ${PATCHES:+--patches "$PATCHES"} $only
}

build() {
  local release=$1 suite method dir start work
  read -r suite method <<<"$(plan "$release")"
  start=$(date +%s)
  dir=$(chroot_of "$suite")
  mkdir -p "$OUT"
  work=$release
  if [ "$method" = packages ]; then
    versions "$dir" >"$CACHE/$release.versions.json"
    sources "$dir" "$release" "$work" "$CACHE/$release.versions.json" --kinds-only >"$CACHE/$release.sources.log"
    dump "$dir" --kinds "/srv/stacklint-src/$work/kinds.json" "$release" | gzip -9n >"$OUT/$release.json.gz.tmp"
  else
    sources "$dir" "$release" "$work" >"$CACHE/$release.sources.log"
    dump "$dir" --kinds "/srv/stacklint-src/$work/kinds.json" --sources "/srv/stacklint-src/$work/sources.json" "$release" \
      | gzip -9n >"$OUT/$release.json.gz.tmp"
  fi
  mv "$OUT/$release.json.gz.tmp" "$OUT/$release.json.gz"
  echo "$release ($suite, $method): $(stat -c %s "$OUT/$release.json.gz") bytes in $(( $(date +%s) - start )) s"
}

# debian_patches DIR SUITE OUT: Debian's patches (debian/patches of each
# installed project's source package, at the installed version) into
# OUT/<dist>/debian/patches. Only the debian.tar.* of each source package is
# downloaded.
debian_patches() {
  local dir=$1 suite=$2 out=$3 opts=()
  [ "$suite" = sid ] && opts=(-o Acquire::Check-Valid-Until=false)
  if ! grep -q '^deb-src' "$dir/etc/apt/sources.list"; then
    sed -n 's/^deb /deb-src /p' "$dir/etc/apt/sources.list" >>"$dir/etc/apt/sources.list"
    chroot "$dir" apt-get "${opts[@]}" update -qq
  fi
  rm -rf "$out"
  mkdir -p "$out"
  chroot "$dir" env -i LC_ALL=C.UTF-8 PATH=/usr/sbin:/usr/bin:/sbin:/bin /usr/bin/python3 -c '
import importlib.metadata as md, subprocess, sys
sys.path.insert(0, "/tmp"); import dump_schema
for d in dump_schema.DISTS:
    try:
        path = str(md.distribution(d)._path)
    except md.PackageNotFoundError:
        continue
    pkg = subprocess.run(["dpkg", "-S", path], capture_output=True, text=True).stdout.split(":")[0]
    src = subprocess.run(["dpkg-query", "-W", "-f=${source:Package} ${source:Version}", pkg],
                         capture_output=True, text=True).stdout
    if pkg and src:
        print(d, src)' | while read -r dist src ver; do
    uri=$(chroot "$dir" apt-get "${opts[@]}" source --print-uris -qq "$src=$ver" 2>/dev/null \
      | grep -o "'[^']*\.debian\.tar\.[a-z]*'" | tr -d "'" || true)
    mkdir -p "$out/$dist"
    echo "$src $ver $uri" >"$out/$dist/source"
    # to a file first: tar detects the compression of a file, not of a pipe
    if [ -n "$uri" ] && curl -sfL -o "$out/$dist/${uri##*/}" "$uri"; then
      tar -xf "$out/$dist/${uri##*/}" -C "$out/$dist" debian/patches 2>/dev/null || true
      rm -f "$out/$dist/${uri##*/}"
    fi
  done
}

# check RELEASE: the source method at the packaged versions of RELEASE,
# with Debian's patches applied (they carry security fixes that add options).
check() {
  local release=$1 suite method dir start out=${SCHEMA_CHECK_OUT:-$CACHE/check}
  read -r suite method <<<"$(plan "$release")"
  start=$(date +%s)
  dir=$(chroot_of "$suite")
  mkdir -p "$out"
  versions "$dir" >"$CACHE/$release.versions.json"
  rm -f "$out/$release.json.gz" "$out/$release.skipped"
  debian_patches "$dir" "$suite" "$CACHE/patches-$release"
  # sources.py refuses versions the mirrors have no tag of (they predate the
  # release): recorded as skipped, with the reason, for the test to report
  if ! PATCHES="$CACHE/patches-$release" sources "$dir" "$release" "check-$release" "$CACHE/$release.versions.json" \
    >"$CACHE/check-$release.sources.log" 2>"$out/$release.skipped"; then
    echo "check $release: skipped: $(cat "$out/$release.skipped")"
    return 0
  fi
  rm -f "$out/$release.skipped"
  dump "$dir" --kinds "/srv/stacklint-src/check-$release/kinds.json" \
    --sources "/srv/stacklint-src/check-$release/sources.json" "$release" | gzip -9n >"$out/$release.json.gz.tmp"
  mv "$out/$release.json.gz.tmp" "$out/$release.json.gz"
  echo "check $release ($suite, source at the packaged versions): $(( $(date +%s) - start )) s"
}

if [ "${1:-}" = --check ]; then
  shift
  releases=("$@")
  [ ${#releases[@]} -gt 0 ] || read -r -a releases <<<"$PACKAGED"
  for r in "${releases[@]}"; do check "$r"; done
  exit 0
fi
releases=("$@")
[ ${#releases[@]} -gt 0 ] || read -r -a releases <<<"$ALL"
for r in "${releases[@]}"; do
  build "$r"
done
# the names-only index of every release (internal/schema/index.go), which
# TestIndexMatchesSchemas checks against the schemas just written
(cd "$ROOT" && go run ./tools/schema/index "$OUT/index.json.gz")
echo "index: $OUT/index.json.gz"
