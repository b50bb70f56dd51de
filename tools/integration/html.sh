#!/usr/bin/env bash
# make integration: the HTML report in a real browser. Installs Debian's
# chromium when missing (skips, saying so, only where apt-get is absent),
# renders `stacklint --format html testdata/demo` headless to a PNG and
# checks that the PNG shows a page (tools/integration/pngcheck: size, not
# blank, the overview's red and blue cells), then checks the DOM Chromium
# built once the page's script ran (--dump-dom): the overview table, one
# entry per finding, the filter controls shown, and a filter given in the
# address applied. Every browser run is bounded by `timeout`. The page and
# the screenshot are kept in bin/integration/ to look at.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
GO=${GO:-go}

fail() { echo "FAIL: $*"; exit 1; }

BROWSER=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$BROWSER" ]; then
  if ! command -v apt-get >/dev/null; then
    echo "SKIP: the HTML report's browser test needs chromium, and there is no apt-get to install it"
    exit 0
  fi
  echo "installing Debian's chromium"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  BROWSER=$(command -v chromium)
fi
echo "$("$BROWSER" --version 2>/dev/null | head -1)"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
OUT=bin/integration
mkdir -p "$OUT"
$GO build -o "$WORK/stacklint" ./cmd/stacklint

code=0
"$WORK/stacklint" --format html --output "$OUT/demo.html" testdata/demo || code=$?
[ "$code" -eq 1 ] || fail "stacklint --format html testdata/demo exited $code, want 1 (findings)"
findings=$("$WORK/stacklint" --format json testdata/demo | grep -c '"fingerprint":' || true)
[ "$findings" -gt 0 ] || fail "no finding in the demo's JSON"
PAGE="file://$ROOT/$OUT/demo.html"

# browser ARGS...: headless Chromium with a throw-away profile, at most 60 s.
browser() {
  timeout 60 "$BROWSER" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --user-data-dir="$WORK/profile" "$@" 2>>"$WORK/chromium.log" || { tail -20 "$WORK/chromium.log"; fail "chromium $*"; }
}

# 1. The picture: a 1280x2000 screenshot that shows the page.
browser --screenshot="$OUT/demo.png" --window-size=1280,2000 "$PAGE" >/dev/null
$GO run ./tools/integration/pngcheck -width 1280 -height 2000 -color c62828 -color 3f7fbf "$OUT/demo.png" ||
  fail "the screenshot $OUT/demo.png does not show the page"
echo "ok: the demo's page renders ($OUT/demo.png)"

# 2. The structure, after the script ran.
browser --dump-dom "$PAGE" >"$WORK/dom.html"
dom() { grep -c -- "$1" "$WORK/dom.html" || true; }
[ "$(dom '<table class="fleet">')" -eq 1 ] || fail "no overview table in the rendered DOM"
[ "$(dom '<tr class="node">')" -eq 3 ] || fail "$(dom '<tr class="node">') node rows in the overview, want 3"
[ "$(dom '<article class="finding')" -eq "$findings" ] || fail "$(dom '<article class="finding') finding entries, want $findings"
[ "$(dom '<form id="filters" class="filters">')" -eq 1 ] || fail "the script did not show the filter controls"
[ "$(dom ' hidden=')" -eq 0 ] || fail "something is hidden with no filter set"
echo "ok: overview table, $findings finding entries, filter controls shown"

# 3. A filter in the address: compute2's errors only.
browser --dump-dom "$PAGE#sev=error&node=n%3Acompute2" >"$WORK/dom.html"
shown=$(grep -o '<article class="finding[^>]*>' "$WORK/dom.html" | grep -vc ' hidden=' || true)
[ "$shown" -eq 3 ] || fail "$shown entries shown for #sev=error&node=n:compute2, want 3"
[ "$(dom 'showing 3 of '"$findings")" -eq 1 ] || fail "the counter does not say 'showing 3 of $findings'"
echo "ok: #sev=error&node=n:compute2 shows compute2's 3 errors of $findings findings"
