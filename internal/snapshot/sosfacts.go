package snapshot

import "strings"

// Kinds of the sos report command outputs and proc files that describe a
// node's running network and CPU (parser/sos). Their paths are node paths
// (below the sos report's top folder). The sos part of issue 19 declares
// the same names (internal/snapshot/sos.go there): keep one copy.
const (
	KindSosIPAddress = "sos-ip-address" // sos_commands/networking/ip_-d_address
	KindSosOVSShow   = "sos-ovs-show"   // sos_commands/openvswitch/ovs-vsctl_-t_5_show
	KindCpuinfo      = "cpuinfo"        // proc/cpuinfo
)

// sosKinds maps the node paths of the sos command outputs read to their
// kinds (sosreport/sos: plugins networking, openvswitch, processor).
var sosKinds = map[string]string{
	"sos_commands/networking/ip_-d_address":        KindSosIPAddress,
	"sos_commands/openvswitch/ovs-vsctl_-t_5_show": KindSosOVSShow,
	"proc/cpuinfo": KindCpuinfo,
}

// readsSosBelow reports whether a sos command output lies below nodePath.
func readsSosBelow(nodePath string) bool {
	for p := range sosKinds {
		if strings.HasPrefix(p, nodePath+"/") {
			return true
		}
	}
	return false
}
