// Command gen writes a synthetic N-node snapshot for `make bench`, or with
// -shape one of issue 14's one-file snapshots (huge-value: a 100 MB
// nova.conf value, many-lines: a 1M-line nova.conf, big-policy: a 69 MB
// policy.json, or-chain: a 40,000-term rule) to measure with
// /usr/bin/time -v ./bin/stacklint --format json DIR.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"

	"github.com/stacklint/stacklint/internal/bench"
)

// shapeOf is the one-file snapshot of -shape: the file and its writer.
func shapeOf(name string) (rel string, fill func(*bufio.Writer), ok bool) {
	switch name {
	case "huge-value":
		return "nova/nova.conf", bench.HugeValue(bench.HugeValueBytes), true
	case "many-lines":
		return "nova/nova.conf", bench.Lines(bench.ManyLines), true
	case "big-policy":
		return "nova/policy.json", bench.BigPolicy(bench.BigPolicyBytes), true
	case "or-chain":
		return "nova/policy.json", bench.OrChain(bench.OrChainTerms), true
	}
	return "", nil, false
}

func main() {
	nodes := flag.Int("nodes", 1000, "number of nodes")
	out := flag.String("out", "", "output directory (replaced)")
	tmpl := flag.String("template", "testdata/deployments/modern-linuxbridge", "template deployment")
	shape := flag.String("shape", "", "instead of N nodes, one file: huge-value|many-lines|big-policy|or-chain")
	hosts := flag.String("hosts", "fleet", "each node's /etc/hosts: fleet (the whole fleet) or node (localhost, controller, itself)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	if err := os.RemoveAll(*out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	h, ok := map[string]bench.Hosts{"fleet": bench.FleetHosts, "node": bench.NodeHosts}[*hosts]
	if !ok {
		fmt.Fprintf(os.Stderr, "gen: -hosts is fleet or node, not %q\n", *hosts)
		os.Exit(2)
	}
	if err := generate(*out, *tmpl, *shape, *nodes, h); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func generate(out, tmpl, shape string, nodes int, hosts bench.Hosts) error {
	if shape == "" {
		return bench.GenerateHosts(tmpl, out, nodes, hosts)
	}
	rel, fill, ok := shapeOf(shape)
	if !ok {
		return fmt.Errorf("unknown -shape %q", shape)
	}
	return bench.Single(out, rel, fill)
}
