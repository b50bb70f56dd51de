package snapshot

import (
	"bufio"
	"encoding/binary"
	"fmt"
)

// maxXZDict bounds the LZMA2 dictionary an xz archive may ask for: the
// decoder allocates it whole before the first byte (xz -9 uses 64 MiB; a
// hostile header may ask for 4 GiB).
const maxXZDict = 256 << 20

// xzDict is the dictionary size the first block of the xz stream buffered
// in br asks for (0 when the header cannot be read: the decoder then
// reports what is wrong). Standard encoders use one dictionary size for
// every block; a later block that asks for more is not checked here (the
// decompressed-size bound still holds).
func xzDict(br *bufio.Reader) int64 {
	const streamHeader = 12
	head, _ := br.Peek(streamHeader + 1)
	if len(head) < streamHeader+1 || head[streamHeader] == 0 {
		return 0
	}
	size := (int(head[streamHeader]) + 1) * 4
	blk, _ := br.Peek(streamHeader + size)
	if len(blk) < streamHeader+size {
		return 0
	}
	return lzma2Dict(blk[streamHeader : streamHeader+size-4])
}

// lzma2Dict reads a block header (without its CRC) for an LZMA2 filter's
// dictionary size (xz file format 1.0.4, 3.1 and 5.3.1).
func lzma2Dict(h []byte) int64 {
	if len(h) < 2 {
		return 0
	}
	flags := h[1]
	r := h[2:]
	skip := func() bool {
		_, n := binary.Uvarint(r)
		if n <= 0 {
			return false
		}
		r = r[n:]
		return true
	}
	for _, bit := range []byte{0x40, 0x80} { // compressed, uncompressed size
		if flags&bit != 0 && !skip() {
			return 0
		}
	}
	for range int(flags&3) + 1 {
		id, n := binary.Uvarint(r)
		if n <= 0 {
			return 0
		}
		r = r[n:]
		props, n := binary.Uvarint(r)
		if n <= 0 || uint64(len(r)-n) < props {
			return 0
		}
		r = r[n:]
		if id == 0x21 && props == 1 {
			return dictOfCode(r[0])
		}
		r = r[props:]
	}
	return 0
}

// dictOfCode is the dictionary size an LZMA2 property byte gives.
func dictOfCode(c byte) int64 {
	switch {
	case c > 40:
		return 0
	case c == 40:
		return 1<<32 - 1
	}
	return int64(2|c&1) << (c/2 + 11)
}

// checkXZDict fails on an xz stream whose dictionary exceeds maxXZDict.
func checkXZDict(br *bufio.Reader) *streamError {
	if d := xzDict(br); d > maxXZDict {
		return &streamError{ProblemTooLarge, fmt.Sprintf("asks for an xz dictionary of %d MiB, more than %d MiB (a decompression bomb?); archive not read", d>>20, maxXZDict>>20)}
	}
	return nil
}
