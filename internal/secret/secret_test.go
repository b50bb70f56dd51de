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
	k.FP("NEUTRON_PASS")
	k.FP("ab")
	got := k.Redact("pw NEUTRON_PASS and ab in tab")
	if strings.Contains(got, "NEUTRON_PASS") || !strings.Contains(got, "tab") || strings.Contains(got, " ab ") {
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
		"memcache_security_strategy", "auth_url", "key_repository", "ssl_key_file"} {
		if IsKey(k) {
			t.Errorf("%s should not be secret", k)
		}
	}
	if !IsEnv("OS_PASSWORD") || IsEnv("OS_USERNAME") {
		t.Error("IsEnv")
	}
}
