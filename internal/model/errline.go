package model

import (
	"regexp"
	"strings"

	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/parser/oslo"
)

// oslo.config quotes the offending line in its parse errors ("Unexpected
// continuation line: '   hunter2'"). That line may be a password's
// continuation, a "password hunter2" without '=', an indented token: any
// secret, in any quoting. stacklint never quotes it: the message keeps
// oslo.config's reason and says what kind of line it is; the file and line
// number locate it.

// parseHints explain each of oslo.config's reasons (oslo_config/iniparser.py).
var parseHints = map[string]string{
	"Unexpected continuation line":      "a line starting with a space or tab where no value is open to continue (right after a section header, a blank line or a comment)",
	"Invalid section (must end with ])": "a line starting with '[' that does not end with ']'",
	"Empty section name":                "a section header '[]'",
	"No ':' or '=' found in assignment": "a line that is neither a section header, an option nor a comment",
	"Key cannot be empty":               "a line starting with ':' or '=': an option without a name",
}

// plainHeader is a section header safe to quote: a name, no value.
var plainHeader = regexp.MustCompile(`^\[[A-Za-z0-9_.\-]{0,64}$`)

// safeParseMessage is oslo.config's parse error without the quoted line.
func safeParseMessage(pe *oslo.ParseError) string {
	if pe.Decode || pe.Text == "" {
		return pe.Msg
	}
	reason := strings.TrimSuffix(pe.Msg, ": "+oslo.PyRepr(pe.Text))
	if reason == pe.Msg {
		reason, _, _ = strings.Cut(pe.Msg, ": ")
	}
	if reason == "Invalid section (must end with ])" && plainHeader.MatchString(pe.Text) || plainAssignment(pe.Text) {
		return reason + ": " + oslo.PyRepr(pe.Text)
	}
	if hint, ok := parseHints[reason]; ok {
		return reason + ": " + hint + "; the line is not quoted (it may hold a secret)"
	}
	return reason + " (the line is not quoted: it may hold a secret)"
}

// plainAssignment reports whether a line is "option = value" (or ':') for
// an option that no release flags secret in any group, with a short value
// holding no URL: the common indented-option mistake, safe to quote.
func plainAssignment(line string) bool {
	i := strings.IndexAny(line, ":=")
	if i < 0 || len(line) > 200 {
		return false
	}
	key := strings.TrimSpace(line[:i])
	value := line[i+1:]
	return optionName.MatchString(key) && !secret.IsKey(key) && !secret.IsName(key) && schema.PlainOption(key) &&
		!strings.ContainsAny(value, "@") && !strings.Contains(value, "://")
}

var optionName = regexp.MustCompile(`^[A-Za-z0-9_.\-]{1,64}$`)

// quoted finds text that a third-party parser's message quotes.
var quoted = regexp.MustCompile("`[^`]*`|'[^']*'|\"[^\"]*\"")

// safeMessage removes what a third-party parser's error message quotes from
// the input (YAML and shell parsers quote tokens and values), keeping
// quoted single characters and punctuation, which name syntax ("`}`").
func safeMessage(msg string) string {
	return quoted.ReplaceAllStringFunc(msg, func(q string) string {
		body := q[1 : len(q)-1]
		if len(body) <= 2 || strings.Trim(body, "{}[]()<>&|;:,'\"`!$#*=-+.") == "" {
			return q
		}
		return q[:1] + "…" + q[len(q)-1:]
	})
}
