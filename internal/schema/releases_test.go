package schema

import (
	"testing"

	"github.com/stacklint/stacklint/internal/release"
)

// TestEveryRelease: every embedded release, whichever method made it
// (docs/schema.md), carries every file kind, the policy defaults of the six
// services, option defaults with host-dependent ones as placeholders, and
// the versions of the code it was generated from.
func TestEveryRelease(t *testing.T) {
	kinds := []string{"nova.conf", "neutron.conf", "ml2_conf.ini", "keystone.conf",
		"glance-api.conf", "placement.conf", "cinder.conf", "l3_agent.ini", "dhcp_agent.ini"}
	for _, r := range release.All {
		s, err := Load(r.Name)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range kinds {
			if !s.Has(k) || len(s.Kinds[k].Groups) == 0 {
				t.Errorf("%s: no options for %s", r.Name, k)
			}
		}
		for _, svc := range []string{"nova", "neutron", "keystone", "glance", "placement", "cinder"} {
			if svc == "glance" && r.Series < "2020.1" {
				continue // glance's defaults were its stock policy.json until Train (internal/schema/stock)
			}
			if len(s.Policies[svc]) < 30 {
				t.Errorf("%s: %d policy defaults for %s", r.Name, len(s.Policies[svc]), svc)
			}
		}
		if d := s.Policy("nova", "context_is_admin"); d == nil || d.Check != "role:admin" {
			t.Errorf("%s: nova context_is_admin = %+v", r.Name, d)
		}
		for key, want := range map[string]string{"host": "<hostname>", "my_ip": "<host_ipv4>"} {
			if d := s.DefaultOf("nova.conf", "DEFAULT", key, ""); !d.Host || d.Text != want {
				t.Errorf("%s: nova.conf [DEFAULT] %s default = %+v, want host-dependent %s", r.Name, key, d, want)
			}
		}
		if d := s.DefaultOf("keystone.conf", "token", "expiration", ""); d.Value != 3600.0 {
			t.Errorf("%s: keystone [token] expiration default = %+v", r.Name, d)
		}
		if d := s.DefaultOf("nova.conf", "DEFAULT", "state_path", ""); !d.Host || d.Text != "<python_path>" {
			t.Errorf("%s: nova state_path default = %+v", r.Name, d)
		}
	}
}

// TestIdentifierNotSecretElsewhere: Stein's glance flags [DEFAULT]
// admin_user secret; that does not make admin_user a secret name for other
// files (the user-name cross-checks compare them), while admin_password
// stays one.
func TestIdentifierNotSecretElsewhere(t *testing.T) {
	if SecretName("admin_user") || SecretAnywhere("DEFAULT", "admin_user") || SecretName("admin_tenant_name") {
		t.Error("admin_user / admin_tenant_name taken for secret names")
	}
	if !SecretName("admin_password") {
		t.Error("admin_password is no secret name")
	}
}
