package inspect

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/sos"
)

// TestFacts: inspect shows the interfaces a sos command output describes
// and what cpuinfo says, as JSON.
func TestFacts(t *testing.T) {
	files := []*model.Loaded{
		{File: &snapshot.File{Path: "n/sos_commands/networking/ip_-d_address", Node: "n", Kind: snapshot.KindSosIPAddress},
			Links: sos.ParseIPAddress([]byte("2: eth0.20@eth0: <UP> mtu 1400 master brq1\n    vlan protocol 802.1Q id 20\n    inet 10.0.0.5/24 scope global eth0.20\n"))},
		{File: &snapshot.File{Path: "n/proc/cpuinfo", Node: "n", Kind: snapshot.KindCpuinfo},
			CPU: sos.ParseCPUInfo([]byte("processor\t: 0\nflags\t\t: fpu sse\n"))},
	}
	var b bytes.Buffer
	if err := Write(&b, files, false); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Files []struct {
			Interfaces []map[string]any `json:"interfaces"`
			CPU        map[string]any   `json:"cpu"`
		} `json:"files"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	ifs := doc.Files[0].Interfaces
	if len(ifs) != 1 || ifs[0]["name"] != "eth0.20" || ifs[0]["kind"] != "vlan" || ifs[0]["parent"] != "eth0" ||
		ifs[0]["bridge"] != "brq1" || ifs[0]["mtu"] != float64(1400) {
		t.Errorf("interfaces: %s", b.String())
	}
	if c := doc.Files[1].CPU; c["virt"] != "none" || c["line"] != float64(2) {
		t.Errorf("cpu: %s", b.String())
	}
}
