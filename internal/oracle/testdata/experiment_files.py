#!/usr/bin/python3
"""Write every INI case of shared/upstream/experiments/ini_experiments.py to disk.

usage: experiment_files.py EXPERIMENTS_DIR OUT_DIR
writes OUT_DIR/<case id>/<file name> with the case's exact bytes and prints
the paths written, one per line.
"""
import os
import sys

sys.path.insert(0, sys.argv[1])
import ini_experiments  # noqa: E402

for c in ini_experiments.CASES:
    for name, data in c['files'].items():
        p = os.path.join(sys.argv[2], c['cid'], name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        if isinstance(data, str):
            data = data.encode('utf-8')
        with open(p, 'wb') as f:
            f.write(data)
        print(p)
