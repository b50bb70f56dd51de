package snapshot

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"unicode/utf8"
)

// containerConfig is a kolla config file as kolla's set_configs.py reads
// it (kolla/docker/base/set_configs.py): the command the container starts
// and the files it copies in.
type containerConfig struct {
	Command     string       `json:"command"`
	ConfigFiles []configFile `json:"config_files"`

	data  []byte
	fault *Fault
	err   error // not read or not decoded: no landings
}

// configFile is one config_files entry: source (in the container's view,
// /var/lib/kolla/config_files/...; a glob), dest (a path, or a folder
// when it ends in "/"), optional (a missing source is skipped). owner,
// perm, merge and preserve_properties change nothing stacklint reads.
type configFile struct {
	Source   string `json:"source"`
	Dest     string `json:"dest"`
	Optional bool   `json:"optional"`
}

// parseContainerConfig decodes a kolla config file; a file that is not
// one (not JSON, or fields of the wrong type) gets a fault with its line.
func parseContainerConfig(data []byte) *containerConfig {
	c := &containerConfig{data: data}
	if !utf8.Valid(data) {
		c.err = errors.New("not UTF-8")
		c.fault = &Fault{Line: 1, Column: 1, Msg: "not UTF-8 text"}
		return c
	}
	err := json.Unmarshal(data, c)
	if err == nil {
		return c
	}
	c.err = err
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		line, col := position(data, se.Offset)
		c.fault = &Fault{Line: line, Column: col, Msg: "not JSON: " + se.Error()}
	case errors.As(err, &te):
		line, col := position(data, te.Offset)
		c.fault = &Fault{Line: line, Column: col, Msg: fmt.Sprintf("%s is a JSON %s where kolla expects %s", fieldName(te), te.Value, jsonType(te.Type))}
	default:
		c.fault = &Fault{Line: 1, Column: 1, Msg: "not a kolla config file"}
	}
	return c
}

// jsonType names a Go type of containerConfig as JSON does.
func jsonType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice:
		return "a list"
	case reflect.Struct:
		return "an object"
	case reflect.Bool:
		return "true or false"
	}
	return "a string"
}

// fieldName names the field of a type error.
func fieldName(te *json.UnmarshalTypeError) string {
	if te.Field == "" {
		return "the document"
	}
	return quote(te.Field)
}

// position is the 1-based line and column of byte offset off (the byte
// after the error, as encoding/json counts) in data.
func position(data []byte, off int64) (line, col int) {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off > 0 {
		off-- // the offset is past the offending byte
	}
	before := data[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	col = utf8.RuneCount(before[bytes.LastIndexByte(before, '\n')+1:]) + 1
	return line, col
}

// lineOf is the position of the JSON string s in data (its first
// occurrence), or 1:1.
func lineOf(data []byte, s string) (line, col int) {
	enc, _ := json.Marshal(s)
	i := bytes.Index(data, enc)
	if i < 0 {
		return 1, 1
	}
	return position(data, int64(i)+1)
}
