package model

import (
	"bytes"
	"regexp"
	"strings"
)

// Ignore is a "# stacklint:ignore RULE reason" comment of an INI or rc
// file: it suppresses the findings of RULE on the next line that is not a
// comment (Target), or with ignore-file (written before the first setting)
// every finding of RULE in the file (Target 0).
type Ignore struct {
	Line   int    // the comment's line
	Target int    // the line it applies to; 0 for the whole file
	Rule   string // a rule id ("" when missing: an error)
	Reason string // required
	Err    string // what is wrong with the comment, if anything
}

// ruleIDRE is what a rule id looks like: words joined by dashes
// (SL-PASS-003, a custom rule's MYSITE-001; engine checks custom ids so).
var ruleIDRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]*(-[A-Za-z0-9_]+)+$`)

var ignoreRE = regexp.MustCompile(`^\s*[#;]\s*stacklint:(ignore-file|ignore)(?:\s+(\S*)\s*(.*))?$`)

// ignores finds the stacklint:ignore comments of a file.
func ignores(data []byte) []Ignore {
	if !bytes.Contains(data, []byte("stacklint:")) {
		return nil
	}
	lines := strings.Split(string(data), "\n")
	var out, pending []Ignore
	seenSetting := false
	for i, raw := range lines {
		line := strings.TrimSpace(raw)
		if m := ignoreRE.FindStringSubmatch(raw); m != nil {
			ig := parseIgnore(i+1, m, seenSetting)
			if m[1] == "ignore-file" {
				out = append(out, ig)
			} else {
				pending = append(pending, ig)
			}
			continue
		}
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		seenSetting = true
		for _, p := range pending {
			p.Target = i + 1
			out = append(out, p)
		}
		pending = nil
	}
	for _, p := range pending {
		if p.Err == "" {
			p.Err = "stacklint:ignore " + p.Rule + " is not followed by a setting"
		}
		out = append(out, p)
	}
	return out
}

// parseIgnore checks one comment: m is the match of ignoreRE (directive,
// rule id, reason).
func parseIgnore(line int, m []string, seenSetting bool) Ignore {
	ig := Ignore{Line: line, Rule: m[2], Reason: strings.TrimSpace(m[3])}
	switch {
	case !ruleIDRE.MatchString(ig.Rule): // a built-in id (SL-PASS-003) or a custom one (MYSITE-001)
		ig.Err = "stacklint:" + m[1] + " needs a rule id and a reason"
	case ig.Reason == "":
		ig.Err = "stacklint:" + m[1] + " " + ig.Rule + " has no reason (say why the finding is accepted)"
	case m[1] == "ignore-file" && seenSetting:
		ig.Err = "stacklint:ignore-file must come before the first section or setting"
	}
	return ig
}
