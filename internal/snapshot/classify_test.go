package snapshot

import "testing"

// TestHostKinds: the host files the host/OS checks read get their kind by
// path, and look-alikes (hidden files, other suffixes, nested dirs) do not.
func TestHostKinds(t *testing.T) {
	checkKinds(t, map[string]string{
		"etc/sysctl.d/99-openstack.conf":                           KindSysctl,
		"etc/haproxy/haproxy.cfg":                                  KindHAProxy,
		"etc/neutron/dnsmasq-neutron.conf":                         KindDnsmasq,
		"etc/neutron/dnsmasq.conf":                                 KindDnsmasq,
		"etc/neutron/dnsmasq-neutron.conf.bak":                     "",
		"etc/security/limits.conf":                                 KindLimits,
		"etc/security/limits.d/90-rabbitmq.conf":                   KindLimits,
		"etc/security/limits.d/.90-rabbitmq.conf":                  "",
		"etc/systemd/system/rabbitmq-server.service.d/limits.conf": KindSystemd,
		"etc/systemd/system/mariadb.service":                       KindSystemd,
		"etc/systemd/system/multi-user.target.wants/x.service":     "",
		"etc/systemd/system/a.service.d/sub/limits.conf":           "",
		"etc/sysconfig/iptables":                                   KindIptables,
		"etc/iptables/rules.v4":                                    KindIptables,
		"etc/firewalld/zones/public.xml":                           KindFirewalld,
		"etc/firewalld/zones/public.xml.old":                       "",
		"etc/firewalld/firewalld.conf":                             KindFirewalld,
	})
}

// checkKinds compares Classify with the expected kind of each path.
func checkKinds(t *testing.T, want map[string]string) {
	t.Helper()
	for p, kind := range want {
		if got := Classify(p); got != kind {
			t.Errorf("Classify(%s) = %q, want %q", p, got, kind)
		}
	}
}

// TestPolicyKinds: policy files by name in a service's directory, including
// custom names a policy_file setting may point at, and policy.d entries.
func TestPolicyKinds(t *testing.T) {
	checkKinds(t, map[string]string{
		"etc/nova/policy.json":                   KindPolicy,
		"etc/nova/policy.yaml":                   KindPolicy,
		"etc/nova/custom-policy.yml":             KindPolicy,
		"etc/keystone/policy.v3cloudsample.json": KindPolicy,
		"etc/neutron/policy.d/00_default.yaml":   KindPolicy,
		"etc/neutron/policy.d/.hidden.yaml":      "",
		"etc/nova/policy.json.bak":               "",
		"etc/glance/schema-image.json":           "",
		"etc/nova/sub/policy.yaml":               "",
	})
}
