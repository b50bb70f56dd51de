package lint

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/release"
)

// TestEffectiveValues: inspect --effective shows a process's files and
// every option's value in effect, written (file, line) or default
// (release), and never a planted secret: a password option, a URL
// password, a secret substituted into another option; --show-secrets
// shows them.
func TestEffectiveValues(t *testing.T) {
	root := t.TempDir()
	conf := "[DEFAULT]\nmy_ip = 10.0.0.31\ntransport_url = rabbit://openstack:Zq7-rabbit-Secret@ctl\n" +
		"[database]\nconnection = mysql+pymysql://nova:Zq7-db-Secret@ctl/nova\n" +
		"[neutron]\npassword = Zq7-neutron-Secret\nauth_url = http://ctl:5000/$password\n" +
		"[vnc]\nenabled = true\n"
	p := filepath.Join(root, "c1", "etc", "nova", "nova.conf")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	choice, _ := release.Select("2024.1", "", "")
	for _, show := range []bool{false, true} {
		out, _, err := EffectiveValues(context.Background(), root, Options{Release: choice}, show)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"Zq7-rabbit-Secret", "Zq7-db-Secret", "Zq7-neutron-Secret"} {
			if strings.Contains(string(out), s) != show {
				t.Errorf("show %v: %s printed %v", show, s, !show)
			}
		}
		if show {
			continue
		}
		var doc struct {
			Nodes map[string]struct {
				Processes map[string]struct {
					Files   []string
					Options map[string]map[string]map[string]any
				}
			}
		}
		if err := json.Unmarshal(out, &doc); err != nil {
			t.Fatal(err)
		}
		nc := doc.Nodes["c1"].Processes["nova-compute"]
		if len(nc.Files) != 1 || nc.Options["DEFAULT"]["my_ip"]["line"] != 2.0 {
			t.Errorf("nova-compute: files %v, my_ip %v", nc.Files, nc.Options["DEFAULT"]["my_ip"])
		}
		if d := nc.Options["vnc"]["server_proxyclient_address"]; d["value"] != "127.0.0.1" || d["default"] != "2024.1" {
			t.Errorf("unset server_proxyclient_address: %v, want the 2024.1 default 127.0.0.1", d)
		}
	}
}

// TestEffectiveValuesHostile: a URL password in state_path stays hidden in
// every default built on $state_path (instances_path), and options that
// refer to each other many times over (host = $my_ip$my_ip..., my_ip =
// $host$host...) resolve once each instead of exponentially (red team,
// issue 16: this ran past the 10-minute timeout).
func TestEffectiveValuesHostile(t *testing.T) {
	root := t.TempDir()
	conf := "[DEFAULT]\nstate_path = http://u:Zq7&Secret<@h/x\n" +
		"host = $my_ip$my_ip$my_ip$my_ip$my_ip$my_ip\nmy_ip = $host$host$host$host$host$host\n"
	p := filepath.Join(root, "c1", "etc", "nova", "nova.conf")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := EffectiveValues(context.Background(), root, Options{}, false)
	if err != nil {
		t.Fatal(err)
	}
	for _, form := range []string{"Zq7&Secret<", `Zq7\u0026Secret\u003c`, "Zq7"} {
		if strings.Contains(string(out), form) {
			t.Errorf("the state_path password is printed as %q", form)
		}
	}
	if len(out) > 4<<20 {
		t.Errorf("%d bytes of output: references expanded without bound", len(out))
	}
}

// TestEffectiveValuesLists: a ListOpt whose items are URLs with passwords
// is a JSON list of rendered items (each password a fingerprint), and a
// multi-valued secret ([cache] backend_argument, a MultiStrOpt flagged
// secret) one fingerprint per value, not one for the values joined.
func TestEffectiveValuesLists(t *testing.T) {
	root := t.TempDir()
	conf := "[glance]\napi_servers = http://u:Zq7-one-Secret@g1:9292,http://u:Zq7-two-Secret@g2:9292\n" +
		"[cache]\nbackend_argument = url:Zq7-arg-Secret\nbackend_argument = pass:Zq7-other-Secret\n"
	p := filepath.Join(root, "c1", "etc", "nova", "nova.conf")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	choice, _ := release.Select("2024.1", "", "")
	out, _, err := EffectiveValues(context.Background(), root, Options{Release: choice}, false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "Zq7") {
		t.Fatalf("a planted secret is printed:\n%s", out)
	}
	var doc struct {
		Nodes map[string]struct {
			Processes map[string]struct {
				Options map[string]map[string]map[string]any
			}
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	opts := doc.Nodes["c1"].Processes["nova-compute"].Options
	servers, _ := opts["glance"]["api_servers"]["value"].([]any)
	if len(servers) != 2 || !strings.HasPrefix(servers[0].(string), "http://u:fp:") || !strings.HasSuffix(servers[1].(string), "@g2:9292") {
		t.Errorf("[glance] api_servers = %#v, want two rendered URLs", opts["glance"]["api_servers"]["value"])
	}
	args, _ := opts["cache"]["backend_argument"]["value"].([]any)
	if len(args) != 2 || args[0] == args[1] || !strings.HasPrefix(args[0].(string), "fp:") {
		t.Errorf("[cache] backend_argument = %#v, want one fingerprint per value", opts["cache"]["backend_argument"]["value"])
	}
}
