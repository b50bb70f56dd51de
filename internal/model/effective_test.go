package model

import (
	"reflect"
	"testing"

	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/parser/oslo"
)

// TestEffectiveOf: the later file wins; an unset option has its release's
// default, whose $references take the values written (instances_path
// follows a written state_path); a multi-valued option collects every
// file's values. The corpus differential tests (internal/oracle,
// TestEffectiveMatchesOsloConfig, TestLayeredEffectiveMatchesOsloConfig)
// compare every option with oslo.config.
func TestEffectiveOf(t *testing.T) {
	sch, err := schema.Load("zed")
	if err != nil {
		t.Fatal(err)
	}
	parse := func(text string) *oslo.File {
		f, err := oslo.Parse([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		return f
	}
	files := []*oslo.File{
		parse("[DEFAULT]\ndebug = true\nstate_path = /srv/nova\n[filter_scheduler]\nenabled_filters = A,B,\n"),
		parse("[DEFAULT]\ndebug = false\n"),
	}
	for _, c := range []struct {
		group, dest string
		want        any
		written     bool
	}{
		{"DEFAULT", "debug", false, true},
		{"DEFAULT", "instances_path", "/srv/nova/instances", false},
		{"vnc", "server_proxyclient_address", "127.0.0.1", false},
		{"filter_scheduler", "enabled_filters", []any{"A", "B"}, true},
	} {
		e, ok := EffectiveOf(sch, "nova.conf", files, c.group, c.dest)
		if !ok || e.Written != c.written || !reflect.DeepEqual(e.Value, c.want) {
			t.Errorf("[%s] %s: %+v, want %v (written %v)", c.group, c.dest, e, c.want, c.written)
		}
	}
	if e, _ := EffectiveOf(sch, "nova.conf", files, "DEFAULT", "debug"); e.File != 1 || e.Line != 2 {
		t.Errorf("debug comes from file %d line %d, want the second file's line 2", e.File, e.Line)
	}
	if e, _ := EffectiveOf(sch, "nova.conf", files, "DEFAULT", "my_ip"); !e.Host {
		t.Errorf("my_ip: %+v, want a host-dependent default", e)
	}
}
