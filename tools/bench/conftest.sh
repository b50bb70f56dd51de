#!/bin/sh
# conftest.sh CONFTEST DIR: conftest's three checks (conftest/policy.rego)
# over the services' INI files of the snapshot DIR, in one combined input
# (conftest's ini parser fails on httpd's .conf files, so only the
# services' folders are given). The findings are thrown away; the exit
# status is conftest's (1: it found something).
set -eu
here=$(dirname "$0")
find "$2" \( -path '*/etc/nova/*' -o -path '*/etc/neutron/*' -o -path '*/etc/keystone/*' \
	-o -path '*/etc/glance/*' -o -path '*/etc/placement/*' \) \( -name '*.conf' -o -name '*.ini' \) -print0 |
	xargs -0 -s 1900000 "$1" test --no-color --parser ini --combine -p "$here/conftest" >/dev/null
