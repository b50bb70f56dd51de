package lint_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/inspect"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/internal/report"
	"github.com/stacklint/stacklint/rules"
)

// secretSpot is a place a secret is written: a file of a small two-node
// deployment and the text planted there, %[1]s standing for the secret.
type secretSpot struct{ path, text string }

var secretSpots = []secretSpot{
	{"controller/etc/nova/nova.conf", "[keystone_authtoken]\npassword = %[1]s\n"},
	{"controller/etc/nova/nova.conf", "[database]\nconnection = mysql+pymysql://nova:%[1]s@controller/nova\n"},
	{"controller/etc/nova/nova.conf", "[DEFAULT]\ntransport_url = rabbit://openstack:%[1]s@controller:5672/\n"},
	{"controller/etc/neutron/neutron.conf", "[DEFAULT]\ntransport_url = rabbit://openstack:%[1]s@c1:5672,openstack:%[1]s@c2:5672/\n"},
	{"controller/etc/nova/nova.conf", "[api_database]\nconnection = mysql+pymysql://nova@controller/nova_api?password=%[1]s\n"},
	{"compute1/etc/nova/nova.conf", "[neutron]\npassword = %[1]s\n[vnc]\nserver_listen = !_${neutron.password}_!\n"},
	{"controller/etc/keystone/keystone.conf", "[cache]\nbackend_argument = %[1]s\n"},
	{"controller/etc/glance/glance-api.conf", "[glance_store]\nswift_store_key = %[1]s\n"},
	{"compute1/etc/nova/nova.conf", "[key_manager]\ntoken = %[1]s\n"},
	{"controller/etc/neutron/metadata_agent.ini", "[DEFAULT]\nmetadata_proxy_shared_secret = %[1]s\n"},
	{"compute1/etc/neutron/neutron.conf", "[DEFAULT]\n\n   %[1]s\n"},
	{"compute1/etc/neutron/plugins/ml2/ml2_conf.ini", "[ml2]\npassword %[1]s\n"},
	{"compute1/etc/neutron/plugins/ml2/linuxbridge_agent.ini", "[vxlan]\n  token = %[1]s\n"},
	{"controller/root/admin-openrc", "export OS_USERNAME=admin\nexport OS_PASSWORD='%[1]s'\n"},
	{"controller/root/demo-openrc", "export ADMIN_PASS='%[1]s'\nexport OS_AUTH_URL=\"http://admin:${ADMIN_PASS}@controller:5000/v3\"\n"},
	{"compute1/root/admin-openrc", "export OS_AUTH_URL='http://admin:%[1]s@controller:5000/v3'\n"},
	{"controller/etc/my.cnf.d/openstack.cnf", "[client]\npassword = %[1]s\n"},
	{"controller/etc/rabbitmq/rabbitmq.conf", "default_pass = %[1]s\n"},
	{"controller/etc/rabbitmq/rabbitmq-env.conf", "RABBITMQ_ERLANG_COOKIE=%[1]s\n"},
	{"controller/etc/httpd/conf.d/keystone.conf", "Listen 5000\nSetEnv OS_PASSWORD %[1]s\nRequestHeader set X-Auth-Token %[1]s\n"},
	{"controller/etc/haproxy/haproxy.cfg", "listen stats\n  bind 10.0.0.11:1993\n  stats auth admin:%[1]s\n  http-request set-header Authorization \"Basic %[1]s\"\n"},
	{"controller/etc/systemd/system/nova-api.service", "[Service]\nEnvironment=OS_PASSWORD=%[1]s\n"},
	{"controller/etc/keystone/fernet-keys/0", "%[1]s\n"},
	{"compute1/etc/nova/nova.conf", "[glance]\napi_servers = http://u:%[1]s@g1:9292,https://v:%[1]s@g2/image\n"},
	{"compute1/etc/nova/nova.conf", "[cache]\nbackend_argument = url:%[1]s\nbackend_argument = pass:%[1]s\n"},
}

// plantable turns fuzz input into a secret: printable ASCII and UTF-8
// only (a line break would move the rest of the secret to a line of its
// own, where it is not a secret any more), between markers no output
// prints by chance.
func plantable(core string) (string, bool) {
	if len(core) == 0 || len(core) > 64 {
		return "", false
	}
	for _, r := range core {
		if r < 0x21 && r != ' ' || r == 0x7f || r == '\uFFFD' {
			return "", false
		}
	}
	return "Zq" + core + "9X", true
}

// FuzzPlantedSecrets plants a secret in up to three places of a small
// deployment and runs it through the model, every rule, every reporter,
// a baseline and inspect: no written form of the secret may appear.
func FuzzPlantedSecrets(f *testing.F) {
	for i, seed := range []string{"hunter2", "ab/c?d#e", "pa,ss", "p@ss:w/rd", "it's \"q\"", "%40%2F", "${x}", "Q!z", "\\x41", "パスワード"} {
		f.Add(seed, uint8(i), uint8(i*7), uint8(i*13))
	}
	for i, seed := range []string{"pa,ss", "p@ss:w/rd", "a,b@c,d", "hunter2"} { // list options of URLs, a multi-valued secret
		f.Add(seed, uint8(len(secretSpots)-1-i%2), uint8(len(secretSpots)-2), uint8(len(secretSpots)-1))
	}
	ctx := context.Background()
	eng, err := engine.New(ctx, rules.FS)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, core string, a, b, c uint8) {
		secret, ok := plantable(core)
		if !ok {
			t.Skip()
		}
		snap := t.TempDir()
		for _, i := range []uint8{a, b, c} {
			spot := secretSpots[int(i)%len(secretSpots)]
			p := filepath.Join(snap, filepath.FromSlash(spot.path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			old, _ := os.ReadFile(p)
			if err := os.WriteFile(p, append(old, fmt.Sprintf(spot.text, secret)...), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		for name, out := range outputsInProcess(t, ctx, eng, snap) {
			for _, form := range forms(secret) {
				if strings.Contains(out, form) {
					t.Fatalf("%s prints the planted secret %q as %q", name, secret, form)
				}
			}
		}
	})
}

// outputsInProcess renders one lint run in every format, as a baseline,
// and through inspect and inspect --effective, without compiling the rules
// again.
func outputsInProcess(t *testing.T, ctx context.Context, eng *engine.Engine, snap string) map[string]string {
	res, err := lint.Run(ctx, eng, snap, lint.Options{})
	if err != nil {
		t.Fatalf("lint: %v", err)
	}
	out := map[string]string{}
	for _, format := range report.Formats() {
		rep, err := report.New(format, report.Options{})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := rep.Report(&b, res); err != nil {
			t.Fatal(err)
		}
		out[format] = b.String()
	}
	var b bytes.Buffer
	if err := lint.WriteBaseline(&b, res); err != nil {
		t.Fatal(err)
	}
	out["baseline"] = b.String()
	b.Reset()
	if err := inspect.Write(&b, res.Deployment.Files, false); err != nil {
		t.Fatal(err)
	}
	out["inspect"] = b.String()
	eff, _, err := lint.EffectiveValues(ctx, snap, lint.Options{}, false)
	if err != nil {
		t.Fatalf("inspect --effective: %v", err)
	}
	out["inspect --effective"] = string(eff)
	for _, e := range res.RuleErrors {
		out["rule errors"] += e.Error()
	}
	return out
}
