package report

import (
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"html/template"
	"io"

	"github.com/stacklint/stacklint/internal/result"
)

// htmlAssets are the page's template, style sheet and filter script,
// inlined into every page: the page fetches nothing.
//
//go:embed html/page.tmpl html/style.css html/filter.js
var htmlAssets embed.FS

// HTML writes one self-contained page (html/template): a fleet overview
// (nodes grouped by role against rule categories, each cell coloured by
// the worst severity, with counts) and every finding with its source
// excerpt and related locations, filterable by severity, rule and node by
// an inline script (everything shows without it). Excerpts are the parsed
// files written back with secrets as fingerprints (excerpt.go); all text
// from the snapshot is escaped by html/template after finding.Visible. A
// Content-Security-Policy allows only the page's own style and script (by
// hash): no fetch, no other script. Like every format, the page has no
// timestamp: it depends only on the result and Version.
type HTML struct {
	Version string
}

// Report implements Reporter.
func (h HTML) Report(w io.Writer, r *result.Result) error {
	tmpl, err := template.New("page.tmpl").Funcs(template.FuncMap{"segments": segments}).ParseFS(htmlAssets, "html/page.tmpl")
	if err != nil {
		return err
	}
	style, err := htmlAssets.ReadFile("html/style.css")
	if err != nil {
		return err
	}
	script, err := htmlAssets.ReadFile("html/filter.js")
	if err != nil {
		return err
	}
	p := buildPage(r)
	p.Version = h.Version
	return tmpl.Execute(w, struct {
		*page
		Style  template.CSS
		Script template.JS
		CSP    string
	}{p, template.CSS(style), template.JS(script), csp(style, script)}) // #nosec: constant assets of this package
}

// csp is the page's Content-Security-Policy: nothing may load, and only
// the page's own style sheet and script (by their SHA-256) may apply.
func csp(style, script []byte) string {
	return "default-src 'none'; style-src '" + hash(style) + "'; script-src '" + hash(script) + "'; " +
		"base-uri 'none'; form-action 'none'"
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return "sha256-" + base64.StdEncoding.EncodeToString(sum[:])
}

// segment is a part of an excerpt line: text, or a secret's fingerprint
// label (shown apart, so that a reader sees where a value was hidden).
type segment struct {
	Text string
	FP   bool
}

// segments splits text at fingerprint labels ("fp:" and 6 hex digits).
func segments(s string) []segment {
	var out []segment
	at := 0
	for i := 0; i+9 <= len(s); i++ {
		if s[i:i+3] != "fp:" || !isLabel(s[i+3:i+9]) || i+9 < len(s) && isHexOrWord(s[i+9]) {
			continue
		}
		if i > at {
			out = append(out, segment{Text: s[at:i]})
		}
		out = append(out, segment{Text: s[i : i+9], FP: true})
		at = i + 9
		i += 8
	}
	if at < len(s) {
		out = append(out, segment{Text: s[at:]})
	}
	return out
}

func isLabel(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) && (s[i] < 'a' || s[i] > 'f') {
			return false
		}
	}
	return true
}

func isHexOrWord(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
}
