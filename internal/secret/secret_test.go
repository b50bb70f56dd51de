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
	for _, v := range []string{"NOVA_PASS", "NEUTRON_DBPASS", "RABBIT_PASS", "METADATA_SECRET", "%SERVICE_PASSWORD%", "CHANGEME"} {
		if !Placeholder(v) {
			t.Errorf("%s should be a placeholder", v)
		}
	}
	for _, v := range []string{"Nt1p-neutron", "my-NOVA_PASS-2", "nova_pass", "PASS"} {
		if Placeholder(v) {
			t.Errorf("%s should not be a placeholder", v)
		}
	}
	got := Placeholders("mysql+pymysql://nova:fp:abcdef@controller/nova provider:PROVIDER_INTERFACE_NAME OVERLAY_INTERFACE_IP_ADDRESS PROVIDER_INTERFACE_NAME")
	if strings.Join(got, ",") != "OVERLAY_INTERFACE_IP_ADDRESS,PROVIDER_INTERFACE_NAME" {
		t.Errorf("got %v", got)
	}
}
