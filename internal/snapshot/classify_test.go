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

// TestServiceFileKinds: the files services read beyond the first set
// (issue 16): glance-registry, devstack's nova-cpu.conf, more agents, RDO's
// dist files under usr/share (and nothing else outside etc/), and the
// *.conf files of oslo.config config-dirs.
func TestServiceFileKinds(t *testing.T) {
	checkKinds(t, map[string]string{
		"etc/glance/glance-registry.conf":              "glance-registry.conf",
		"etc/nova/nova-cpu.conf":                       "nova-cpu.conf",
		"etc/neutron/plugins/ml2/sriov_agent.ini":      "sriov_agent.ini",
		"etc/neutron/lbaas_agent.ini":                  "lbaas_agent.ini",
		"etc/neutron/fwaas_driver.ini":                 "fwaas_driver.ini",
		"usr/share/nova/nova-dist.conf":                "nova-dist.conf",
		"usr/share/neutron/neutron-dist.conf":          "neutron-dist.conf",
		"usr/share/keystone/keystone-dist.conf":        "keystone-dist.conf",
		"usr/share/glance/glance-api-dist.conf":        "glance-api-dist.conf",
		"usr/share/nova/rootwrap/compute.filters":      "",
		"usr/lib/nova/nova.conf":                       "",
		"etc/nova/nova-dist.conf":                      "", // a copy: no unit loads it from /etc
		"etc/nova/nova.conf.d/10-db.conf":              "nova.conf.d",
		"etc/nova/nova.conf.d/.10-db.conf":             "",
		"etc/nova/nova.conf.d/10-db.conf.bak":          "",
		"etc/neutron/neutron.conf.d/a.conf":            "neutron.conf.d",
		"etc/keystone/keystone.conf.d/a.conf":          "keystone.conf.d",
		"etc/glance/glance-api.conf.d/a.conf":          "glance-api.conf.d",
		"etc/neutron/conf.d/common/a.conf":             KindNeutronConfD,
		"etc/neutron/conf.d/neutron-server/a.conf":     KindNeutronConfD,
		"etc/neutron/conf.d/a.conf":                    "",
		"etc/neutron/conf.d/neutron-server/sub/a.conf": "",
	})
	for _, k := range []string{"glance-registry.conf", "nova-dist.conf", "nova.conf.d", KindNeutronConfD} {
		if !IsINI(k) {
			t.Errorf("%s is not read as INI", k)
		}
	}
	for _, p := range []string{"usr", "usr/share", "usr/share/neutron", "etc/nova/nova.conf.d", "etc/neutron/conf.d/neutron-server"} {
		if !ReadsBelow(p) {
			t.Errorf("ReadsBelow(%s) = false", p)
		}
	}
	if ReadsBelow("usr/lib/nova") {
		t.Error("ReadsBelow(usr/lib/nova) = true")
	}
}

// TestLaunchKinds: packaged units and drop-ins of OpenStack processes
// (usr/lib and lib), Debian's etc/default files, Debian's neutron
// agent.conf.d and server.conf.d config-dirs; other units and defaults are
// not read (issue 16).
func TestLaunchKinds(t *testing.T) {
	checkKinds(t, map[string]string{
		"usr/lib/systemd/system/openstack-nova-compute.service":           KindSystemdPackaged,
		"lib/systemd/system/neutron-l3-agent.service":                     KindSystemdPackaged,
		"usr/lib/systemd/system/neutron-server.service.d/10-x.conf":       KindSystemdPackaged,
		"usr/lib/systemd/system/devstack@n-cpu.service":                   KindSystemdPackaged,
		"usr/lib/systemd/system/sshd.service":                             "",
		"usr/lib/systemd/system/neutron-server.service.d/sub/x.conf":      "",
		"usr/lib/systemd/system/multi-user.target.wants/nova-api.service": "",
		"etc/default/neutron-server":                                      KindInitDefault,
		"etc/default/openstack":                                           KindInitDefault,
		"etc/default/nova-compute":                                        KindInitDefault,
		"etc/default/grub":                                                "",
		"etc/default/.nova-compute":                                       "",
		"etc/neutron/agent.conf.d/10-x.conf":                              "neutron.conf.d",
		"etc/neutron/server.conf.d/10-x.conf":                             "neutron.conf.d",
	})
	for _, p := range []string{"usr/lib", "usr/lib/systemd", "lib/systemd/system", "etc/default", "usr/lib/systemd/system/nova-api.service.d"} {
		if !ReadsBelow(p) {
			t.Errorf("ReadsBelow(%s) = false", p)
		}
	}
	if IsINI(KindSystemdPackaged) || IsINI(KindInitDefault) {
		t.Error("units or default files read as INI")
	}
}

// TestCinderAndCephKinds: cinder's files (RDO's dist file and the default
// config-dir included) and Ceph's client files by path; look-alikes are
// not read.
func TestCinderAndCephKinds(t *testing.T) {
	checkKinds(t, map[string]string{
		"etc/cinder/cinder.conf":                 "cinder.conf",
		"usr/share/cinder/cinder-dist.conf":      "cinder-dist.conf",
		"etc/cinder/cinder.conf.d/10-rbd.conf":   "cinder.conf.d",
		"etc/cinder/cinder.conf.bak":             "",
		"etc/ceph/ceph.conf":                     KindCephConf,
		"etc/ceph/backup.conf":                   KindCephConf,
		"etc/ceph/ceph.client.cinder.keyring":    KindCephKeyring,
		"etc/ceph/ceph.keyring":                  KindCephKeyring,
		"etc/ceph/.ceph.conf":                    "",
		"etc/ceph/ceph.conf.rpmnew":              "",
		"etc/ceph/rbdmap":                        "",
		"etc/ceph/sub/ceph.conf":                 "",
		"etc/ceph/ceph.client.cinder.keyring.ok": "",
	})
	if !IsINI("cinder.conf") || IsINI(KindCephConf) || IsINI(KindCephKeyring) {
		t.Error("cinder.conf is oslo.config INI, Ceph's files are not")
	}
	if !ReadsBelow("etc/ceph") || !ReadsBelow("etc/cinder") {
		t.Error("a dangling link at etc/ceph or etc/cinder hides input")
	}
}
