package model

import (
	"slices"
	"strings"
	"unsafe"

	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/directive"
)

// directiveStyles maps the host file kinds to their dialect (httpd: Loaded.parse).
var directiveStyles = map[string]directive.Style{
	snapshot.KindSysctl: directive.Assign, snapshot.KindModules: directive.Words,
	snapshot.KindChrony: directive.Words, snapshot.KindMyCnf: directive.INI,
	snapshot.KindHAProxy: directive.Indented, snapshot.KindRabbitMQ: directive.Assign,
	snapshot.KindDnsmasq: directive.Assign, snapshot.KindLimits: directive.Words,
	snapshot.KindSystemd: directive.INI, snapshot.KindIptables: directive.Words,
	snapshot.KindSystemdPackaged: directive.INI,
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

// directivesDoc renders directives with their secrets as fingerprints
// (see DirectiveArgs). An httpd directive also lists every section around
// it ("blocks", outermost first); one Apache skips (a false <IfVersion>)
// is left out: the rules see what httpd applies. A section's text is
// rendered once (sectionTexts), however many directives it holds.
func (b *nodeBuilder) directivesDoc(ds []directive.Directive) []any {
	out := make([]any, 0, len(ds))
	texts := sectionTexts{keys: b.keys, shown: map[textID]string{}}
	for _, d := range ds {
		if d.Off {
			continue
		}
		doc := map[string]any{"line": d.Line, "name": DirectiveName(d.Name, b.keys), "args": toAny(DirectiveArgs(d, b.keys)), "block": texts.render(d.Block)}
		if len(d.Blocks) > 0 {
			blocks := make([]any, len(d.Blocks))
			for i, s := range d.Blocks {
				blocks[i] = texts.render(s)
			}
			doc["blocks"] = blocks
		}
		out = append(out, doc)
	}
	return out
}

// sectionTexts renders the section texts of one file's directives
// (DirectiveBlock), each string once: the directives of a section share
// its text (Block and the strings of Blocks are the parser's one string
// per section, also in files Nest places in sections), so a 1 MB file of
// directives in a section with a long tag costs one rendering of the tag,
// not one per directive (a 3 KB <VirtualHost> tag around 1 MB of
// directives allocated 2 GB, 110 KB never ended).
type sectionTexts struct {
	keys  *secret.Keyring
	shown map[textID]string
}

// textID is a string's identity: where its bytes are and how many. Two
// strings with the same are the same text (strings are immutable; the
// map holds the bytes alive, so the address is not reused).
type textID struct {
	data *byte
	n    int
}

func (t sectionTexts) render(s string) string {
	if s == "" {
		return s
	}
	id := textID{unsafe.StringData(s), len(s)}
	if r, ok := t.shown[id]; ok {
		return r
	}
	r := DirectiveBlock(s, t.keys)
	t.shown[id] = r
	return r
}

// DirectiveArgs renders a host-file directive's arguments with every secret
// replaced by its fingerprint label: all arguments of a secret-named
// setting (my.cnf password, rabbitmq default_pass, RABBITMQ_ERLANG_COOKIE),
// the credentials of haproxy "stats auth", whatever follows a secret name
// or header among the arguments (httpd SetEnv OS_PASSWORD x, RequestHeader
// set X-Auth-Token x, haproxy http-request set-header Authorization x,
// userlist password x), the value of NAME=VALUE words with a secret NAME
// (systemd Environment=), and URL credentials anywhere.
func DirectiveArgs(d directive.Directive, k *secret.Keyring) []string {
	out := make([]string, len(d.Args))
	n := strings.ToLower(strings.ReplaceAll(d.Name, "-", "_"))
	rest := secret.IsKey(n) || secret.IsSetting(d.Name)
	for j, a := range d.Args {
		if rest || n == "stats" && j == 1 && d.Args[0] == "auth" {
			out[j] = k.Label(a)
			continue
		}
		spans, tail := argSpans(a)
		out[j] = k.Render(a, mergeSpans(spans, credentialSpans(a, "")))
		rest = tail
	}
	return out
}

// argSpans finds the secret parts of one argument: the value of each
// NAME=VALUE word with a secret NAME, and everything after a word that
// is a secret name; tail reports the latter (the following arguments are
// secret too).
func argSpans(a string) (spans []secret.Span, tail bool) {
	for i := 0; i < len(a); {
		for i < len(a) && isSpace(a[i]) {
			i++
		}
		start := i
		for i < len(a) && !isSpace(a[i]) {
			i++
		}
		word := a[start:i]
		if word == "" {
			break
		}
		if name, val, ok := strings.Cut(word, "="); ok && val != "" && secret.IsSetting(name) {
			spans = append(spans, secret.Span{Start: start + len(name) + 1, End: i})
			continue
		}
		if !strings.Contains(word, "=") && secret.IsSetting(word) {
			for i < len(a) && isSpace(a[i]) {
				i++
			}
			if i < len(a) {
				spans = append(spans, secret.Span{Start: i, End: len(a)})
			}
			return spans, true
		}
	}
	return spans, false
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' }

// DirectiveName renders a directive's name: a name is one word, but a
// dialect may take a whole line for one ("password hunter2" in my.cnf
// without '='): what follows a secret first word becomes a label.
func DirectiveName(name string, k *secret.Keyring) string {
	first, rest, ok := strings.Cut(name, " ")
	if !ok {
		return name
	}
	return first + " " + strings.Join(DirectiveArgs(directive.Directive{Name: first, Args: []string{rest}}, k), " ")
}

// DirectiveBlock renders the block a directive sits in: the header line of
// a haproxy section or the arguments of an httpd tag, which may hold what
// a directive does ("stats auth admin:x" at column 0 opens a section,
// <If "%{HTTP:X-Auth-Token} == 'x'">).
func DirectiveBlock(block string, k *secret.Keyring) string {
	f := strings.Fields(block)
	if len(f) == 0 {
		return block
	}
	shown := append([]string{DirectiveName(f[0], k)}, DirectiveArgs(directive.Directive{Name: f[0], Args: f[1:]}, k)...)
	if slices.Equal(shown, f) {
		return block // as written, spacing included
	}
	return strings.Join(shown, " ")
}
