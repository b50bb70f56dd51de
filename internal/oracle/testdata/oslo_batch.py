#!/usr/bin/python3
"""Run shared/upstream/oslo_dump.py (raw mode) over many files in one process.

usage: oslo_batch.py OSLO_DUMP_PY < paths   (one path per line)
prints one JSON object per line: {"path": P, "rc": RC, "out": <oslo_dump JSON>}
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

saved = cfg.ConfigParser.__dict__['_parse_file']
for line in sys.stdin:
    path = line.rstrip('\n')
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = mod.main([path])
    cfg.ConfigParser._parse_file = saved  # main() wraps it on every call
    print(json.dumps({'path': path, 'rc': rc, 'out': json.loads(buf.getvalue())}))
    sys.stdout.flush()
