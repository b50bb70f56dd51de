// Package bench generates large synthetic snapshots for benchmarks: one
// controller and N-1 compute nodes cloned from a correct deployment, each
// with its own addresses and an /etc/hosts that lists the whole fleet.
package bench

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Generate writes a snapshot of n nodes into dir, using the controller and
// compute1 of the template deployment (testdata/deployments/modern-linuxbridge),
// with the fleet-wide /etc/hosts on every node.
func Generate(template, dir string, n int) error {
	return GenerateHosts(template, dir, n, FleetHosts)
}

// Hosts says what each generated node's /etc/hosts lists.
type Hosts int

const (
	// FleetHosts means every node lists the whole fleet (one file, n copies).
	FleetHosts Hosts = iota
	// NodeHosts means each node lists localhost, the controller and itself.
	NodeHosts
)

// GenerateHosts is Generate with the /etc/hosts of each node chosen by hosts.
func GenerateHosts(template, dir string, n int, hosts Hosts) error {
	fleet := fleetHosts(n)
	if err := cloneNode(filepath.Join(template, "controller"), filepath.Join(dir, "controller"), nil); err != nil {
		return err
	}
	for i := 1; i < n; i++ {
		name := fmt.Sprintf("compute%d", i)
		repl := strings.NewReplacer("10.0.0.31", addr(i), "compute1", name)
		if err := cloneNode(filepath.Join(template, "compute1"), filepath.Join(dir, name), repl); err != nil {
			return err
		}
	}
	for i := 0; i < n; i++ {
		name, table := "controller", fleet
		if i > 0 {
			name = fmt.Sprintf("compute%d", i)
		}
		if hosts == NodeHosts {
			table = ownHosts(i)
		}
		if err := os.WriteFile(filepath.Join(dir, name, "etc", "hosts"), []byte(table), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// fleetHosts is an /etc/hosts naming all n nodes.
func fleetHosts(n int) string {
	var b strings.Builder
	b.WriteString("127.0.0.1 localhost\n10.0.0.11 controller\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&b, "%s compute%d\n", addr(i), i)
	}
	return b.String()
}

// ownHosts is node i's /etc/hosts naming localhost, the controller and
// itself (i = 0 is the controller).
func ownHosts(i int) string {
	if i == 0 {
		return "127.0.0.1 localhost\n10.0.0.11 controller\n"
	}
	return fmt.Sprintf("127.0.0.1 localhost\n10.0.0.11 controller\n%s compute%d\n", addr(i), i)
}

// addr is compute i's management address: 10.1.x.y.
func addr(i int) string { return fmt.Sprintf("10.1.%d.%d", i/250, i%250+1) }

func cloneNode(src, dst string, repl *strings.Replacer) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if repl != nil {
			data = []byte(repl.Replace(string(data)))
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, data, 0o644)
	})
}
