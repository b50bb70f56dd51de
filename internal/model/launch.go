package model

import (
	"path"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/shellrc"
)

// launch is how a process is started on a node: the node paths it loads
// in order (config-dirs ending in "/"), what decided them, and the shown
// paths of the units, drop-ins and default files that said so.
type launch struct {
	order []string
	from  string
	by    []string
}

// launcher decides the launch of each process of one node.
type launcher struct {
	pkg      string
	has      func(string) bool
	units    map[string]unitCommand // unitCommands
	enabled  map[string]bool        // unit names started at boot
	defaults map[string]*Loaded     // etc/default/<name> by node path
}

func newLauncher(files []*Loaded, enabled []snapshot.Enabled, has func(string) bool) *launcher {
	l := &launcher{pkg: packaging(files, enabled), has: has, units: unitCommands(files),
		enabled: map[string]bool{}, defaults: map[string]*Loaded{}}
	for _, e := range enabled {
		l.enabled[e.Unit] = true
	}
	for _, f := range files {
		if f.Kind == snapshot.KindInitDefault {
			l.defaults[f.NodePath] = f
		}
	}
	return l
}

// of is the launch of one process: the --config-file/--config-dir
// arguments of its unit's ExecStart (after drop-ins; etc/systemd/system
// over usr/lib and lib) when it gives any; else its packaging's list,
// which on Debian/Ubuntu the etc/default/<name> files adjust (applyDefaults).
func (l *launcher) of(proc string) launch {
	for _, unit := range l.unitsOf(proc) {
		c := l.units[unit]
		if order := configArgs(append([]string(nil), c.words...)); order != nil {
			return launch{order: withDefaultDir(proc, order), from: "ExecStart of " + c.from, by: []string{c.from}}
		}
	}
	base := loadOrder(proc, l.pkg, l.has)
	out := launch{order: base, from: "packaged lists (" + l.pkg + ")"}
	if l.pkg == pkgDefault {
		out = l.applyDefaults(proc, out)
	}
	return out
}

// unitsOf lists the units that start proc and whose command is known:
// enabled units first, then by name.
func (l *launcher) unitsOf(proc string) []string {
	var out []string
	for u := range l.units {
		if unitProcess(u) == proc {
			out = append(out, u)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if l.enabled[out[i]] != l.enabled[out[j]] {
			return l.enabled[out[i]]
		}
		return out[i] < out[j]
	})
	return out
}

// defaultNames are the etc/default files an init script of proc sources,
// in order: openstack-pkg-tools' template reads /etc/default/openstack,
// then /etc/default/$NAME ($NAME: the process, or its Debian unit name:
// neutron-sriov-agent, neutron-api's NAME is neutron-server,
// neutron-rpc-server).
func defaultNames(proc string) []string {
	out := []string{"etc/default/openstack", "etc/default/" + proc}
	var aliases []string
	for a, p := range unitAliases {
		if p == proc && a != "neutron-api" {
			aliases = append(aliases, "etc/default/"+a)
		}
	}
	sort.Strings(aliases)
	return append(out, aliases...)
}

// pluginFile is the ML2 file the packaged neutron-server list loads, which
// NEUTRON_PLUGIN_CONFIG replaces.
const pluginFile = "etc/neutron/plugins/ml2/ml2_conf.ini"

// applyDefaults reads Debian's and Ubuntu's etc/default files of a process
// as its init script does (openstack-pkg-tools' init-script-template and
// Ubuntu's neutron-server init: the file is sourced after DAEMON_ARGS
// holds the packaged --config-file arguments; Ubuntu's neutron-server
// sources it first for NEUTRON_PLUGIN_CONFIG, the plugin file loaded
// after neutron.conf). DAEMON_ARGS set there replaces the arguments
// ($DAEMON_ARGS in it expands to the packaged ones); with no
// --config-file left, oslo.config's default files are read
// (etc/<project>/<project>.conf, etc/<project>/<process>.conf:
// cfg.find_config_files). The default config dir stays after them unless
// a --config-dir is given.
func (l *launcher) applyDefaults(proc string, base launch) launch {
	var present []*Loaded
	for _, n := range defaultNames(proc) {
		if f := l.defaults[n]; f != nil && f.Err == nil {
			present = append(present, f)
		}
	}
	if len(present) == 0 {
		return base
	}
	files, dirs := splitOrder(base.order)
	by := []string{}
	if proc == "neutron-server" {
		if plugin, from := lastVar(present, "NEUTRON_PLUGIN_CONFIG", nil); plugin != "" {
			files = replacePlugin(files, cleanArg(plugin))
			by = append(by, from)
		}
	}
	env := map[string]string{"DAEMON_ARGS": argString(files)}
	args, from := lastVar(present, "DAEMON_ARGS", env)
	if from == "" {
		if len(by) == 0 {
			return base
		}
		return launch{order: append(files, dirs...), from: base.from + " with NEUTRON_PLUGIN_CONFIG of " + by[0], by: by}
	}
	by = appendNew(by, from)
	order := configArgs(strings.Fields(args))
	if !hasConfigFile(order) {
		proj := project(proc)
		order = append([]string{"etc/" + proj + "/" + proj + ".conf", "etc/" + proj + "/" + proc + ".conf"}, order...)
	}
	return launch{order: withDefaultDir(proc, order), from: base.from + " with DAEMON_ARGS of " + from, by: by}
}

// lastVar is the last value files (sourced in order, each seeing what the
// earlier set, env before them) give a variable, and the shown path of the
// file that set it ("" when none does). A file that cannot be parsed is
// skipped: the init script stops on it, which SL-PARSE-001 reports.
func lastVar(files []*Loaded, name string, env map[string]string) (string, string) {
	val, from := "", ""
	vars := map[string]string{}
	for k, v := range env {
		vars[k] = v
	}
	for _, f := range files {
		rc, err := shellrc.ParseEnv([]byte(f.Text), vars)
		if err != nil {
			continue
		}
		for _, v := range rc.Vars {
			vars[v.Name] = v.Value
		}
		if v := rc.Get(name); v != nil {
			val, from = v.Value, f.Path
		}
	}
	return val, from
}

// splitOrder parts a packaged list into its files and its config-dirs.
func splitOrder(order []string) (files, dirs []string) {
	for _, p := range order {
		if strings.HasSuffix(p, "/") {
			dirs = append(dirs, p)
		} else {
			files = append(files, p)
		}
	}
	return files, dirs
}

// argString is the --config-file arguments of files (node paths).
func argString(files []string) string {
	words := make([]string, len(files))
	for i, f := range files {
		words[i] = "--config-file=/" + f
	}
	return strings.Join(words, " ")
}

// replacePlugin puts the plugin file in place of the packaged ML2 file (or
// after the files when the list has none).
func replacePlugin(files []string, plugin string) []string {
	out := []string{}
	done := false
	for _, f := range files {
		if f == pluginFile {
			f, done = plugin, true
		}
		out = append(out, f)
	}
	if !done {
		out = append(out, plugin)
	}
	return out
}

// cleanArg is a path argument as a node path.
func cleanArg(p string) string {
	return strings.TrimPrefix(path.Clean("/"+strings.Trim(p, `"'`)), "/")
}

func hasConfigFile(order []string) bool {
	for _, p := range order {
		if !strings.HasSuffix(p, "/") {
			return true
		}
	}
	return false
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
