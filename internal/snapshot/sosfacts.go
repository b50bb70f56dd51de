package snapshot

import "strings"

// Kinds of the sos report command outputs and /proc files that describe a
// node's running network and CPU (parser/sos). Their paths are node paths
// (below the sos report's top folder).
const (
	KindSosIPAddress = "sos-ip-address" // sos_commands/networking/ip_-d_address
	KindSosOVSShow   = "sos-ovs-show"   // sos_commands/openvswitch/ovs-vsctl_-t_5_show
	KindCPUInfo      = "cpuinfo"        // proc/cpuinfo
)

// factKinds maps the node paths of command outputs to their kinds.
var factKinds = map[string]string{
	"sos_commands/networking/ip_-d_address":        KindSosIPAddress,
	"sos_commands/openvswitch/ovs-vsctl_-t_5_show": KindSosOVSShow,
	"proc/cpuinfo": KindCPUInfo,
}

// factKind is the kind of a command output or /proc file, or "".
func factKind(nodePath string) string {
	return factKinds[nodePath]
}

// readsFactsBelow reports whether a command output lies below nodePath.
func readsFactsBelow(nodePath string) bool {
	for p := range factKinds {
		if strings.HasPrefix(p, nodePath+"/") {
			return true
		}
	}
	return false
}
