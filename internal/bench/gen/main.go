// Command gen writes a synthetic N-node snapshot for `make bench`.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/stacklint/stacklint/internal/bench"
)

func main() {
	nodes := flag.Int("nodes", 1000, "number of nodes")
	out := flag.String("out", "", "output directory (replaced)")
	tmpl := flag.String("template", "testdata/deployments/modern-linuxbridge", "template deployment")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	if err := os.RemoveAll(*out); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := bench.Generate(*tmpl, *out, *nodes); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
