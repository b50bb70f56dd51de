#!/bin/sh
# conftest.sh CONFTEST DIR: conftest's three checks (conftest/policy.rego)
# over the services' INI files of the snapshot DIR, in one combined input
# (conftest's ini parser fails on httpd's .conf files, so only the
# services' folders are given). The findings are thrown away; conftest's
# exit status 1 (it found something) counts as success, anything else
# (a crash, a policy error) fails the script.
set -eu
here=$(dirname "$0")
find "$2" \( -path '*/etc/nova/*' -o -path '*/etc/neutron/*' -o -path '*/etc/keystone/*' \
	-o -path '*/etc/glance/*' -o -path '*/etc/placement/*' \) \( -name '*.conf' -o -name '*.ini' \) -print0 |
	xargs -0 -s 1900000 sh -c 'c=$1 p=$2; shift 2; "$c" test --no-color --parser ini --combine -p "$p" "$@" >/dev/null; s=$?; [ "$s" -le 1 ] || exit 255' sh "$1" "$here/conftest"
