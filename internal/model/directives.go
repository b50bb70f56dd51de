package model

import (
	"strings"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/directive"
)

// directiveStyles maps the host file kinds to their dialect.
var directiveStyles = map[string]directive.Style{
	snapshot.KindSysctl: directive.Assign, snapshot.KindModules: directive.Words,
	snapshot.KindChrony: directive.Words, snapshot.KindMyCnf: directive.INI,
	snapshot.KindHAProxy: directive.Indented, snapshot.KindRabbitMQ: directive.Assign,
	snapshot.KindHTTPD: directive.Tags, snapshot.KindDnsmasq: directive.Assign,
	snapshot.KindLimits: directive.Words, snapshot.KindSystemd: directive.INI,
	snapshot.KindIptables: directive.Words,
}

// parseDirectives reads a host file; memcached has two dialects
// (/etc/memcached.conf flags, /etc/sysconfig/memcached shell variables),
// and so has firewalld (firewalld.conf settings, zones/*.xml).
func parseDirectives(f *snapshot.File, data []byte) ([]directive.Directive, bool) {
	if f.Kind == snapshot.KindMemcached {
		if strings.HasSuffix(f.NodePath, "sysconfig/memcached") {
			return directive.Parse(directive.Assign, data), true
		}
		return directive.Parse(directive.Words, data), true
	}
	if f.Kind == snapshot.KindFirewalld {
		if strings.HasSuffix(f.NodePath, ".xml") {
			return directive.Parse(directive.XML, data), true
		}
		return directive.Parse(directive.Assign, data), true
	}
	style, ok := directiveStyles[f.Kind]
	if !ok {
		return nil, false
	}
	return directive.Parse(style, data), true
}

// directivesDoc renders directives; arguments of secret-named settings
// (my.cnf password, rabbitmq default_pass) and haproxy "stats auth"
// credentials become fingerprints.
func (b *nodeBuilder) directivesDoc(ds []directive.Directive) []any {
	out := make([]any, len(ds))
	for i, d := range ds {
		args := make([]any, len(d.Args))
		for j, a := range d.Args {
			if SecretArg(d, j) {
				args[j] = b.keys.Label(a)
				continue
			}
			args[j] = a
		}
		out[i] = map[string]any{"line": d.Line, "name": d.Name, "args": args, "block": d.Block}
	}
	return out
}

// SecretArg reports whether argument j of a host-file directive is a
// secret: arguments of secret-named settings (my.cnf password, rabbitmq
// default_pass), haproxy "stats auth" and userlist passwords.
func SecretArg(d directive.Directive, j int) bool {
	n := strings.ToLower(strings.ReplaceAll(d.Name, "-", "_"))
	switch {
	case secret.IsKey(n), n == "default_pass", strings.HasSuffix(n, "_pass"):
		return true
	case n == "stats" && j == 1 && len(d.Args) > 1 && d.Args[0] == "auth":
		return true
	case n == "user" && j > 0 && j-1 < len(d.Args) && strings.Contains(d.Args[j-1], "password"):
		return true // haproxy userlist: user NAME password|insecure-password SECRET
	}
	return false
}
