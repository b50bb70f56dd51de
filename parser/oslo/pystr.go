package oslo

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// pyIsSpace reports whether Python's str.isspace() is true for r. Python
// counts the information separators U+001C..U+001F as whitespace; Go does not.
func pyIsSpace(r rune) bool {
	return unicode.IsSpace(r) || (r >= 0x1c && r <= 0x1f)
}

func pyStrip(s string) string  { return strings.TrimFunc(s, pyIsSpace) }
func pyLstrip(s string) string { return strings.TrimLeftFunc(s, pyIsSpace) }
func pyRstrip(s string) string { return strings.TrimRightFunc(s, pyIsSpace) }

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// pyLower lower-cases like Python's str.lower(), which maps U+0130 to two
// code points where Go maps it to one.
func pyLower(s string) string {
	if !strings.ContainsRune(s, 'İ') {
		return strings.ToLower(s)
	}
	return strings.ToLower(strings.ReplaceAll(s, "İ", "i\u0307"))
}

// PyRepr renders s as Python's repr() of a str does, which is how
// oslo.config quotes the offending line in its parse errors.
func PyRepr(s string) string {
	quote := '\''
	if strings.ContainsRune(s, '\'') && !strings.ContainsRune(s, '"') {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range s {
		b.WriteString(pyEscape(r, quote))
	}
	b.WriteRune(quote)
	return b.String()
}

func pyEscape(r, quote rune) string {
	switch {
	case r == quote || r == '\\':
		return `\` + string(r)
	case r == '\t':
		return `\t`
	case r == '\n':
		return `\n`
	case r == '\r':
		return `\r`
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf(`\x%02x`, r)
	case r < 0x7f:
		return string(r)
	case unicode.IsPrint(r):
		return string(r)
	case r <= 0xff:
		return fmt.Sprintf(`\x%02x`, r)
	case r <= 0xffff:
		return fmt.Sprintf(`\u%04x`, r)
	}
	return fmt.Sprintf(`\U%08x`, r)
}
