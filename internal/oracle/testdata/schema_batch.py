#!/usr/bin/python3
"""Run shared/upstream/oslo_dump.py --kind KIND over many files in one process.

usage: schema_batch.py OSLO_DUMP_PY KIND [--all] < paths
  one run per line: paths separated by tabs, loaded in that order as
  --config-file arguments
prints one JSON object per line: {"path": LINE, "rc": RC, "resolved": {SEC:
{KEY: STATUS}}} and, with --all, "effective": {GROUP: {DEST: VALUE}}: what
oslo.config returns for every registered option after loading the files
(written and converted, or the default), or {"error": TEXT}.
Each kind runs in its own process: the services' option modules register
into one global CONF and clash when several are imported together.
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
extra = sys.argv[3:]  # [] or ['--all']
saved = cfg.ConfigParser.__dict__['_parse_file']
for line in sys.stdin:
    path = line.rstrip('\n')
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        rc = mod.main(['--kind', kind] + extra + path.split('\t'))
    cfg.ConfigParser._parse_file = saved  # main() wraps it on every call
    out = json.loads(buf.getvalue())
    resolved = {s: {k: v['status'] for k, v in kv.items()} for s, kv in out.get('resolved', {}).items()}
    print(json.dumps({'path': path, 'rc': rc, 'resolved': resolved, 'effective': out.get('effective', {})}))
    sys.stdout.flush()
