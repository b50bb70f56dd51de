package sos

import (
	"bytes"
	"strings"
)

// CPU is what /proc/cpuinfo says of hardware virtualisation: Virt is
// "vmx" (Intel VT-x), "svm" (AMD-V) or "none" when some processor's
// "flags" line lists neither, "" when no line of the file is an x86 flags
// line (other architectures, or an empty file: undecidable). Line is the
// first flags line (the one without vmx/svm when Virt is "none").
// Processors counts "processor" lines.
type CPU struct {
	Virt       string
	Line       int
	Processors int
}

// ParseCPUInfo reads /proc/cpuinfo. A flags line lists the processor's
// flags after "flags\t\t: "; every processor must have the flag for
// Virt to name it (a hypervisor may hide it from some).
func ParseCPUInfo(data []byte) CPU {
	var c CPU
	line := 0
	seen := map[string]bool{}
	flagLines := 0
	for raw := range bytes.Lines(data) {
		line++
		k, v, ok := strings.Cut(string(raw), ":")
		if !ok {
			continue
		}
		switch strings.TrimSpace(k) {
		case "processor":
			c.Processors++
		case "flags":
			flagLines++
			words := strings.Fields(v)
			vmx, svm := has(words, "vmx"), has(words, "svm")
			switch {
			case vmx:
				seen["vmx"] = true
			case svm:
				seen["svm"] = true
			default:
				if !seen["none"] {
					c.Line = line
				}
				seen["none"] = true
			}
			if c.Line == 0 {
				c.Line = line
			}
		}
	}
	switch {
	case flagLines == 0:
		return CPU{Processors: c.Processors}
	case seen["none"]:
		c.Virt = "none"
	case seen["vmx"]:
		c.Virt = "vmx"
	default:
		c.Virt = "svm"
	}
	return c
}

func has(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}
