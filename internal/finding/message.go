package finding

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Bounds of a finding message, in bytes of the message as printed.
const (
	// MaxWord is the longest run of non-space characters a message shows
	// whole: a longer one (a huge value quoted by a rule) is shortened to
	// its first WordHead bytes, "…" and its length, "(N bytes)".
	MaxWord = 120
	// WordHead is how much of a shortened run is kept.
	WordHead = 64
	// MaxMessage caps a whole message; what is cut is said at its end,
	// "… (cut from N bytes)".
	MaxMessage = 1000
)

// Sanitize makes a finding message safe and short for every output
// format: characters a terminal, an XML or a log viewer would act on are
// escaped (see Visible), runs of non-space characters longer than MaxWord
// bytes are shortened, and the whole message is capped at MaxMessage bytes.
// A fingerprint label ("fp:3fa1c2"), a character and an escape are never
// cut. It reads each byte once and keeps no copy of a long run, so a
// message quoting a 100 MB value costs one pass. Call it after secret
// redaction: a secret cut in half would not be recognised any more.
func Sanitize(msg string) string {
	if clean(msg) {
		return msg
	}
	s := sanitizer{}
	for i := 0; i < len(msg) && !s.full; {
		if s.long && msg[i] != ' ' { // only the rest of the run's length matters
			if j := runEnd(msg, i); j > i {
				s.runSize += j - i
				i = j
				continue
			}
		}
		a := nextAtom(msg, i)
		if a.space {
			s.endRun()
			s.put(a.text())
		} else {
			s.addToRun(a)
		}
		i += a.size
	}
	s.endRun()
	if s.full {
		return s.out.String()[:s.cutAt] + fmt.Sprintf("… (cut from %d bytes)", len(msg))
	}
	return s.out.String()
}

// clean reports whether Sanitize would return msg as it is: nothing to
// escape, no run longer than MaxWord, no more than MaxMessage bytes.
func clean(msg string) bool {
	if len(msg) > MaxMessage {
		return false
	}
	run := 0
	for i := 0; i < len(msg); {
		r, n := rune(msg[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(msg[i:])
		}
		switch {
		case r == utf8.RuneError && n == 1 || escaped(r):
			return false
		case r == ' ' || r >= utf8.RuneSelf && unicode.IsSpace(r):
			run = 0
		default:
			run += n
		}
		if run > MaxWord {
			return false
		}
		i += n
	}
	return true
}

// runEnd is the offset of the white space that ends the run going on at
// i, or len(s).
func runEnd(s string, i int) int {
	for i < len(s) {
		c := s[i]
		if c == ' ' {
			return i
		}
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) && !escaped(r) {
			return i
		}
		i += n
	}
	return i
}

// Visible escapes the characters no output format should print raw: C0
// controls and DEL as \t, \n, \r or \x1b, C1 controls, the bidirectional
// controls (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), the
// line and paragraph separators U+2028/U+2029 and the non-characters
// U+FFFE/U+FFFF as \u202e; invalid UTF-8 bytes become \xff. Everything else,
// backslashes included, is kept as it is. Reporters use it for paths,
// sections and keys, which come from the snapshot as written.
func Visible(s string) string {
	clean := true
	for i := 0; i < len(s) && clean; {
		r, n := utf8.DecodeRuneInString(s[i:])
		bad := r == utf8.RuneError && n == 1 || escaped(r)
		clean = !bad
		i += n
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		a := nextAtom(s, i)
		b.WriteString(a.text())
		i += a.size
	}
	return b.String()
}

// atom is the unit Sanitize never cuts: a character (escaped or not), an
// invalid byte, or a fingerprint label.
type atom struct {
	s     string // the input it was read from
	at    int    // its offset in s
	size  int    // its bytes in s
	esc   bool   // printed as an escape
	space bool   // white space printed as is: it ends a run
}

// text is the atom as printed.
func (a atom) text() string {
	if !a.esc {
		return a.s[a.at : a.at+a.size]
	}
	r, n := utf8.DecodeRuneInString(a.s[a.at:])
	if r == utf8.RuneError && n == 1 {
		return fmt.Sprintf(`\x%02x`, a.s[a.at])
	}
	return escape(r)
}

// printedLen is len(a.text()) without building it.
func (a atom) printedLen() int {
	if !a.esc {
		return a.size
	}
	r, n := utf8.DecodeRuneInString(a.s[a.at:])
	if r == '\t' || r == '\n' || r == '\r' {
		return 2
	}
	if r < 0x80 || r == utf8.RuneError && n == 1 {
		return 4
	}
	return 6
}

func nextAtom(s string, i int) atom {
	if c := s[i]; c < utf8.RuneSelf && c != 'f' {
		return atom{s: s, at: i, size: 1, esc: c < 0x20 || c == 0x7f, space: c == ' '}
	}
	if n := labelLen(s[i:]); n > 0 {
		return atom{s: s, at: i, size: n}
	}
	r, n := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && n == 1 || escaped(r) {
		return atom{s: s, at: i, size: n, esc: true}
	}
	return atom{s: s, at: i, size: n, space: unicode.IsSpace(r)}
}

// labelLen is the length of a fingerprint label ("fp:" and hex digits) at
// the start of s, 0 if there is none.
func labelLen(s string) int {
	if !strings.HasPrefix(s, "fp:") {
		return 0
	}
	n := 3
	for n < len(s) && (s[n] >= '0' && s[n] <= '9' || s[n] >= 'a' && s[n] <= 'f') {
		n++
	}
	if n == 3 {
		return 0
	}
	return n
}

func escaped(r rune) bool {
	switch {
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return true
	case r == 0x061c || r == 0x200e || r == 0x200f || r == 0x2028 || r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0xfffe || r == 0xffff
}

func escape(r rune) string {
	switch r {
	case '\t':
		return `\t`
	case '\n':
		return `\n`
	case '\r':
		return `\r`
	}
	if r < 0x80 {
		return fmt.Sprintf(`\x%02x`, r)
	}
	return fmt.Sprintf(`\u%04x`, r)
}

// sanitizer builds a message run by run: a run is printed whole when it
// ends within MaxWord bytes, else as its head and its length.
type sanitizer struct {
	out     strings.Builder
	run     strings.Builder // the run so far, up to MaxWord bytes
	head    int             // bytes of run that end an atom within WordHead
	runSize int             // input bytes of the run
	long    bool            // the run passed MaxWord: only runSize grows
	full    bool            // the message passed MaxMessage
	cutAt   int             // bytes of out that leave room for the cut note
}

func (s *sanitizer) addToRun(a atom) {
	s.runSize += a.size
	if s.long {
		return
	}
	if s.run.Len()+a.printedLen() > MaxWord {
		s.long = true
		return
	}
	s.run.WriteString(a.text())
	if s.run.Len() <= WordHead {
		s.head = s.run.Len()
	}
}

func (s *sanitizer) endRun() {
	if s.runSize == 0 {
		return
	}
	if s.long {
		s.put(s.run.String()[:s.head] + fmt.Sprintf("…(%d bytes)", s.runSize))
	} else {
		s.put(s.run.String())
	}
	s.run.Reset()
	s.head, s.runSize, s.long = 0, 0, false
}

// cutNote is the longest note that says a message was cut.
const cutNote = len("… (cut from 18446744073709551615 bytes)")

// put appends a piece; once the message passes MaxMessage it is full and
// will end at the last piece that leaves room for the cut note.
func (s *sanitizer) put(piece string) {
	n := s.out.Len() + len(piece)
	if n > MaxMessage {
		s.full = true
		return
	}
	s.out.WriteString(piece)
	if n <= MaxMessage-cutNote {
		s.cutAt = n
	}
}
