package oslo

import (
	"bytes"
	"fmt"
)

// pyChunk is the size of the byte chunks Python's TextIOWrapper hands to
// its incremental UTF-8 decoder; decode error positions are relative to them.
const pyChunk = 8192

// decodeUTF8 checks data as Python's strict UTF-8 decoder does while
// oslo.config reads the file, and words a failure as Python's
// UnicodeDecodeError does.
func decodeUTF8(data []byte) (string, error) {
	carry := 0 // bytes of an incomplete sequence carried into the next chunk
	for off := 0; off < len(data); off += pyChunk {
		end := min(off+pyChunk, len(data))
		final := end == len(data)
		base := off - carry
		n, err := checkUTF8(data[base:end], final)
		if err != nil {
			err.Line = 1 + bytes.Count(data[:base+err.start], []byte("\n"))
			return "", err.toParseError()
		}
		carry = end - base - n
	}
	return string(data), nil
}

type decodeErr struct {
	start, end int // relative to the chunk
	b          byte
	reason     string
	Line       int
}

func (e *decodeErr) toParseError() *ParseError {
	var msg string
	if e.end-e.start == 1 {
		msg = fmt.Sprintf("'utf-8' codec can't decode byte 0x%02x in position %d: %s", e.b, e.start, e.reason)
	} else {
		msg = fmt.Sprintf("'utf-8' codec can't decode bytes in position %d-%d: %s", e.start, e.end-1, e.reason)
	}
	return &ParseError{Line: e.Line, Msg: msg, Decode: true}
}

// checkUTF8 validates buf and returns how many bytes were consumed; an
// incomplete sequence at the end of a non-final chunk is left unconsumed.
func checkUTF8(buf []byte, final bool) (int, *decodeErr) {
	i := 0
	for i < len(buf) {
		c := buf[i]
		if c < 0x80 {
			i++
			continue
		}
		need, lo, hi := seqShape(c)
		if need == 0 {
			return i, &decodeErr{start: i, end: i + 1, b: c, reason: "invalid start byte"}
		}
		for k := 1; k <= need; k++ {
			if i+k >= len(buf) {
				if !final {
					return i, nil
				}
				return i, &decodeErr{start: i, end: len(buf), b: c, reason: "unexpected end of data"}
			}
			cb := buf[i+k]
			okLo, okHi := byte(0x80), byte(0xbf)
			if k == 1 {
				okLo, okHi = lo, hi
			}
			if cb < okLo || cb > okHi {
				return i, &decodeErr{start: i, end: i + k, b: c, reason: "invalid continuation byte"}
			}
		}
		i += need + 1
	}
	return i, nil
}

// seqShape returns how many continuation bytes follow the lead byte c and
// the allowed range of the first of them (0 when c cannot start a sequence).
func seqShape(c byte) (need int, lo, hi byte) {
	switch {
	case c >= 0xc2 && c <= 0xdf:
		return 1, 0x80, 0xbf
	case c == 0xe0:
		return 2, 0xa0, 0xbf
	case c == 0xed:
		return 2, 0x80, 0x9f
	case c >= 0xe1 && c <= 0xef:
		return 2, 0x80, 0xbf
	case c == 0xf0:
		return 3, 0x90, 0xbf
	case c == 0xf4:
		return 3, 0x80, 0x8f
	case c >= 0xf1 && c <= 0xf3:
		return 3, 0x80, 0xbf
	}
	return 0, 0, 0
}
