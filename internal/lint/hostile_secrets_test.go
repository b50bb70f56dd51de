package lint_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/report"
	"github.com/stacklint/stacklint/parser/oslo"
)

// leak is one kind of secret that reached some output once (issue 14,
// "Secrets printed"): a file planted in a node of its own, with %[1]s..
// standing for the planted secrets.
type leak struct {
	name    string
	path    string // node/etc/...
	text    string
	secrets []string
}

// leakKinds are the planted cases. Secrets are unlike any word stacklint
// prints; their shapes are what made each kind leak (a '/', '#', ','
// that a URL reading splits at, three bytes, an apostrophe).
func leakKinds() []leak {
	return []leak{
		// Parse errors quoted the offending line.
		{"continuation after a blank line", "p1/etc/nova/nova.conf",
			"[database]\nconnection = mysql+pymysql://nova:%s@db/nova\n\n   %s\n", []string{"Zq4PlantA", "Hx7PlantB"}},
		{"no '=' in an assignment", "p2/etc/nova/nova.conf", "[DEFAULT]\npassword %s\n", []string{"Hx7PlantC"}},
		{"continuation of a password", "p3/etc/nova/nova.conf",
			"[keystone_authtoken]\npassword =\n  %s\n[x\n", []string{"Hx7PlantD"}},
		{"indented token", "p4/etc/nova/nova.conf", "[key_manager]\n  token = %s\n", []string{"Hx7PlantE"}},
		{"indented backend_argument", "p5/etc/keystone/keystone.conf", "[cache]\n  backend_argument = password:%s\n", []string{"Hx7PlantF"}},
		{"Python-escaped quote", "p6/etc/nova/nova.conf", "[DEFAULT]\n  password = \"it's%s\"\n", []string{"Hx7'PlantG"}},
		// URL credentials that a naive URL reading does not find.
		{"SQLAlchemy password with / ? #", "u1/etc/nova/nova.conf",
			"[database]\nconnection = mysql+pymysql://nova:%s@db/nova\n", []string{"ab/c?d#ePlantH"}},
		{"password query parameter", "u2/etc/nova/nova.conf",
			"[api_database]\nconnection = mysql+pymysql://nova@db/nova_api?password=%s\n", []string{"PlantI9q"}},
		{"transport password with ','", "u3/etc/nova/nova.conf",
			"[DEFAULT]\ntransport_url = rabbit://openstack:%s@ctl:5672/\n", []string{"pa,ssPlantJ"}},
		{"transport password with '#'", "u4/etc/nova/nova.conf",
			"[oslo_messaging_notifications]\ntransport_url = rabbit://openstack:%s@ctl:5672/\n", []string{"pa#ssPlantK"}},
		{"URL scheme with '_'", "u5/etc/nova/nova.conf",
			"[coordination]\nbackend_url = my_driver://nova:%s@ctl:6379/\n", []string{"PlantL7w"}},
		// Options only the schema marks secret.
		{"swift_store_key", "s1/etc/glance/glance-api.conf", "[glance_store]\nswift_store_key = %s\n", []string{"PlantM3x"}},
		{"[cache] backend_argument", "s2/etc/keystone/keystone.conf", "[cache]\nbackend_argument = %s\n", []string{"PlantN5y"}},
		{"[key_manager] token", "s3/etc/nova/nova.conf", "[key_manager]\ntoken = %s\n", []string{"PlantO8z"}},
		// A short secret substituted into another option.
		{"substituted 3-byte secret", "v1/etc/nova/nova.conf",
			"[neutron]\npassword = %s\n[vnc]\nserver_listen = !_${neutron.password}_!\n", []string{"Q!z"}},
		// rc variables and host files.
		{"rc names", "r1/root/admin-openrc",
			"export ADMIN_PASS=%s\nexport OS_PASSWD=%s\nexport RABBIT_PASS=%s\nexport OS_AUTH_URL=http://admin:%s@ctl:5000/v3\n" +
				"export OS_PASSWORD=$ADMIN_PASS\nexport FOO=\"x${ADMIN_PASS}y\"\nexport OS_USERNAME=admin\n",
			[]string{"PlantP1a", "PlantQ2b", "PlantR3c", "PlantS4d"}},
		{"erlang cookie", "r2/etc/rabbitmq/rabbitmq-env.conf", "RABBITMQ_ERLANG_COOKIE=%s\n", []string{"PlantT5e"}},
		{"httpd SetEnv and RequestHeader", "h1/etc/httpd/conf.d/keystone.conf",
			"Listen 5000\nSetEnv OS_PASSWORD %s\nRequestHeader set X-Auth-Token %s\n", []string{"PlantU6f", "PlantV7g"}},
		{"haproxy Authorization header", "h2/etc/haproxy/haproxy.cfg",
			"frontend api\n  bind 10.0.0.9:5000\n  http-request set-header Authorization \"Basic %s\"\n", []string{"PlantW8h"}},
		// Found by the red team once the kinds above held.
		{"secret lines continuing another option", "t1/etc/nova/nova.conf",
			"[DEFAULT]\nmy_ip = 10.0.0.11\n  password = %s\n  admin_password = %s\n", []string{"PlantRt1a", "PlantRt1b"}},
		{"schema secrets in a wrong section", "t2/etc/keystone/keystone.conf",
			"[DEFAULT]\nbackend_argument = password:%s\nbackend_argument = password:%s\nhmac_keys = %s # c\n" +
				"[identity]\ninvalid_password_hash_secret_key = %s # c\n",
			[]string{"PlantRt2a", "PlantRt2b", "PlantRt2c", "PlantRt2d"}},
		{"secret option names in odd case", "t3/etc/nova/nova.conf", "[key_manager]\nToken = %s # c\nPasscode = %s # c\n",
			[]string{"PlantRt3a", "PlantRt3b"}},
		{"passwords shaped like placeholders", "t4/etc/nova/nova.conf",
			"[DEFAULT]\ntransport_url = rabbit://openstack:%s@ctl1/\n[neutron]\npassword = %s\n", []string{"%K7Q2ZX9P4M%", "X7Q2ZK9_DBPASS"}},
		{"httpd environment, Location query and If header", "t5/etc/httpd/conf.d/nova.conf",
			"SetEnv NOVA_DBPASS %s\nSetEnv MYSQL_PWD %s\n<Location \"/v3?password=%s\">\nRequire all granted\n</Location>\n" +
				"<If \"%%{HTTP:X-Auth-Token} == '%s'\">\nRequire all granted\n</If>\n",
			[]string{"PlantRt5a", "PlantRt5b", "PlantRt5c", "PlantRt5d"}},
		{"haproxy section header and X-Api-Key", "t6/etc/haproxy/haproxy.cfg",
			"stats auth admin:%s\nlisten api\n  bind 10.0.0.9:5000\n  http-request set-header X-Api-Key %s\n", []string{"PlantRt6a", "PlantRt6b"}},
		{"systemd environment", "t7/etc/systemd/system/nova-api.service",
			"[Service]\nEnvironment=PGPASSWORD=%s NOVA_DBPASS=%s API_KEY=%s\n", []string{"PlantRt7a", "PlantRt7b", "PlantRt7c"}},
		{"rabbitmq-env and my.cnf without '='", "t8/etc/rabbitmq/rabbitmq-env.conf", "NOVA_DBPASS=%s\n", []string{"PlantRt8a"}},
		{"my.cnf without '='", "t9/etc/my.cnf.d/client.cnf", "[client]\npassword %s\n", []string{"PlantRt9a"}},
		// Red team of the launch and httpd readings (issue 16).
		{"DAEMON_ARGS with a password-like path and flag", "l1/etc/default/nova-api",
			"DAEMON_ARGS=\"--config-file=/etc/nova/%s.conf --os-password %s --config-dir=/etc/nova/d\"\nOS_PASSWORD=%s\n",
			[]string{"PlantLa1", "PlantLa2", "PlantLa3"}},
		{"etc/default that does not parse", "l2/etc/default/neutron-server",
			"NEUTRON_PLUGIN_CONFIG=\"/etc/neutron/%s.ini\nDAEMON_ARGS='--password=%s\n", []string{"PlantLb1", "PlantLb2"}},
		{"systemd drop-in Environment and ExecStart", "l3/etc/systemd/system/nova-api.service.d/override.conf",
			"[Service]\nEnvironment=\"OS_PASSWORD=%s\" 'DB_PASS=%s'\nExecStart=\nExecStart=/usr/bin/nova-api --config-file /etc/nova/nova.conf --password %s\n",
			[]string{"PlantLc1", "PlantLc2", "PlantLc3"}},
		{"packaged unit ExecStart", "l4/usr/lib/systemd/system/neutron-server.service",
			"[Service]\nExecStart=/usr/bin/neutron-server --config-file /etc/neutron/neutron.conf --db-password=%s\nEnvironment=ADMIN_TOKEN=%s\n",
			[]string{"PlantLd1", "PlantLd2"}},
		{"httpd SetEnv and RequestHeader in nested IfModule", "l5/etc/httpd/conf.d/keystone.conf",
			"<VirtualHost *:5000>\n<IfModule mod_env.c>\n  <IfModule mod_headers.c>\n    SetEnv OS_PASSWORD %s\n" +
				"    RequestHeader set X-Auth-Token %s\n  </IfModule>\n</IfModule>\n</VirtualHost>\n", []string{"PlantLe1", "PlantLe2"}},
		{"httpd quoted arguments", "l6/etc/httpd/conf.d/nova.conf",
			"SetEnv \"OS_PASSWORD\" \"%s two\"\nRequestHeader set \"X-Auth-Token\" '%s'\nRequestHeader set Authorization \"Basic %s\"\n" +
				"SetEnv 'OS_PASSWORD %s'\n", []string{"PlantLf1", "PlantLf2", "PlantLf3", "PlantLf4"}},
		{"httpd continued lines", "l7/etc/httpd/conf.d/placement.conf",
			"SetEnv OS_PASSWORD \\\n   %s\nSetEnv \\\n OS_PASSWORD %s\nRequestHeader \\\n set \\\n X-Auth-Token \\\n %s\n" +
				"<If \"%%{HTTP:X-Auth-Token} \\\n == '%s'\">\nRequire all granted\n</If>\nSetEnv OS_PASSWORD %s\\\n", []string{"PlantLg1", "PlantLg2", "PlantLg3", "PlantLg4", "PlantLg5"}},
		{"URL list in a list option", "l8/etc/nova/nova.conf",
			"[glance]\napi_servers = http://glance:%s@ctl:9292,https://glance:%s@ctl2:9292\n" +
				"[keystone_authtoken]\nmemcached_servers = ctl:11211\nmemcache_secret_key = %s\n" +
				"[DEFAULT]\ntransport_url = rabbit://a:%s@c1:5672,b:%s@c2:5672/\n",
			[]string{"PlantLh1", "PlantLh2", "PlantLh3", "PlantLh4", "PlantLh5"}},
	}
}

// plantLeaks writes every kind into a fresh snapshot and returns it with
// the secrets planted.
func plantLeaks(t *testing.T) (string, []string) {
	dst := filepath.Join(t.TempDir(), "snapshot")
	var planted []string
	for _, k := range leakKinds() {
		args := make([]any, len(k.secrets))
		for i, s := range k.secrets {
			args[i] = s
		}
		p := filepath.Join(dst, filepath.FromSlash(k.path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, fmt.Sprintf(k.text, args...))
		planted = append(planted, k.secrets...)
	}
	return dst, planted
}

// forms are the ways a secret can be written in an output: as itself,
// percent-encoded, base64, and quoted (Python repr, JSON, Go).
func forms(s string) []string {
	out := []string{s, url.QueryEscape(s), url.PathEscape(s), base64.StdEncoding.EncodeToString([]byte(s)),
		base64.RawURLEncoding.EncodeToString([]byte(s))}
	if r := oslo.PyRepr(s); len(r) > 2 {
		out = append(out, r[1:len(r)-1])
	}
	j, _ := json.Marshal(s)
	out = append(out, string(j[1:len(j)-1]), strconv.Quote(s)[1:len(strconv.Quote(s))-1])
	return out
}

// allOutputs runs every output stacklint has over snap: the five formats,
// a baseline file, inspect of the snapshot and of single files.
func allOutputs(t *testing.T, snap string) map[string]string {
	outputs := map[string]string{}
	for _, f := range report.Formats() {
		outputs[f] = run("--format", f, "--verbose", snap)
	}
	base := filepath.Join(t.TempDir(), "baseline.json")
	outputs["write-baseline"] = run("--write-baseline", base, snap)
	b, err := os.ReadFile(base)
	if err != nil {
		t.Fatalf("no baseline written: %v\n%s", err, outputs["write-baseline"])
	}
	outputs["baseline file"] = string(b)
	outputs["inspect"] = run("inspect", "--format", "json", snap)
	outputs["inspect --effective"] = run("inspect", "--effective", snap)
	err = filepath.WalkDir(snap, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			outputs["inspect "+p] = run("inspect", "--format", "json", p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return outputs
}

// TestPlantedSecretsEveryKind: no kind of secret of issue 14 reaches any
// output, in any written form.
func TestPlantedSecretsEveryKind(t *testing.T) {
	snap, planted := plantLeaks(t)
	// A Ceph keyring given to inspect: indented (a parse error) and not.
	writeFile(t, filepath.Join(snap, "ceph.client.admin.keyring"), "[client.admin]\n\tkey = AQPlantX9iKeyring==\n")
	writeFile(t, filepath.Join(snap, "ceph.client.nova.keyring"), "[client.nova]\nkey = AQPlantY0jKeyring==\n")
	planted = append(planted, "AQPlantX9iKeyring==", "AQPlantY0jKeyring==")
	outputs := allOutputs(t, snap)
	for name, out := range outputs {
		for _, s := range planted {
			for _, f := range forms(s) {
				if strings.Contains(out, f) {
					t.Errorf("%s prints planted secret %q as %q", name, s, f)
				}
			}
		}
	}
	// Positive control: the rules saw the files.
	js := outputs["json"]
	for _, want := range []string{"SL-PARSE-001", "u1/etc/nova/nova.conf"} {
		if !strings.Contains(js, want) {
			t.Errorf("json output lacks %s:\n%s", want, js)
		}
	}
}

// TestURLMisreadRaisesNothing: a SQLAlchemy password holding '/', '?' and
// '#' is read as SQLAlchemy reads it: host db, database nova, so SL-DB-001
// (no database name) stays silent.
func TestURLMisreadRaisesNothing(t *testing.T) {
	for _, pw := range []string{"ab/c?d#e", "ab?cd", "ab#cd", "a/b?c"} {
		snap := filepath.Join(t.TempDir(), "snap")
		p := filepath.Join(snap, "etc/nova/nova.conf")
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, p, "[database]\nconnection = mysql+pymysql://nova:"+pw+"@db/nova\n")
		doc, _ := lintJSON(t, snap)
		for _, f := range doc.Findings {
			if f.Rule == "SL-DB-001" {
				t.Errorf("password %q: false SL-DB-001: %s", pw, f.Message)
			}
		}
	}
}

// TestCommonWordSecretLeavesWordsAlone: a password that is a common word
// is redacted where it stands as a value, never inside other words
// (OS_PASSWORD, %SERVICE_PASSWORD%).
func TestCommonWordSecretLeavesWordsAlone(t *testing.T) {
	snap := filepath.Join(t.TempDir(), "snap")
	for p, text := range map[string]string{
		"ctl/etc/nova/nova.conf":           "[neutron]\npassword = PASSWORD\n[placement]\npassword = %SERVICE_PASSWORD%\n",
		"ctl/etc/neutron/neutron.conf":     "[keystone_authtoken]\npassword = PASSWORD\n",
		"ctl/root/admin-openrc":            "export OS_USERNAME=admin\nexport OS_PASSWORD=PASSWORD\nexport OS_AUTH_URL=http://ctl:5000/v3\n",
		"ctl/etc/keystone/keystone.conf":   "[DEFAULT]\nadmin_token = %SERVICE_TOKEN%\n",
		"cmp/etc/nova/nova.conf":           "[neutron]\npassword = PASSWORD\n",
		"cmp/root/demo-openrc":             "export OS_USERNAME=demo\nexport OS_AUTH_URL=http://ctl:5000/v3\n",
		"cmp/etc/neutron/neutron.conf":     "[DEFAULT]\ntransport_url = rabbit://openstack:PASSWORD@ctl\n",
		"ctl/etc/glance/glance-api.conf":   "[keystone_authtoken]\npassword = PASSWORD\n",
		"ctl/etc/placement/placement.conf": "[keystone_authtoken]\npassword = PASSWORD\n",
	} {
		full := filepath.Join(snap, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		writeFile(t, full, text)
	}
	out := run("--format", "text", "--verbose", snap) + run("--format", "json", snap)
	for _, bad := range []string{"OS_fp:", "SERVICE_fp:", "_fp:"} {
		if strings.Contains(out, bad) {
			t.Errorf("a common-word secret mangled a word (%s):\n%s", bad, out)
		}
	}
	if !strings.Contains(out, "%SERVICE_PASSWORD%") {
		t.Errorf("the placeholder is not named:\n%s", out)
	}
}

// TestTemplateWordSecret: a password that is a word of a message template
// ("differs") is not revealed by its label standing in for that word.
func TestTemplateWordSecret(t *testing.T) {
	snap := filepath.Join(t.TempDir(), "snap")
	copyTree(t, filepath.Join(testdata, "deployments", "modern-linuxbridge"), snap)
	p := filepath.Join(snap, "compute1/etc/nova/nova.conf")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(b), "password = Nt1p-neutron-svc", "password = differs", 1)
	writeFile(t, p, s)
	out := run("--format", "text", snap)
	if !strings.Contains(out, ") differs from") {
		t.Errorf("the template word was replaced:\n%s", out)
	}
}
