package inspect

import (
	"encoding/json"

	"github.com/stacklint/stacklint/parser/netif"
	"github.com/stacklint/stacklint/parser/sos"
)

// links prints the interfaces an interface file or a sos command output
// describes: [{name, line, kind?, mtu?, members?, parent?, bridge?, bond?,
// addresses?}] in the file's order (interface facts hold no secret).
func (p *printer) links(ls []netif.Link) {
	type shown struct {
		Name      string   `json:"name"`
		Line      int      `json:"line"`
		Kind      string   `json:"kind,omitempty"`
		MTU       int      `json:"mtu,omitempty"`
		Members   []string `json:"members,omitempty"`
		Parent    string   `json:"parent,omitempty"`
		Bridge    string   `json:"bridge,omitempty"`
		Bond      string   `json:"bond,omitempty"`
		Addresses []string `json:"addresses,omitempty"`
	}
	p.raw(", \"interfaces\": [")
	p.items(len(ls), "    ", func(i int) any {
		l := ls[i]
		return shown{l.Name, l.Line, l.Kind, l.MTU, l.Members, l.Parent, l.Bridge, l.Bond, l.Addresses}
	})
	p.raw("]")
}

// cpu prints what /proc/cpuinfo says of hardware virtualisation:
// {"virt": "vmx"|"svm"|"none"|"", "line", "processors"}.
func (p *printer) cpu(c sos.CPU) {
	b, _ := json.Marshal(map[string]any{"virt": c.Virt, "line": c.Line, "processors": c.Processors})
	p.raw(", \"cpu\": " + string(b))
}
