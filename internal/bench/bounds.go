package bench

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// The sizes of issue 14's examples.
const (
	HugeValueBytes = 100 << 20 // one value of a nova.conf
	ManyLines      = 1_000_000 // lines of a nova.conf
	BigPolicyBytes = 69 << 20  // a JSON policy file
	OrChainTerms   = 40_000    // terms of one policy rule's 'or' chain
)

// Single writes a one-node snapshot into dir whose only file, etc/rel, is
// written by fill.
func Single(dir, rel string, fill func(w *bufio.Writer)) error {
	p := filepath.Join(dir, "etc", filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.Create(p)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	fill(w)
	if err := w.Flush(); err != nil {
		return errors.Join(err, f.Close())
	}
	return f.Close()
}

// HugeValue writes a nova.conf whose [vnc] server_proxyclient_address is
// one value of n bytes (not an address, so rules quote it). Like every
// writer here it leaves write errors to the bufio.Writer's Flush.
func HugeValue(n int) func(*bufio.Writer) {
	return func(w *bufio.Writer) {
		fmt.Fprint(w, "[vnc]\nserver_proxyclient_address = ")
		chunk := strings.Repeat("a", 1<<16)
		for left := n; left > 0; left -= len(chunk) {
			fmt.Fprint(w, chunk[:min(left, len(chunk))])
		}
		fmt.Fprint(w, "\n")
	}
}

// Lines writes a nova.conf of n lines: [DEFAULT] and one key again and
// again.
func Lines(n int) func(*bufio.Writer) {
	return func(w *bufio.Writer) {
		fmt.Fprint(w, "[DEFAULT]\n")
		for range n - 1 {
			fmt.Fprint(w, "debug = true\n")
		}
	}
}

// BigPolicy writes a JSON policy file of about n bytes, one rule a line.
func BigPolicy(n int) func(*bufio.Writer) {
	return func(w *bufio.Writer) {
		fmt.Fprint(w, "{\n")
		for i, written := 0, 0; written < n; i++ {
			k, _ := fmt.Fprintf(w, "    \"os_compute_api:custom:%d\": \"role:admin or (role:member and project_id:%%(project_id)s)\",\n", i)
			written += k
		}
		fmt.Fprint(w, "    \"last\": \"\"\n}\n")
	}
}

// OrChain writes a policy file whose one rule is an 'or' of n role checks.
func OrChain(n int) func(*bufio.Writer) {
	return func(w *bufio.Writer) {
		fmt.Fprint(w, "{\"os_compute_api:servers:index\": \"role:r0")
		for i := 1; i < n; i++ {
			fmt.Fprintf(w, " or role:r%d", i)
		}
		fmt.Fprint(w, "\"}\n")
	}
}
