package schema

import (
	"reflect"
	"testing"
)

// TestDefaults: the committed Zed schema carries each option's default as
// the service reads it, host-dependent defaults as placeholders, and
// DefaultOf substitutes $references as oslo.config does.
func TestDefaults(t *testing.T) {
	zed, err := Load("zed")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		kind, group, key string
		want             Default
	}{
		{"nova.conf", "libvirt", "virt_type", Default{Known: true, Value: "kvm", Text: "kvm"}},
		{"nova.conf", "DEFAULT", "reserved_host_memory_mb", Default{Known: true, Value: 512.0, Text: "512"}},
		{"nova.conf", "DEFAULT", "allow_resize_to_same_host", Default{Known: true, Value: false, Text: "false"}},
		{"nova.conf", "DEFAULT", "cpu_allocation_ratio", Default{Known: true}}, // None
		{"nova.conf", "DEFAULT", "enabled_apis", Default{Known: true, Value: []any{"osapi_compute", "metadata"}, Text: "osapi_compute,metadata"}},
		{"nova.conf", "DEFAULT", "my_ip", Default{Known: true, Host: true, Text: "<host_ipv4>"}},
		{"nova.conf", "DEFAULT", "host", Default{Known: true, Host: true, Text: "<hostname>"}},
		{"nova.conf", "DEFAULT", "my_block_storage_ip", Default{Known: true, Host: true, Text: "<host_ipv4>"}},
		{"nova.conf", "DEFAULT", "instances_path", Default{Known: true, Host: true, Text: "<python_path>/instances"}},
		{"nova.conf", "privsep", "thread_pool_size", Default{Known: true, Host: true, Text: "<cpu_count>"}},
		{"l3_agent.ini", "DEFAULT", "ha_keepalived_state_change_server_threads", Default{Known: true, Host: true, Text: "<from_cpu_count>"}},
		{"keystone.conf", "TOKEN", "expiration", Default{Known: true, Value: 3600.0, Text: "3600"}},
		{"nova.conf", "DEFAULT", "no_such_option", Default{}},
	} {
		if got := zed.DefaultOf(c.kind, c.group, c.key, ""); !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s [%s] %s = %+v, want %+v", c.kind, c.group, c.key, got, c.want)
		}
	}
	if o := zed.Options("cinder.conf", "DEFAULT")["backup_workers"]; o == nil || o.Max != nil || o.HostMax != "<cpu_count>" || o.Min == nil || *o.Min != 1 {
		t.Errorf("cinder backup_workers: max must be host-dependent (the CPU count), min 1: %+v", o)
	}
	if o := zed.Options("nova.conf", "DEFAULT")["host"]; string(o.SampleDefault) != `"<current_hostname>"` {
		t.Errorf("host sample_default = %s", o.SampleDefault)
	}
}

// TestSubstitute: oslo.config's template syntax.
func TestSubstitute(t *testing.T) {
	vals := map[string]string{"a": "1", "g.b": "2", "c_d": "3"}
	lookup := func(n string) (string, bool) { v, ok := vals[n]; return v, ok }
	for in, want := range map[string]string{
		"$a/x":       "1/x",
		"${a}x":      "1x",
		"${g.b}":     "2",
		"$$a":        "$a",
		"$c_d.":      "$c_d.", // the name is "c_d." (dots belong to names): unknown, kept
		"$unknown":   "$unknown",
		"cost $ 5":   "cost $ 5",
		"${a":        "${a",
		"trailing $": "trailing $",
	} {
		if got := Substitute(in, lookup); got != want {
			t.Errorf("substitute(%q) = %q, want %q", in, got, want)
		}
	}
}
