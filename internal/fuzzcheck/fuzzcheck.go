// Package fuzzcheck holds the properties several fuzz targets share: that
// a parse is deterministic, and how yaml.v3 reads a document's bytes. It is
// imported by tests only.
package fuzzcheck

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"reflect"
	"runtime"
	"testing"
	"unicode/utf16"
)

// Deterministic fails t when two parses of the same input differ in result
// or in error (compared with %#v, so the error's type and fields count).
func Deterministic(t testing.TB, v1, v2 any, err1, err2 error) {
	t.Helper()
	if !reflect.DeepEqual(v1, v2) || fmt.Sprintf("%#v", err1) != fmt.Sprintf("%#v", err2) {
		t.Fatalf("not deterministic: %v / %v", err1, err2)
	}
}

// YAMLText is data as yaml.v3 reads it: UTF-16 when it starts with a
// UTF-16 byte order mark (big or little endian, the mark dropped), else as
// is.
func YAMLText(data []byte) string {
	var order binary.ByteOrder
	switch {
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		order = binary.BigEndian
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		order = binary.LittleEndian
	default:
		return string(data)
	}
	units := make([]uint16, 0, len(data)/2)
	for i := 2; i+1 < len(data); i += 2 {
		units = append(units, order.Uint16(data[i:]))
	}
	return string(utf16.Decode(units))
}

// Allocated is how many bytes f allocates on the heap (after a GC): the
// bound tests use it to prove a reading linear in its input without
// timing anything.
func Allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}
