package snapshot

import (
	"bytes"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/parser/netif"
)

// File kinds that are not oslo.config INI files.
const (
	KindHosts    = "hosts"
	KindHostname = "hostname"
	KindRC       = "rc"
	KindPolicy   = "policy"
	KindHTTPD    = "httpd"
	KindNetif    = "netif" // interface address configuration
	// Host files read as directives (parser/directive).
	KindSysctl    = "sysctl"
	KindModules   = "modules-load"
	KindChrony    = "chrony"
	KindMemcached = "memcached"
	KindMyCnf     = "my.cnf"
	KindHAProxy   = "haproxy"
	KindRabbitMQ  = "rabbitmq"
	KindDnsmasq   = "dnsmasq"   // neutron's dnsmasq_config_file (dnsmasq-neutron.conf)
	KindLimits    = "limits"    // security/limits.conf and limits.d
	KindSystemd   = "systemd"   // units and drop-ins under systemd/system
	KindIptables  = "iptables"  // iptables-save files (sysconfig/iptables, iptables/rules.v4)
	KindFirewalld = "firewalld" // firewalld.conf and zones/*.xml
	// KindKeyFile is a keystone fernet or credential key: fingerprinted,
	// never shown.
	KindKeyFile = "keystone-key"
)

// iniKinds maps a path below etc/ to its kind; the kind is the name the
// file is known by (the same names oslo_dump.py --kind uses).
var iniKinds = map[string]string{
	"keystone/keystone.conf":                    "keystone.conf",
	"glance/glance-api.conf":                    "glance-api.conf",
	"placement/placement.conf":                  "placement.conf",
	"nova/nova.conf":                            "nova.conf",
	"nova/nova-compute.conf":                    "nova-compute.conf",
	"neutron/neutron.conf":                      "neutron.conf",
	"neutron/plugins/ml2/ml2_conf.ini":          "ml2_conf.ini",
	"neutron/plugin.ini":                        "plugin.ini",
	"neutron/plugins/ml2/linuxbridge_agent.ini": "linuxbridge_agent.ini",
	"neutron/plugins/ml2/openvswitch_agent.ini": "openvswitch_agent.ini",
	"neutron/l3_agent.ini":                      "l3_agent.ini",
	"neutron/dhcp_agent.ini":                    "dhcp_agent.ini",
	"neutron/metadata_agent.ini":                "metadata_agent.ini",
	"glance/glance-registry.conf":               "glance-registry.conf",
	"nova/nova-cpu.conf":                        "nova-cpu.conf", // devstack's n-cpu loads it instead of nova.conf
	"neutron/plugins/ml2/sriov_agent.ini":       "sriov_agent.ini",
	"neutron/lbaas_agent.ini":                   "lbaas_agent.ini",
	"neutron/fwaas_driver.ini":                  "fwaas_driver.ini",
	"cinder/cinder.conf":                        "cinder.conf", // cinder-api, -scheduler, -volume, -backup
}

// distKinds are RDO's distribution files, the only files read outside etc/:
// RDO's units load each before the /etc file (neutron-server.service:
// --config-file /usr/share/neutron/neutron-dist.conf --config-file
// /etc/neutron/neutron.conf ...). Paths are node paths.
var distKinds = map[string]string{
	"usr/share/nova/nova-dist.conf":         "nova-dist.conf",
	"usr/share/neutron/neutron-dist.conf":   "neutron-dist.conf",
	"usr/share/keystone/keystone-dist.conf": "keystone-dist.conf",
	"usr/share/glance/glance-api-dist.conf": "glance-api-dist.conf",
	"usr/share/cinder/cinder-dist.conf":     "cinder-dist.conf",
}

// configDirs are the folders below etc/ whose *.conf files oslo.config
// reads, in sorted order after the --config-file files, with --config-dir
// (or as a default config dir: /etc/nova/nova.conf.d); the kind names the
// folder. RDO's neutron reads etc/neutron/conf.d/common and
// conf.d/<process> (one level of process folders).
var configDirs = map[string]string{
	"nova/nova.conf.d/":         "nova.conf.d",
	"neutron/neutron.conf.d/":   "neutron.conf.d",
	"keystone/keystone.conf.d/": "keystone.conf.d",
	"glance/glance-api.conf.d/": "glance-api.conf.d",
	"cinder/cinder.conf.d/":     "cinder.conf.d",
	"neutron/conf.d/":           KindNeutronConfD,
	// Debian's neutron init scripts add --config-dir for these when they
	// exist (neutron-l3-agent, neutron-openvswitch-agent: agent.conf.d;
	// neutron-api, neutron-rpc-server: server.conf.d).
	"neutron/agent.conf.d/":  "neutron.conf.d",
	"neutron/server.conf.d/": "neutron.conf.d",
}

// KindNeutronConfD is a file of RDO's etc/neutron/conf.d/<process>/ folders.
const KindNeutronConfD = "neutron-conf.d"

// configDirKind classifies a *.conf file in a config-dir (p below etc/).
func configDirKind(p string) string {
	dir, base := path.Split(p)
	if !strings.HasSuffix(base, ".conf") || strings.HasPrefix(base, ".") {
		return ""
	}
	if k, ok := configDirs[dir]; ok && k != KindNeutronConfD {
		return k
	}
	if rest, ok := strings.CutPrefix(dir, "neutron/conf.d/"); ok && strings.Count(rest, "/") == 1 && !strings.HasPrefix(rest, ".") {
		return KindNeutronConfD
	}
	return ""
}

// IsINI reports whether kind is read with the oslo.config INI parser.
func IsINI(kind string) bool {
	for _, table := range []map[string]string{iniKinds, distKinds, configDirs} {
		for _, k := range table {
			if k == kind {
				return true
			}
		}
	}
	return false
}

var policyService = regexp.MustCompile(`^(nova|neutron|keystone|glance|placement|cinder|heat)/([^/]*policy[^/]*\.(json|yaml|yml)|policy\.d/[^/]+)$`)

// Classify returns the kind of a file from its path relative to the node
// root ("etc/nova/nova.conf"), or "" when stacklint does not read it.
func Classify(nodePath string) string {
	if k := launchOrDistKind(nodePath); k != "" {
		return k
	}
	if !strings.HasPrefix(nodePath, "etc/") {
		return ""
	}
	p := strings.TrimPrefix(nodePath, "etc/")
	if k, ok := iniKinds[p]; ok {
		return k
	}
	if k := configDirKind(p); k != "" {
		return k
	}
	switch p {
	case "hosts":
		return KindHosts
	case "hostname":
		return KindHostname
	}
	if policyService.MatchString(p) && !strings.HasPrefix(path.Base(p), ".") {
		return KindPolicy
	}
	if isHTTPD(p) {
		return KindHTTPD
	}
	if k := keyOrHostKind(p); k != "" {
		return k
	}
	if NetifFormat(nodePath) >= 0 {
		return KindNetif
	}
	return ""
}

// keyOrHostKind classifies host files, keystone's key files and Ceph's
// client files (p below etc/), or "".
func keyOrHostKind(p string) string {
	if k := hostKind(p); k != "" {
		return k
	}
	if dir, base := path.Split(p); (dir == "keystone/fernet-keys/" || dir == "keystone/credential-keys/") && !strings.HasPrefix(base, ".") {
		return KindKeyFile
	}
	return cephKind(p)
}

// launchOrDistKind is the kind of a file read outside etc/ (a dist file, a
// sos command output or proc file) or of a packaged unit, drop-in or
// default file, or "".
func launchOrDistKind(nodePath string) string {
	if k, ok := distKinds[nodePath]; ok {
		return k
	}
	if k, ok := sosKinds[nodePath]; ok {
		return k
	}
	return launchKind(nodePath)
}

// NetifFormat tells which interface-configuration dialect a node path holds,
// or -1 when it holds none.
func NetifFormat(nodePath string) netif.Format {
	dir, base := path.Split(strings.TrimPrefix(nodePath, "etc/"))
	switch {
	case strings.HasPrefix(base, "."):
		return -1
	case dir == "network/" && base == "interfaces", dir == "network/interfaces.d/":
		return netif.Interfaces
	case dir == "netplan/" && (strings.HasSuffix(base, ".yaml") || strings.HasSuffix(base, ".yml")):
		return netif.Netplan
	case (dir == "sysconfig/network-scripts/" || dir == "sysconfig/network/") && strings.HasPrefix(base, "ifcfg-"):
		return netif.Ifcfg
	case dir == "NetworkManager/system-connections/":
		return netif.Keyfile
	}
	return -1
}

func isHTTPD(p string) bool {
	switch p {
	case "httpd/conf/httpd.conf", "apache2/apache2.conf", "apache2/ports.conf":
		return true
	}
	dir, base := path.Split(p)
	switch dir {
	case "httpd/conf.d/", "apache2/sites-enabled/", "apache2/conf-enabled/":
		return strings.HasSuffix(base, ".conf") && !strings.HasPrefix(base, ".")
	case "apache2/sites-available/":
		return strings.Contains(base, "placement") || strings.Contains(base, "keystone")
	}
	return false
}

// hostFiles are host configuration files by exact path below etc/.
var hostFiles = map[string]string{
	"sysctl.conf": KindSysctl, "modules": KindModules, "chrony.conf": KindChrony, "chrony/chrony.conf": KindChrony,
	"memcached.conf": KindMemcached, "sysconfig/memcached": KindMemcached, "my.cnf": KindMyCnf,
	"mysql/my.cnf": KindMyCnf, "haproxy/haproxy.cfg": KindHAProxy, "rabbitmq/rabbitmq.conf": KindRabbitMQ,
	"rabbitmq/rabbitmq-env.conf": KindRabbitMQ, "security/limits.conf": KindLimits,
	"sysconfig/iptables": KindIptables, "iptables/rules.v4": KindIptables,
	"firewalld/firewalld.conf": KindFirewalld,
}

// hostDirs are directories of host configuration snippets and the suffix
// their files need.
var hostDirs = map[string][2]string{
	"sysctl.d/": {KindSysctl, ".conf"}, "modules-load.d/": {KindModules, ".conf"},
	"my.cnf.d/": {KindMyCnf, ".cnf"}, "mysql/conf.d/": {KindMyCnf, ".cnf"},
	"mysql/mariadb.conf.d/": {KindMyCnf, ".cnf"}, "mysql/mysql.conf.d/": {KindMyCnf, ".cnf"},
	"security/limits.d/": {KindLimits, ".conf"}, "systemd/system/": {KindSystemd, ".service"},
	"firewalld/zones/": {KindFirewalld, ".xml"},
}

// hostKind classifies the host files the host/OS checks read.
func hostKind(p string) string {
	if k, ok := hostFiles[p]; ok {
		return k
	}
	dir, base := path.Split(p)
	if strings.HasPrefix(base, ".") {
		return ""
	}
	if d, ok := hostDirs[dir]; ok && strings.HasSuffix(base, d[1]) {
		return d[0]
	}
	switch {
	case dir == "neutron/" && strings.HasPrefix(base, "dnsmasq") && strings.HasSuffix(base, ".conf"):
		return KindDnsmasq
	case strings.HasPrefix(dir, "systemd/system/") && strings.HasSuffix(dir, ".service.d/") &&
		strings.Count(dir, "/") == 3 && strings.HasSuffix(base, ".conf"):
		return KindSystemd
	}
	return ""
}

var rcNames = regexp.MustCompile(`(?i)(openrc|^keystonerc|^\.keystonerc)`)

// rcSuffixes end the names of files that are rc files when they set
// OS_AUTH_URL: admin.rc, demo_rc (seed 002's copy of keystonerc_admin),
// admin-rc, admin.sh.
var rcSuffixes = []string{".rc", "_rc", "-rc", ".sh"}

// rcKind says whether a file name makes an OpenStack credentials file.
type rcKind int

const (
	rcNot       rcKind = iota
	rcByName           // *openrc*, keystonerc*, .keystonerc*
	rcByContent        // *.rc, *_rc, *-rc, *.sh: an rc file when it sets OS_AUTH_URL
)

// rcName classifies a file name as a possible rc file.
func rcName(name string) rcKind {
	switch {
	case rcNames.MatchString(name):
		if strings.HasSuffix(name, ".rpmnew") || strings.HasSuffix(name, ".dpkg-dist") {
			return rcNot
		}
		return rcByName
	case slices.ContainsFunc(rcSuffixes, func(s string) bool { return strings.HasSuffix(name, s) }):
		return rcByContent
	}
	return rcNot
}

// setsAuthURL decides a *.rc/*.sh file is an rc file.
func setsAuthURL(data []byte) bool {
	return bytes.Contains(data, []byte("OS_AUTH_URL"))
}

// KindINI is an oslo.config INI file of no known service file kind.
const KindINI = "ini"

// classifyLone guesses the kind of a lone file from its path (the longest
// tail from an etc, usr or lib folder that Classify knows: a unit's
// drop-in .../etc/systemd/system/nova-api.service.d/override.conf is a
// unit, not an INI file whose ExecStart shows its --password), else its
// last path elements and, for rc files, its content; anything else is read
// as INI.
func classifyLone(abs string, data []byte) string {
	parts := strings.Split(filepath.ToSlash(abs), "/")
	for i, p := range parts[:len(parts)-1] {
		if p == "etc" || p == "usr" || p == "lib" {
			if k := Classify(strings.Join(parts[i:], "/")); k != "" {
				return k
			}
		}
	}
	parent := path.Base(path.Dir(abs))
	if k := Classify("etc/" + parent + "/" + path.Base(abs)); k != "" {
		return k
	}
	if k := Classify("etc/" + path.Base(abs)); k != "" {
		return k
	}
	switch rcName(path.Base(abs)) {
	case rcByName:
		return KindRC
	case rcByContent:
		if setsAuthURL(data) {
			return KindRC
		}
	}
	return KindINI
}

// Input groups a rule may name in its METADATA inputs besides file kinds.
const (
	InputAny    = "any"    // every snapshot
	InputConfig = "config" // any oslo.config INI file
)

// Kinds lists every file kind discovery can assign, sorted.
func Kinds() []string {
	seen := map[string]bool{KindHosts: true, KindHostname: true, KindRC: true, KindPolicy: true,
		KindHTTPD: true, KindNetif: true, KindINI: true}
	for _, k := range hostFiles {
		seen[k] = true
	}
	for _, d := range hostDirs {
		seen[d[0]] = true
	}
	seen[KindKeyFile], seen[KindDnsmasq] = true, true
	seen[KindCephConf], seen[KindCephKeyring] = true, true
	seen[KindSystemdPackaged], seen[KindInitDefault] = true, true
	seen[KindContainerConfig] = true // kolla-ansible's and TripleO's config.json
	for _, k := range sosKinds {
		seen[k] = true
	}
	for _, table := range []map[string]string{iniKinds, distKinds, configDirs} {
		for _, k := range table {
			seen[k] = true
		}
	}
	out := make([]string, 0, len(seen))
	for k := range seen {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Present reports whether an input named by a rule is among the kinds of
// files a snapshot holds.
func Present(input string, kinds map[string]bool) bool {
	switch input {
	case InputAny:
		return true
	case InputConfig:
		for k := range kinds {
			if IsINI(k) || k == KindINI {
				return true
			}
		}
		return false
	}
	return kinds[input]
}

// leftoverSuffixes are the copies rpm and dpkg leave beside a config file
// they could not replace or remove.
var leftoverSuffixes = []string{".rpmnew", ".rpmsave", ".rpmorig", ".dpkg-dist", ".dpkg-old", ".dpkg-new", ".ucf-dist", ".orig"}

// leftoverOf returns the kind of the INI file a package leftover stands
// beside ("nova.conf" for etc/nova/nova.conf.rpmnew), or "".
func leftoverOf(nodePath string) string {
	for _, suf := range leftoverSuffixes {
		if base, ok := strings.CutSuffix(nodePath, suf); ok {
			if k := Classify(base); IsINI(k) {
				return k
			}
		}
	}
	return ""
}

// readSamples are paths of every pattern Classify knows that no table
// below lists by name (policy files, httpd, netif, keystone keys): with
// the tables they say under which folders stacklint reads files.
var readSamples = []string{
	"nova/policy.d/x", "neutron/policy.d/x", "keystone/policy.d/x", "glance/policy.d/x",
	"placement/policy.d/x", "cinder/policy.d/x", "heat/policy.d/x",
	"httpd/conf/httpd.conf", "httpd/conf.d/x.conf", "apache2/sites-enabled/x.conf",
	"apache2/conf-enabled/x.conf", "apache2/sites-available/keystone",
	"keystone/fernet-keys/0", "keystone/credential-keys/0",
	"network/interfaces.d/x", "netplan/x.yaml", "sysconfig/network-scripts/ifcfg-x",
	"sysconfig/network/ifcfg-x", "NetworkManager/system-connections/x",
	"ceph/ceph.conf", "ceph/ceph.client.x.keyring",
}

// ReadsBelow reports whether stacklint reads files somewhere below the
// folder at nodePath ("etc", "etc/neutron", "etc/neutron/plugins"), that
// is whether a link there that leads nowhere hides input. rc files can be
// anywhere and are not counted: their names say it themselves.
func ReadsBelow(nodePath string) bool {
	if nodePath == "etc" {
		return true
	}
	if readsDistBelow(nodePath) || readsLaunchBelow(nodePath) {
		return true
	}
	p, ok := strings.CutPrefix(nodePath, "etc/")
	if !ok {
		return false
	}
	if dir, base := path.Split(p); dir == "systemd/system/" && strings.HasSuffix(base, ".service.d") {
		return true
	}
	prefix := p + "/"
	for _, table := range []map[string]string{iniKinds, hostFiles} {
		for k := range table {
			if strings.HasPrefix(k, prefix) {
				return true
			}
		}
	}
	if readsConfigDirBelow(p) {
		return true
	}
	for d := range hostDirs {
		if strings.HasPrefix(d, prefix) {
			return true
		}
	}
	for _, s := range readSamples {
		if strings.HasPrefix(s, prefix) {
			return true
		}
	}
	return false
}

// readsDistBelow reports whether a dist file or a sos command output lies
// below nodePath.
func readsDistBelow(nodePath string) bool {
	if readsSosBelow(nodePath) {
		return true
	}
	for d := range distKinds {
		if strings.HasPrefix(d, nodePath+"/") {
			return true
		}
	}
	return false
}

// readsConfigDirBelow reports whether config-dir files lie below p (a path
// below etc/), RDO's neutron conf.d/<process> folders included.
func readsConfigDirBelow(p string) bool {
	for d := range configDirs {
		if strings.HasPrefix(d, p+"/") {
			return true
		}
	}
	return strings.HasPrefix(p, "neutron/conf.d/") && strings.Count(p, "/") == 2
}
