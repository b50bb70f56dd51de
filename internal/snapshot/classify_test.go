package snapshot

import "testing"

// TestHostKinds: the host files the host/OS checks read get their kind by
// path, and look-alikes (hidden files, other suffixes, nested dirs) do not.
func TestHostKinds(t *testing.T) {
	for p, want := range map[string]string{
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
	} {
		if got := Classify(p); got != want {
			t.Errorf("Classify(%s) = %q, want %q", p, got, want)
		}
	}
}
