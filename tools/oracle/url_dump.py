#!/usr/bin/python3
"""Read URLs as OpenStack's libraries read them: the oracle for parser/urls.

Reads one JSON string per line on stdin and prints one JSON object per line:
{"sqlalchemy": ..., "transport": ..., "generic": ...}, each the parse of the
library (SQLAlchemy's make_url, oslo.messaging's TransportURL.parse,
urllib.parse.urlsplit) or {"error": "..."} when it refuses the URL.
Run with /usr/bin/python3 after `apt-get install python3-sqlalchemy
python3-oslo.messaging` (python3-nova brings both).
"""
import json
import sys
import urllib.parse

from oslo_config import cfg
import oslo_messaging
from sqlalchemy.engine import make_url


def sqla(raw):
    u = make_url(raw)
    return {"user": u.username, "password": u.password, "host": u.host, "port": u.port,
            "database": u.database}


def transport(raw):
    u = oslo_messaging.TransportURL.parse(cfg.ConfigOpts(), raw)
    return {"hosts": [{"user": h.username, "password": h.password, "host": h.hostname, "port": h.port}
                      for h in u.hosts], "vhost": u.virtual_host}


def generic(raw):
    """urlsplit, with the credentials unquoted as requests (and so
    keystoneauth) sends them: requests.utils.get_auth_from_url."""
    u = urllib.parse.urlsplit(raw)
    unq = (lambda v: None if v is None else urllib.parse.unquote(v))
    return {"user": unq(u.username), "password": unq(u.password), "host": u.hostname, "port": u.port,
            "path": u.path, "query": u.query}


def guarded(f, raw):
    try:
        return f(raw)
    except Exception as e:  # noqa: BLE001 - the refusal is the answer
        return {"error": type(e).__name__}


def main():
    for line in sys.stdin:
        raw = json.loads(line)
        print(json.dumps({"sqlalchemy": guarded(sqla, raw), "transport": guarded(transport, raw),
                          "generic": guarded(generic, raw)}, sort_keys=True))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
