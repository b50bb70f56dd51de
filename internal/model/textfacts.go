package model

import (
	"regexp"
	"strings"

	"github.com/stacklint/stacklint/parser/oslo"
)

var (
	// inlineComment: oslo.config has no inline comments, so " # text" after
	// a value is part of it.
	inlineComment = regexp.MustCompile(`\s[#;]`)
	// assignLike is a continuation line that reads like an option.
	assignLike = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_.\-]*\s*[=:]`)
)

// textFacts adds facts about how a value was written, computed on the raw
// text so that they hold for secrets too without showing them: an inline
// comment, and an indented continuation line that looks like an option
// (the line number of the first such line).
func textFacts(d map[string]any, v oslo.Value) {
	first, rest, multi := strings.Cut(v.Text, "\n")
	if inlineComment.MatchString(first) {
		d["inline_comment"] = true
	}
	if !multi {
		return
	}
	for i, line := range strings.Split(rest, "\n") {
		if assignLike.MatchString(line) {
			d["continuation_option"] = v.Line + 1 + i
			return
		}
	}
}
