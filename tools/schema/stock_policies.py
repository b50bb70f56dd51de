#!/usr/bin/env python3
"""Dump the stock policy files of releases before policy-in-code.

Until a service registered its policy defaults in code (nova in Newton,
keystone in Queens, neutron in Stein, glance in Ussuri, cinder in Queens),
its defaults were the policy.json it shipped in its tree (etc/policy.json,
etc/nova/policy.json, etc/cinder/policy.json) and that distributions
installed as is. This reads that file at each release's -eol tag of the
public repositories (bare mirrors in $MIRRORS/openstack+<service>/repo) and
writes internal/schema/stock/policies.json.gz:

  {"source": ..., "services": {service: {name: [[check, [release, ...]], ...]}}}

check is the rule's value as the file has it: a string, or a list (the old
list syntax). Releases are oldest first.

usage: stock_policies.py OUT
"""
import gzip
import json
import os
import subprocess
import sys

MIRRORS = os.environ.get("MIRRORS", "/work/.mirror")
RELEASES = ["icehouse", "juno", "kilo", "liberty", "mitaka", "newton", "ocata", "pike",
            "queens", "rocky", "stein", "train", "ussuri"]
SERVICES = ["cinder", "glance", "keystone", "neutron", "nova"]
PATHS = ["etc/policy.json", "etc/{svc}/policy.json"]


def show(svc, tag, path):
    git = os.path.join(MIRRORS, "openstack+" + svc, "repo")
    try:
        return subprocess.run(["git", "--git-dir", git, "show", tag + ":" + path],
                              check=True, capture_output=True).stdout
    except subprocess.CalledProcessError:
        return None


def stock(svc, release):
    for p in PATHS:
        raw = show(svc, release + "-eol", p.format(svc=svc))
        if raw is None:
            continue
        doc = json.loads(raw)
        if len(doc) > 1:  # nova newton's file is an empty object
            return doc
    return None


def main():
    out = {"source": "etc/policy.json of each service at <release>-eol, openstack/<service>",
           "services": {}}
    for svc in SERVICES:
        rules = {}
        for rel in RELEASES:
            doc = stock(svc, rel)
            if doc is None:
                continue
            for name, check in doc.items():
                entries = rules.setdefault(name, [])
                for e in entries:
                    if e[0] == check:
                        e[1].append(rel)
                        break
                else:
                    entries.append([check, [rel]])
        out["services"][svc] = dict(sorted(rules.items()))
    data = json.dumps(out, sort_keys=True, separators=(",", ":")).encode()
    with gzip.GzipFile(sys.argv[1], "wb", mtime=0) as f:
        f.write(data)
    for svc, rules in out["services"].items():
        print(svc, len(rules), "names", file=sys.stderr)


if __name__ == "__main__":
    main()
