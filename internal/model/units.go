package model

import (
	"path"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/snapshot"
)

// unitDirs are the folders systemd reads units from, strongest first:
// an administrator's etc/systemd/system over the packaged ones.
var unitDirs = []string{"etc/systemd/system/", "usr/lib/systemd/system/", "lib/systemd/system/"}

// unitPart is a unit file or one of its drop-ins as systemd would pick
// them: rank is the index of its folder in unitDirs.
type unitPart struct {
	f    *Loaded
	rank int
	base string // the drop-in's file name ("" for the unit file)
}

// unitCommand is the ExecStart a unit runs after its drop-ins, as words,
// and the shown path of the file that set it.
type unitCommand struct {
	words []string
	from  string
}

// unitCommands reads every OpenStack unit of a node (etc/systemd/system,
// usr/lib/systemd/system, lib/systemd/system) with its drop-ins as
// systemd does: the unit file from the strongest folder, then the
// <unit>.service.d/*.conf drop-ins of every folder sorted by file name (a
// name in a stronger folder hides the same name in weaker ones), each
// ExecStart= appending and an empty ExecStart= resetting; the last command
// left is the one the service runs (a simple service takes one). Units
// whose ExecStart stays unknown (unit file outside the snapshot, no
// resetting drop-in) are left out. Keyed by unit name.
func unitCommands(files []*Loaded) map[string]unitCommand {
	mains := map[string]unitPart{}
	drops := map[string]map[string]unitPart{}
	for _, f := range files {
		if f.Kind != snapshot.KindSystemd && f.Kind != snapshot.KindSystemdPackaged {
			continue
		}
		unit, part, ok := unitPartOf(f)
		if !ok {
			continue
		}
		if part.base == "" {
			if old, seen := mains[unit]; !seen || part.rank < old.rank {
				mains[unit] = part
			}
			continue
		}
		if drops[unit] == nil {
			drops[unit] = map[string]unitPart{}
		}
		if old, seen := drops[unit][part.base]; !seen || part.rank < old.rank {
			drops[unit][part.base] = part
		}
	}
	out := map[string]unitCommand{}
	for unit := range unionKeys(mains, drops) {
		parts := []unitPart{}
		if m, ok := mains[unit]; ok {
			parts = append(parts, m)
		}
		parts = append(parts, sortedParts(drops[unit])...)
		if c, ok := execStart(parts); ok {
			out[unit] = c
		}
	}
	return out
}

// unitPartOf places a systemd file: its unit and part, false for files
// that are neither a unit nor a drop-in of a .service in unitDirs.
func unitPartOf(f *Loaded) (string, unitPart, bool) {
	for rank, d := range unitDirs {
		rest, ok := strings.CutPrefix(f.NodePath, d)
		if !ok {
			continue
		}
		dir, base := path.Split(rest)
		if u, ok := strings.CutSuffix(base, ".service"); ok && dir == "" {
			return u, unitPart{f: f, rank: rank}, true
		}
		if u, ok := strings.CutSuffix(strings.TrimSuffix(dir, "/"), ".service.d"); ok && !strings.Contains(u, "/") {
			return u, unitPart{f: f, rank: rank, base: base}, true
		}
	}
	return "", unitPart{}, false
}

func unionKeys(a map[string]unitPart, b map[string]map[string]unitPart) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// sortedParts are drop-ins in systemd's order: by file name.
func sortedParts(m map[string]unitPart) []unitPart {
	out := make([]unitPart, 0, len(m))
	for _, p := range m {
		out = append(out, p)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].base < out[j].base })
	return out
}

// execStart applies the ExecStart= lines of a unit's parts in order;
// false when no part says what the unit runs.
func execStart(parts []unitPart) (unitCommand, bool) {
	var cmd unitCommand
	known := false
	for _, p := range parts {
		for _, line := range serviceExecStarts(string(p.f.Data())) {
			known = true
			if line == "" {
				cmd = unitCommand{}
				continue
			}
			cmd = unitCommand{words: strings.Fields(line), from: p.f.Path}
		}
	}
	return cmd, known && cmd.words != nil
}

// serviceExecStarts are the values of ExecStart= in the [Service] section
// of a unit file, continuation lines (a trailing backslash) joined, the
// executable's prefixes (-, @, :, +, !) removed.
func serviceExecStarts(text string) []string {
	var out []string
	section := ""
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		for strings.HasSuffix(line, `\`) && i+1 < len(lines) {
			i++
			line = strings.TrimSuffix(line, `\`) + " " + strings.TrimSpace(lines[i])
		}
		switch {
		case line == "" || line[0] == '#' || line[0] == ';':
		case line[0] == '[':
			section = strings.Trim(line, "[]")
		case section == "Service":
			name, val, ok := strings.Cut(line, "=")
			if ok && strings.TrimSpace(name) == "ExecStart" {
				out = append(out, strings.TrimLeft(strings.TrimSpace(val), "-@:+!"))
			}
		}
	}
	return out
}
