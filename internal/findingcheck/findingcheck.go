// Package findingcheck holds the checks every finding message must pass in
// the scenario and corpus tests: no sprintf mistake, and no comparison of
// equal values ("reaches http://controller:5000, but 5 of 7 references
// reach http://controller:5000"), which an operator cannot act on.
package findingcheck

import (
	"regexp"
	"strings"
)

// Problem describes what is wrong with a finding message, or "" when
// nothing is: a sprintf mistake ("%!"), or the first value compared on
// each side of ", but " or " differs from " being the same (URLs,
// 'quoted' values and fp: fingerprints are the values).
func Problem(msg string) string {
	if strings.Contains(msg, "%!") {
		return "a sprintf mistake"
	}
	for _, sep := range []string{", but ", " differs from "} {
		left, right, ok := strings.Cut(msg, sep)
		if !ok {
			continue
		}
		a, b := lastValue(left), firstValue(right)
		if a != "" && a == b {
			return "compares equal values: " + a + " on both sides of '" + strings.TrimSpace(sep) + "'"
		}
	}
	return ""
}

// value matches the values messages compare: URLs, 'quoted' text and
// secret fingerprints.
var value = regexp.MustCompile(`[a-z][a-z0-9+.-]*://[^\s,;()]+|'[^']*'|fp:[0-9a-f]{6}`)

// firstValue is the first value of the right side ("" when it names
// none); lastValue the last of the left side, the one compared just
// before the separator.
func firstValue(side string) string {
	return strings.TrimRight(value.FindString(side), ".:")
}

func lastValue(side string) string {
	all := value.FindAllString(side, -1)
	if len(all) == 0 {
		return ""
	}
	return strings.TrimRight(all[len(all)-1], ".:")
}
