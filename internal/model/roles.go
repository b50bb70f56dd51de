package model

import (
	"sort"
	"strings"
)

// inferServices guesses which OpenStack services a node runs from the
// configuration it holds, with the evidence for each (service -> why).
// Snapshots often carry whole packaged config files on every node, so only
// strong signals count: keystone, glance and placement configs mark a
// controller, and the agents' own ini files mark the agents. known are the
// services stronger evidence (enabled units) already places on the node:
// they count as signals too (an enabled neutron-server marks a controller).
// A node with neutron.conf and an ML2 file runs neutron-server when it is a
// controller, or when it runs no agent at all (a network node with an
// L3/DHCP/metadata agent only carries ml2_conf.ini for its OVS agent, as
// Icehouse did); the latter is a guess (evidence guessServer).
func inferServices(files []*Loaded, known map[string]string) map[string]string {
	has := map[string]*Loaded{}
	for _, f := range files {
		has[f.Kind] = f
	}
	svc := servicesByFile(has)
	for s, why := range known {
		svc[s] = why
	}
	control := svc["keystone"] != "" || svc["glance-api"] != "" || svc["placement-api"] != "" || known["neutron-server"] != ""
	if legacyOVSAgent(has["ml2_conf.ini"]) && svc["neutron-openvswitch-agent"] == "" {
		svc["neutron-openvswitch-agent"] = "ml2_conf.ini sets [ovs] local_ip (until Juno the OVS agent read it there)"
	}
	l2 := svc["neutron-linuxbridge-agent"] != "" || svc["neutron-openvswitch-agent"] != ""
	if nova := has["nova.conf"]; nova != nil || has["nova-cpu.conf"] != nil {
		novaServices(svc, has, control, l2)
	}
	neutronServer(svc, has, control, l2)
	cinderServices(svc, has["cinder.conf"], control)
	return svc
}

// cinderServices places cinder's processes on a node with cinder.conf:
// cinder-api and cinder-scheduler on a controller (the install guide's
// controller node), cinder-volume where cinder.conf configures a volume
// backend ([DEFAULT] enabled_backends, or the pre-multi-backend
// volume_driver: the guide's storage node), cinder-backup where it sets
// backup_driver. Evidence already placed (enabled units) is kept.
func cinderServices(svc map[string]string, cinder *Loaded, control bool) {
	if cinder == nil || cinder.INI == nil {
		return
	}
	def := cinder.INI.Section("DEFAULT")
	place := func(proc, why string) {
		if svc[proc] == "" {
			svc[proc] = why
		}
	}
	if control {
		place("cinder-api", "cinder.conf on a controller")
		place("cinder-scheduler", "cinder.conf on a controller")
	}
	for _, key := range []string{"enabled_backends", "volume_driver"} {
		if v, ok := def.Last(key); ok && strings.TrimSpace(v.Text) != "" {
			place("cinder-volume", "cinder.conf sets [DEFAULT] "+key)
			break
		}
	}
	if v, ok := def.Last("backup_driver"); ok && strings.TrimSpace(v.Text) != "" {
		place("cinder-backup", "cinder.conf sets [DEFAULT] backup_driver")
	}
}

// neutronServer places neutron-server on a node with neutron.conf and an
// ML2 file that is a controller or runs no agent at all.
func neutronServer(svc map[string]string, has map[string]*Loaded, control, l2 bool) {
	agentNode := svc["neutron-l3-agent"] != "" || svc["neutron-dhcp-agent"] != "" || svc["neutron-metadata-agent"] != ""
	if svc["neutron-server"] != "" || has["neutron.conf"] == nil || (has["ml2_conf.ini"] == nil && has["plugin.ini"] == nil) {
		return
	}
	switch {
	case control:
		svc["neutron-server"] = "neutron.conf and an ML2 file on a controller"
	case !l2 && !agentNode:
		svc["neutron-server"] = guessServer
	}
}

// guessServer is the evidence of the weakest guess: it yields to another
// node's enabled neutron-server (see yieldGuessedServers).
const guessServer = "guess: neutron.conf and an ML2 file, and no agent file"

// legacyOVSAgent: until Juno the OVS agent read its [ovs] local_ip from
// ml2_conf.ini, so that section marks an agent node.
func legacyOVSAgent(ml2 *Loaded) bool {
	if ml2 == nil || ml2.INI == nil {
		return false
	}
	_, ok := ml2.INI.Section("ovs").Last("local_ip")
	return ok
}

// fileServices are the services a config file of a kind reveals on its own.
var fileServices = map[string]string{
	"keystone.conf": "keystone", "glance-api.conf": "glance-api", "placement.conf": "placement-api",
	"linuxbridge_agent.ini": "neutron-linuxbridge-agent", "openvswitch_agent.ini": "neutron-openvswitch-agent",
	"l3_agent.ini": "neutron-l3-agent", "dhcp_agent.ini": "neutron-dhcp-agent",
	"metadata_agent.ini": "neutron-metadata-agent", "sriov_agent.ini": "neutron-sriov-nic-agent",
	"glance-registry.conf": "glance-registry", "nova-cpu.conf": "nova-compute",
}

func servicesByFile(has map[string]*Loaded) map[string]string {
	svc := map[string]string{}
	for kind, name := range fileServices {
		if f := has[kind]; f != nil && (!agentKinds[kind] || configured(f)) {
			svc[name] = "file: " + f.Path
		}
	}
	return svc
}

// agentKinds are files a package installs whether or not the operator runs
// the agent; only one with an option set marks the agent as deployed (the
// untouched l3_agent.ini on a compute node, or on an OVN node, does not).
var agentKinds = map[string]bool{"l3_agent.ini": true, "dhcp_agent.ini": true, "metadata_agent.ini": true}

// configured reports whether an INI file sets any option (or could not be
// parsed, which is worth reporting as a deployed file).
func configured(f *Loaded) bool {
	if f.INI == nil {
		return true
	}
	for _, s := range f.INI.Sections {
		if len(s.Keys) > 0 {
			return true
		}
	}
	return false
}

// novaServices places nova-api and nova-compute on a node with nova's
// configuration: nova-api on a controller (or with [api_database] and no
// compute or L2 agent file), nova-compute with nova-compute.conf or
// devstack's nova-cpu.conf, without nova-api, or with a hypervisor
// configured beside an L2 agent (an all-in-one): [libvirt] virt_type, or
// compute_driver on a node that is not a controller. A controller's
// compute_driver alone says nothing: openSUSE's packaged nova.conf sets it
// (compute_driver = libvirt.LibvirtDriver) on every node, and the guides'
// controllers run an L2 agent for their routers and DHCP.
func novaServices(svc map[string]string, has map[string]*Loaded, control, l2 bool) {
	nova := has["nova.conf"]
	apiDB, virtType, driver := novaFacts(nova)
	virt := virtType || (driver && !control)
	computeConf := has["nova-compute.conf"] != nil || has["nova-cpu.conf"] != nil
	if svc["nova-api"] == "" && nova != nil {
		switch {
		case control:
			svc["nova-api"] = "nova.conf on a controller"
		case apiDB && !computeConf && !l2:
			svc["nova-api"] = "nova.conf sets [api_database] connection"
		}
	}
	if svc["nova-compute"] != "" {
		return
	}
	switch {
	case has["nova-compute.conf"] != nil:
		svc["nova-compute"] = "file: " + has["nova-compute.conf"].Path
	case svc["nova-api"] == "":
		svc["nova-compute"] = "guess: nova.conf and no nova-api"
	case virt && l2:
		svc["nova-compute"] = "nova.conf sets [libvirt] or compute_driver beside an L2 agent"
	}
}

// novaFacts tells whether nova.conf sets [api_database] connection,
// [libvirt] virt_type and [DEFAULT] compute_driver.
func novaFacts(nova *Loaded) (apiDB, virtType, driver bool) {
	if nova == nil || nova.INI == nil {
		return false, false, false
	}
	_, apiDB = nova.INI.Section("api_database").Last("connection")
	_, virtType = nova.INI.Section("libvirt").Last("virt_type")
	_, driver = nova.INI.Section("DEFAULT").Last("compute_driver")
	return apiDB, virtType, driver
}

// roleServices are the services a role given in .stacklint.yaml stands for,
// each only where the node holds its configuration file.
var roleServices = map[string][]string{
	"controller": {"keystone", "glance-api", "placement-api", "nova-api", "neutron-server", "cinder-api", "cinder-scheduler"},
	"compute":    {"nova-compute", "neutron-linuxbridge-agent", "neutron-openvswitch-agent"},
	"storage":    {"cinder-volume", "cinder-backup"},
	"network": {
		"neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent",
		"neutron-linuxbridge-agent", "neutron-openvswitch-agent",
	},
}

// serviceFiles are the files a service needs on a node to be assigned by role.
var serviceFiles = map[string][]string{
	"keystone": {"keystone.conf"}, "glance-api": {"glance-api.conf"}, "placement-api": {"placement.conf"},
	"nova-api": {"nova.conf"}, "nova-compute": {"nova.conf"}, "neutron-server": {"neutron.conf"},
	"neutron-linuxbridge-agent": {"linuxbridge_agent.ini"},
	"neutron-openvswitch-agent": {"openvswitch_agent.ini", "ml2_conf.ini"},
	"neutron-l3-agent":          {"l3_agent.ini"}, "neutron-dhcp-agent": {"dhcp_agent.ini"},
	"neutron-metadata-agent": {"metadata_agent.ini"},
	"cinder-api":             {"cinder.conf"}, "cinder-scheduler": {"cinder.conf"},
	"cinder-volume": {"cinder.conf"}, "cinder-backup": {"cinder.conf"},
}

// assignedServices turns roles set explicitly into services: a service name
// stands for itself, a role for its services whose file the node holds (the
// OVS agent from ml2_conf.ini only in the legacy layout).
func assignedServices(roles []string, files []*Loaded) map[string]string {
	has := map[string]*Loaded{}
	for _, f := range files {
		has[f.Kind] = f
	}
	svc := map[string]string{}
	for _, r := range roles {
		wanted, isRole := roleServices[r]
		if !isRole {
			svc[r] = ".stacklint.yaml: nodes roles " + r
			continue
		}
		for _, s := range wanted {
			if holds(s, has) {
				svc[s] = ".stacklint.yaml: nodes roles " + r
			}
		}
	}
	return svc
}

func holds(service string, has map[string]*Loaded) bool {
	for _, kind := range serviceFiles[service] {
		if kind == "ml2_conf.ini" {
			if legacyOVSAgent(has[kind]) {
				return true
			}
			continue
		}
		if has[kind] != nil {
			return true
		}
	}
	return false
}

// rolesOf maps services to the node roles rules reason about.
func rolesOf(services []string) []string {
	roles := map[string]bool{}
	for _, s := range services {
		switch s {
		case "keystone", "glance-api", "placement-api", "nova-api", "neutron-server",
			"nova-scheduler", "nova-conductor", "glance-registry", "cinder-api", "cinder-scheduler":
			roles["controller"] = true
		case "cinder-volume", "cinder-backup":
			roles["storage"] = true
		case "nova-compute":
			roles["compute"] = true
		case "neutron-l3-agent", "neutron-dhcp-agent", "neutron-metadata-agent":
			roles["network"] = true
		}
	}
	return sortedKeys(roles)
}

// sortedKeys returns the keys of a map in order.
func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
