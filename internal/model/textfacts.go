package model

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/stacklint/stacklint/parser/oslo"
)

var (
	// inlineComment: oslo.config has no inline comments, so " # text" after
	// a value is part of it; so is " // text", the C++-style comment
	// install guides write after values (a URL's "://" has no space before
	// it).
	inlineComment = regexp.MustCompile(`\s(#|;|//)`)
	// assignLike is a continuation line that reads like an option.
	assignLike = regexp.MustCompile(`^\s*[A-Za-z_][A-Za-z0-9_.\-]*\s*[=:]`)
)

// textFacts adds facts about how a value was written, computed on the raw
// text so that they hold for secrets too without showing them: an inline
// comment, and an indented continuation line that looks like an option
// (the line number of the first such line).
func textFacts(d map[string]any, v oslo.Value) {
	if c := lookAlike(v.Text); c != "" {
		d["look_alike"] = c
	}
	first, rest, multi := strings.Cut(v.Text, "\n")
	if m := inlineComment.FindStringSubmatch(first); m != nil {
		d["inline_comment"], d["comment_marker"] = true, m[1]
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

// lookAlikes names the characters copy-paste from web pages and word
// processors brings into config files in place of ASCII ones.
var lookAlikes = map[rune]string{
	'\u00a0': "no-break space", '\u202f': "narrow no-break space", '\u3000': "ideographic space",
	'\u200b': "zero-width space", '\ufeff': "byte-order mark", '\u2010': "hyphen", '\u2011': "non-breaking hyphen",
	'\u2012': "figure dash", '\u2013': "en dash", '\u2014': "em dash", '\u2015': "horizontal bar",
	'\u2018': "left single quote", '\u2019': "right single quote", '\u201c': "left double quote",
	'\u201d': "right double quote", '\u2032': "prime", '\u2033': "double prime",
}

// lookAlike describes the first look-alike character of a text
// ("U+00A0 no-break space"), or "".
func lookAlike(text string) string {
	for _, r := range text {
		if name, ok := lookAlikes[r]; ok {
			return fmt.Sprintf("U+%04X %s", r, name)
		}
		if r >= '\u2000' && r <= '\u200a' {
			return fmt.Sprintf("U+%04X space", r)
		}
	}
	return ""
}
