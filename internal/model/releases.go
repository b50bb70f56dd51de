package model

import (
	"github.com/stacklint/stacklint/internal/schema"
)

// Pick is the release one service on one node is checked against and why:
// set by --release or the configuration, or detected from the options its
// files set (internal/lint).
type Pick struct {
	Schema *schema.Schema // the release's option and policy schema
	Name   string         // the release's name ("zed", "2025.1")
	Series string         // its series ("2022.2"), which orders releases as strings do
	Source string         // "--release", the configuration file's name, or "auto"
	Why    string         // the evidence, in words
	Reason string         // Why without the per-release counts
	// BelowOldest: the files look older than the oldest release with a
	// schema (more of their options than maxUnknown are unknown to every
	// release, and the oldest fits best): they are checked against the
	// oldest, and only what holds in every release is reported.
	BelowOldest bool
	// Fits lists the releases that fit the files as well as this one,
	// oldest first (auto only): the evidence cannot tell them apart.
	Fits []string
	// Oldest: the release is the oldest stacklint has a schema for and
	// fits strictly better than the next one, so an option no release
	// knows may still be one an older release read.
	Oldest bool
}

// Doc is the pick as the model document carries it ("release" of a file,
// "releases" of a node).
func (p *Pick) Doc() map[string]any {
	if p == nil {
		return nil
	}
	return map[string]any{"name": p.Name, "series": p.Series, "source": p.Source, "why": p.Why, "below_oldest": p.BelowOldest}
}

// Releases says which release checks each service on each node.
type Releases struct {
	// Index is every known release's names, oldest first (to tell when an
	// option was removed, or policy defaults when no release is picked).
	Index *schema.Index
	// Picks are by [node, service] ("ctl", "nova").
	Picks map[[2]string]*Pick
	// Fallback checks a service on a node that has no pick of its own
	// (policy files without a config file of the service); nil: none.
	Fallback *Pick
}

// For is the pick of a service on a node: its own, else the fallback
// (nil when neither exists: the service is not checked against a release).
func (r *Releases) For(node, service string) *Pick {
	if r == nil {
		return nil
	}
	if p, ok := r.Picks[[2]string{node, service}]; ok {
		return p
	}
	return r.Fallback
}

// ServiceOf is the OpenStack service whose processes read a schema kind
// (SchemaKind's names; the schema's policy namespaces use the same names):
// "" for kinds no schema covers.
func ServiceOf(kind string) string {
	switch SchemaKind(kind) {
	case "nova.conf":
		return "nova"
	case "keystone.conf":
		return "keystone"
	case "glance-api.conf":
		return "glance"
	case "placement.conf":
		return "placement"
	case "cinder.conf":
		return "cinder"
	case "neutron.conf", "ml2_conf.ini", "ovn", "l3_agent.ini", "dhcp_agent.ini", "metadata_agent.ini",
		"openvswitch_agent.ini", "linuxbridge_agent.ini":
		return "neutron"
	}
	return ""
}

// pickFor is the pick checking a file kind on the builder's node (nil:
// the kind is not checked).
func (b *nodeBuilder) pickFor(kind string) *Pick {
	svc := ServiceOf(kind)
	if svc == "" {
		return nil
	}
	return b.releases.For(b.name, svc)
}

// serviceSchema is the schema of a service's policy defaults on the node
// (nil: no release is known for it, or its files are older than every
// schema: their release's defaults are not the oldest schema's, so policy
// facts then count every known release's, as with no release).
func (b *nodeBuilder) serviceSchema(service string) *schema.Schema {
	if p := b.releases.For(b.name, service); p != nil && !p.BelowOldest {
		return p.Schema
	}
	return nil
}

// index is every known release's names (nil when none is known).
func (b *nodeBuilder) index() *schema.Index {
	if b.releases == nil {
		return nil
	}
	return b.releases.Index
}
