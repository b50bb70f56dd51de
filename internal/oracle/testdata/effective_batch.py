#!/usr/bin/python3
"""Run shared/upstream/oslo_dump.py --kind KIND --all over many files in one process.

usage: effective_batch.py OSLO_DUMP_PY KIND < paths   (one line per run: paths
separated by tabs, loaded in that order as --config-file arguments)
prints one JSON object per line: {"path": LINE, "rc": RC, "effective": {GROUP: {DEST: VALUE}}}
where VALUE is what oslo.config returns for the option after loading the file
(the written value converted by the option's type, or its default), or
{"error": TEXT}. Each kind runs in its own process (see schema_batch.py).
"""
import contextlib
import importlib.util
import io
import json
import sys

spec = importlib.util.spec_from_file_location('oslo_dump', sys.argv[1])
mod = importlib.util.module_from_spec(spec)
spec.loader.exec_module(mod)
from oslo_config import cfg  # noqa: E402

kind = sys.argv[2]
saved = cfg.ConfigParser.__dict__['_parse_file']
for line in sys.stdin:
    path = line.rstrip('\n')
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = mod.main(['--kind', kind, '--all'] + path.split('\t'))
    cfg.ConfigParser._parse_file = saved  # main() wraps it on every call
    out = json.loads(buf.getvalue())
    print(json.dumps({'path': path, 'rc': rc, 'effective': out.get('effective', {})}))
    sys.stdout.flush()
