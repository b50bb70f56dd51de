package model

import (
	"net/netip"
	"strconv"
	"strings"

	"github.com/stacklint/stacklint/internal/editdist"
	"github.com/stacklint/stacklint/parser/urls"
)

// hostKeys are options whose value names hosts without being a URL
// ("controller", "controller:11211,ctl2:11211", or a list of URLs).
var hostKeys = map[string]bool{
	"nova_metadata_host": true, "nova_metadata_ip": true, "rabbit_host": true, "rabbit_hosts": true,
	"qpid_hostname": true, "qpid_hosts": true, "auth_host": true, "glance_host": true,
	"memcached_servers": true, "memcache_servers": true, "api_servers": true, "glance_api_servers": true,
}

// hostRefs splits a host-valued option into its hosts, each with the port
// when one is written and how the node resolves it.
func (b *nodeBuilder) hostRefs(value string) []any {
	var out []any
	for _, item := range strings.Split(value, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			continue
		}
		host, port := hostPort(strings.TrimPrefix(item, "inet6:"))
		if u, ok := urls.Parse(item, urls.Generic); ok && len(u.Hosts) > 0 {
			host, port = u.Hosts[0].Host, u.Hosts[0].Port
			if port == 0 {
				port = defaultPorts[u.Driver]
			}
		}
		if host == "" {
			continue
		}
		out = append(out, b.hostFact(host, map[string]any{"host": host, "port": port}))
	}
	return out
}

// hostFact adds how the node resolves host to a host entry: the addresses,
// and for a name its /etc/hosts does not know, the closest name it does.
func (b *nodeBuilder) hostFact(host string, e map[string]any) map[string]any {
	r := b.resolve(host)
	if r == nil {
		return e
	}
	e["resolved"] = toAny(r)
	if b.name != "" && (b.isSelf(host) || isLoopback(r)) {
		e["reaches"] = b.name // the referring node itself
	}
	if len(r) == 0 {
		if n := b.near(host); n != "" {
			e["near"] = n
		}
	}
	return e
}

// near returns the /etc/hosts name closest to an unknown host name (a
// typo like "controler"), or "" when none is close.
func (b *nodeBuilder) near(host string) string {
	best, bestD := "", 3
	for _, e := range b.hosts {
		for _, n := range e.Names {
			n = strings.ToLower(n)
			d := editdist.Distance(host, n, len(host)+len(n)+1)
			if d < bestD || d == bestD && n < best {
				best, bestD = n, d
			}
		}
	}
	if bestD > len(host)/3 {
		return ""
	}
	return best
}

func isLoopback(addrs []string) bool {
	for _, a := range addrs {
		if ip, err := netip.ParseAddr(a); err == nil && ip.IsLoopback() {
			return true
		}
	}
	return false
}

// hostPort splits "host:port", "[v6]:port", "user@host:port" or a bare
// host; the host is lower-cased, the port 0 when none is written.
func hostPort(s string) (string, int) {
	if i := strings.LastIndexByte(s, '@'); i >= 0 {
		s = s[i+1:]
	}
	host, port := s, ""
	if strings.HasPrefix(s, "[") {
		if i := strings.IndexByte(s, ']'); i >= 0 {
			host, port = s[1:i], strings.TrimPrefix(s[i+1:], ":")
		}
	} else if i := strings.LastIndexByte(s, ':'); i >= 0 {
		host, port = s[:i], s[i+1:]
	}
	p, _ := strconv.Atoi(port)
	return strings.ToLower(host), p
}
