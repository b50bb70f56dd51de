package model

// Hostnames maps every node's name to its host name as the document's
// "hostname" says (etc/hostname, a sos report's hostname, else the node
// name). Empty before Build has run.
func (d *Deployment) Hostnames() map[string]string {
	out := make(map[string]string, len(d.builders))
	for _, b := range d.builders {
		out[b.name] = b.hostname
	}
	return out
}
