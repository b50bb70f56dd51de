package stacklint.rules.credentials.db_password_drift_test

import data.stacklint.fixtures as fx
import data.stacklint.rules.credentials.db_password_drift as rule

_url(user, fp, db, line) := {"value": "mysql+pymysql://x", "line": line, "column": 1, "url": {
	"driver": "mysql", "database": db,
	"hosts": [{"host": "controller", "port": 3306, "user": user, "password_fp": fp, "resolved": ["10.0.0.11"]}],
}}

_nova(api_fp, db_fp) := fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {
	"api_database": {"connection": _url("nova", api_fp, "nova_api", 6)},
	"database": {"connection": _url("nova", db_fp, "nova", 9)},
})

_input(f) := object.union(fx.deployment([fx.node("ctl", [], [f])]), {"owners": {"10.0.0.11": "ctl"}})

test_same_password if {
	r := rule.report with input as _input(_nova("aaaaaa", "aaaaaa"))
	r == set()
}

test_api_database_differs if {
	f := _nova("aaaaaa", "bbbbbb")
	r := rule.report with input as _input(f)
	r == {{
		"message": "database user 'nova' on ctl:3306: nova.conf [database] connection on ctl (fp:bbbbbb) differs from nova.conf [api_database] connection on ctl (fp:aaaaaa); the side the server does not know cannot connect",
		"locations": [fx.loc(f, "database", "connection", 9), fx.loc(f, "api_database", "connection", 6)],
	}}
}

test_different_users_are_not_compared if {
	f := fx.file("ctl", "nova.conf", "etc/nova/nova.conf", {
		"api_database": {"connection": _url("nova_api", "aaaaaa", "nova_api", 6)},
		"database": {"connection": _url("nova", "bbbbbb", "nova", 9)},
	})
	r := rule.report with input as _input(f)
	r == set()
}
