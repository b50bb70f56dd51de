package secret

import (
	"strings"
	"testing"
)

func TestFingerprintStableAndKeyed(t *testing.T) {
	a, b := NewKeyring([]byte("snap-a")), NewKeyring([]byte("snap-b"))
	first, again := a.FP("hunter2"), a.FP("hunter2")
	if first != again || len(first) != 6 {
		t.Fatal("fingerprint not stable")
	}
	if a.FP("hunter2") == b.FP("hunter2") {
		t.Fatal("fingerprint does not depend on the snapshot")
	}
	if a.FP("") != "" || a.Label("") != "(empty)" {
		t.Fatal("empty value")
	}
}

func TestRedact(t *testing.T) {
	k := NewKeyring([]byte("x"))
	k.FP("Nt1p-neutron")
	k.FP("ab")
	k.FP("NEUTRON_PASS")
	got := k.Redact("pw Nt1p-neutron and ab in tab, placeholder NEUTRON_PASS")
	if strings.Contains(got, "Nt1p-neutron") || !strings.Contains(got, "tab") || strings.Contains(got, " ab ") ||
		!strings.Contains(got, "NEUTRON_PASS") {
		t.Fatalf("got %q", got)
	}
}

func TestIsKey(t *testing.T) {
	for _, k := range []string{"password", "admin_password", "metadata_proxy_shared_secret", "memcache_secret_key",
		"neutron_metadata_proxy_shared_secret", "rabbit_password", "admin_token", "fixed_key"} {
		if !IsKey(k) {
			t.Errorf("%s should be secret", k)
		}
	}
	for _, k := range []string{"username", "password_hash_algorithm", "password_hash_rounds", "rbd_secret_uuid",
		"memcache_security_strategy", "auth_url", "key_repository", "ssl_key_file", "send_service_user_token", "inject_password"} {
		if IsKey(k) {
			t.Errorf("%s should not be secret", k)
		}
	}
	if !IsEnv("OS_PASSWORD") || IsEnv("OS_USERNAME") {
		t.Error("IsEnv")
	}
}

func TestPlaceholders(t *testing.T) {
	for _, v := range []string{"NOVA_PASS", "NEUTRON_DBPASS", "RABBIT_PASS", "METADATA_SECRET", "%SERVICE_PASSWORD%", "CHANGEME",
		"INSTANCE_TUNNELS_INTERFACE_IP_ADDRESS", "PUBLIC_INTERFACE_NAME", "MANAGEMENT_INTERFACE_IP_ADDRESS", "SERVICE_TENANT_ID"} {
		if !Placeholder(v) {
			t.Errorf("%s should be a placeholder", v)
		}
	}
	for _, v := range []string{"Nt1p-neutron", "my-NOVA_PASS-2", "nova_pass", "PASS", "INTERFACE_NAME", "eth0_INTERFACE_NAME"} {
		if Placeholder(v) {
			t.Errorf("%s should not be a placeholder", v)
		}
	}
	got := Placeholders("mysql+pymysql://nova:fp:abcdef@controller/nova provider:PROVIDER_INTERFACE_NAME OVERLAY_INTERFACE_IP_ADDRESS PROVIDER_INTERFACE_NAME")
	if strings.Join(got, ",") != "OVERLAY_INTERFACE_IP_ADDRESS,PROVIDER_INTERFACE_NAME" {
		t.Errorf("got %v", got)
	}
}

// TestRedactAnyBytes: a short secret that is not valid UTF-8 is redacted
// where it stands alone and never panics (it once did, in a regexp).
func TestRedactAnyBytes(t *testing.T) {
	k := NewKeyring([]byte("x"))
	for _, s := range []string{"\xff", "\xfe\xff", "a\xc3", "(?", `\`} {
		k.FP(s)
	}
	got := k.Redact("x \xff y \xfe\xff z a\xc3 (? \\ end")
	for _, s := range []string{" \xff ", "\xfe\xff", "a\xc3", "(?", ` \ `} {
		if strings.Contains(got, s) {
			t.Errorf("%q left in %q", s, got)
		}
	}
}

// TestRedactWholeTokensOnly: a common-word secret is replaced where it
// stands as a value, not inside other words; long secrets anywhere.
func TestRedactWholeTokensOnly(t *testing.T) {
	k := NewKeyring([]byte("x"))
	k.FP("PASSWORD")
	k.FP("Zq9LongRandomSecretValue")
	got := k.Redact("OS_PASSWORD=PASSWORD '%SERVICE_PASSWORD%' (PASSWORD) xZq9LongRandomSecretValuex")
	want := "OS_PASSWORD=fp:" + k.FP("PASSWORD") + " '%SERVICE_PASSWORD%' (fp:" + k.FP("PASSWORD") + ") xfp:" + k.FP("Zq9LongRandomSecretValue") + "x"
	if got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestRedactWrittenForms: the quoted and percent-encoded forms of a
// secret are redacted too.
func TestRedactWrittenForms(t *testing.T) {
	k := NewKeyring([]byte("x"))
	k.FP("it's a/b")
	for _, form := range []string{`it\'s a/b`, "it%27s+a%2Fb", "it%27s%20a%2Fb"} {
		if got := k.Redact("v=" + form + ";"); strings.Contains(got, form) {
			t.Errorf("%q not redacted: %q", form, got)
		}
	}
}

func TestRenderSpans(t *testing.T) {
	k := NewKeyring([]byte("x"))
	got := k.Render("mysql://nova:p%40ss@db/nova", []Span{{Start: 13, End: 19, Value: "p@ss"}})
	if got != "mysql://nova:fp:"+k.FP("p@ss")+"@db/nova" {
		t.Errorf("got %q", got)
	}
	if k.Redact("p%40ss") == "p%40ss" {
		t.Error("the written form of a rendered span is not remembered")
	}
}

func TestNames(t *testing.T) {
	for _, n := range []string{"ADMIN_PASS", "OS_PASSWD", "RABBIT_PASS", "NOVA_DBPASS", "METADATA_SECRET", "RABBITMQ_ERLANG_COOKIE",
		"OS_TOKEN", "X-Auth-Token", "password", "MYSQL_ROOT_PASSWORD", "SECRET_KEY", "X-Api-Key", "clientSecret"} {
		if !IsName(n) {
			t.Errorf("IsName(%q) = false", n)
		}
	}
	for _, n := range []string{"PWD", "OLDPWD", "OS_PASSWORD_FILE", "OS_USERNAME", "OS_AUTH_URL", "BYPASS_PROXY", "OS_AUTH_TYPE", "TOKEN_TTL", "SSH_PUBLIC_KEY"} {
		if IsName(n) {
			t.Errorf("IsName(%q) = true", n)
		}
	}
	for _, n := range []string{"password", "default_pass", "RABBITMQ_ERLANG_COOKIE", "X-Auth-Token", "Authorization:", "insecure-password"} {
		if !IsSetting(n) {
			t.Errorf("IsSetting(%q) = false", n)
		}
	}
	for _, n := range []string{"ProxyPass", "WSGIPassAuthorization", "SSLCertificateKeyFile", "Listen", "keyfile"} {
		if IsSetting(n) {
			t.Errorf("IsSetting(%q) = true", n)
		}
	}
}

// TestForkJoin: forks joined in a fixed order leave the keyring with the
// labels one keyring given every call in that order holds, whatever order
// the forks made them in: "a b" and "a+b" share the written form "a+b"
// (percent-encoded), which keeps the label of the first.
func TestForkJoin(t *testing.T) {
	const a, b, text = "a b", "a+b", "user=a+b here"
	one := NewKeyring([]byte("snap"))
	one.FP(a)
	one.FP(b)
	want := one.Redact(text)
	if want != "user=fp:"+one.FP(a)+" here" {
		t.Fatalf("Redact = %q: the first secret's label should win", want)
	}
	joined := NewKeyring([]byte("snap"))
	fa, fb := joined.Fork(), joined.Fork()
	if fb.FP(b) != one.FP(b) || fa.FP(a) != one.FP(a) { // b made first, a second
		t.Fatal("a fork fingerprints otherwise")
	}
	joined.Join(fa)
	joined.Join(fb)
	if got := joined.Redact(text); got != want {
		t.Errorf("joined a then b: %q, want %q", got, want)
	}
	other := NewKeyring([]byte("snap"))
	other.Join(fb)
	other.Join(fa)
	if got := other.Redact(text); got == want {
		t.Errorf("joined b then a: %q, want b's label", got)
	}
}
