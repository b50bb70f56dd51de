package oracle

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/schema"
	osloparser "github.com/stacklint/stacklint/parser/oslo"
)

// processNamespaces are the oslo.config namespaces a file kind adds to a
// process that loads it after its project's main file (oslo_dump.py's
// KINDS less what the main kind registers already).
var processNamespaces = map[string][]string{
	"ml2_conf.ini":          {"neutron.ml2"},
	"linuxbridge_agent.ini": {"neutron.ml2.linuxbridge.agent"},
	"openvswitch_agent.ini": {"neutron.ml2.ovs.agent"},
	"l3_agent.ini":          {"neutron.az.agent", "neutron.base.agent", "neutron.l3.agent"},
	"dhcp_agent.ini":        {"neutron.az.agent", "neutron.base.agent", "neutron.dhcp.agent"},
	"metadata_agent.ini":    {"neutron.metadata.agent"},
}

// processKinds are the file lists processes load, main kind first, as the
// packagings start them (internal/model/processfiles.go): neutron-server
// (neutron.conf, ml2_conf.ini), each agent (neutron.conf, its file),
// Debian's linuxbridge agent (neutron.conf, ml2_conf.ini,
// linuxbridge_agent.ini) and its OVS agent (its file before neutron.conf),
// nova-compute (nova.conf, nova-compute.conf).
var processKinds = [][]string{
	{"neutron.conf", "ml2_conf.ini"},
	{"neutron.conf", "openvswitch_agent.ini"},
	{"openvswitch_agent.ini", "neutron.conf"},
	{"neutron.conf", "linuxbridge_agent.ini"},
	{"neutron.conf", "ml2_conf.ini", "linuxbridge_agent.ini"},
	{"neutron.conf", "l3_agent.ini"},
	{"neutron.conf", "dhcp_agent.ini"},
	{"neutron.conf", "metadata_agent.ini"},
	{"nova.conf", "nova-compute.conf"},
}

// TestProcessEffectiveMatchesOsloConfig is the differential test of a
// process loading files of DIFFERENT kinds (issue 16): for every corpus
// node holding the files of a process list above, oslo.config loads them
// in that order with every namespace of every kind registered at once
// (oslo_dump.py --kind MAIN --namespace ...), and every option value it
// returns must be model.EffectiveOf's over the same files under each kind
// whose schema registers the option (so an option two kinds share, such as
// [agent] or oslo.log's, is resolved the same whichever file the rule
// starts from). A dist file, the main file and a config-dir file (RDO's
// layering, which the corpus lacks) are generated over each nova.conf.
func TestProcessEffectiveMatchesOsloConfig(t *testing.T) {
	root, sch, byKind := zedCorpus(t)
	dump := filepath.Join(root, "upstream", "oslo_dump.py")
	runs, options, diffs := 0, 0, 0
	for _, kinds := range processKinds {
		lists := nodeLists(byKind, kinds)
		main, extra := mainOf(kinds)
		for run, want := range runProcessOracle(t, dump, main, extra, lists) {
			files := parseAll(t, strings.Split(run, "\t"))
			if files == nil || want == nil {
				continue
			}
			runs++
			o, d := compareProcess(t, sch, kinds, run, files, want)
			options, diffs = options+o, diffs+d
		}
	}
	layered := distLayers(t, byKind["nova.conf"])
	for run, want := range runProcessOracle(t, dump, "nova.conf", nil, layered) {
		files := parseAll(t, strings.Split(run, "\t"))
		if files == nil || want == nil {
			continue
		}
		runs++
		o, d := compareProcess(t, sch, []string{"nova.conf"}, run, files, want)
		options, diffs = options+o, diffs+d
	}
	t.Logf("%d processes (files of several kinds, or dist + main + config-dir), %d option values compared with oslo.config, %d differences", runs, options, diffs)
	if runs < 20 {
		t.Errorf("only %d processes compared", runs)
	}
}

// mainOf is the kind whose --kind namespaces oslo_dump.py registers (the
// project's main file) and the namespaces the other kinds add.
func mainOf(kinds []string) (string, []string) {
	main := kinds[0]
	if processNamespaces[main] != nil {
		main = "neutron.conf"
	}
	var extra []string
	for _, k := range kinds {
		extra = append(extra, processNamespaces[k]...)
	}
	return main, extra
}

// nodeLists are the runs (tab-separated paths, in kinds' order) of every
// corpus node folder holding one file of each kind.
func nodeLists(byKind map[string][]string, kinds []string) []string {
	at := map[string]map[string]string{}
	for _, k := range kinds {
		for _, p := range byKind[model.SchemaKind(k)] {
			i := strings.LastIndex(p, "/etc/")
			if i < 0 || filepath.Base(p) != k {
				continue
			}
			if at[p[:i]] == nil {
				at[p[:i]] = map[string]string{}
			}
			at[p[:i]][k] = p
		}
	}
	var out []string
	for _, files := range at {
		if len(files) != len(kinds) {
			continue
		}
		run := make([]string, len(kinds))
		for i, k := range kinds {
			run[i] = files[k]
		}
		out = append(out, strings.Join(run, "\t"))
	}
	sort.Strings(out)
	return out
}

// distLayers writes, for each nova.conf, a dist file before it and a
// config-dir file after it, both setting options the main file sets too
// (debug, [DEFAULT] host, a deprecated name) and some it does not.
func distLayers(t *testing.T, mains []string) []string {
	dir := t.TempDir()
	dist := filepath.Join(dir, "nova-dist.conf")
	confd := filepath.Join(dir, "10-local.conf")
	write := func(p, s string) {
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write(dist, "[DEFAULT]\ndebug = true\nstate_path = /var/lib/nova-dist\nlog_dir = /var/log/nova\n[vnc]\nserver_listen = 127.0.0.1\n[api_database]\nconnection = mysql://nova@dist/nova_api\n")
	write(confd, "[DEFAULT]\nhost = from-confd\nvncserver_listen = 10.1.1.1\n[vnc]\nenabled = false\n[libvirt]\nvirt_type = qemu\n")
	out := make([]string, 0, len(mains))
	for _, m := range mains {
		if filepath.Base(m) != "nova.conf" {
			continue
		}
		out = append(out, dist+"\t"+m+"\t"+confd)
	}
	return out
}

func runProcessOracle(t *testing.T, dump, main string, namespaces, runs []string) map[string]map[string]map[string]any {
	if len(runs) == 0 {
		return nil
	}
	extra := []string{"--all"}
	for _, ns := range namespaces {
		extra = append(extra, "--namespace", ns)
	}
	res := map[string]map[string]map[string]any{}
	for run, line := range runKindOracle(t, dump, main, runs, extra...) {
		if line == nil {
			res[run] = nil
			continue
		}
		res[run] = line.Effective
	}
	return res
}

// compareProcess compares oslo.config's values with EffectiveOf's under
// every kind of the process whose schema registers the option.
func compareProcess(t *testing.T, sch *schema.Schema, kinds []string, run string, files []*osloparser.File, want map[string]map[string]any) (options, diffs int) {
	seen := map[string]bool{}
	var all []string
	for _, k := range kinds {
		all = append(all, model.SchemaKind(k))
	}
	for _, k := range kinds {
		k = model.SchemaKind(k)
		if seen[k] {
			continue
		}
		seen[k] = true
		for group, opts := range want {
			for dest, w := range opts {
				if sch.Options(k, group)[dest] == nil {
					continue
				}
				e, ok := model.NewResolver(sch, k, files).With(all...).Of(group, dest)
				if !ok || e.Host || isError(w) || e.Err != "" {
					continue
				}
				options++
				if !sameValue(e.Value, w) {
					diffs++
					t.Errorf("%s (as %s) [%s] %s: stacklint %s, oslo.config %s", run, k, group, dest, shown(sch, k, group, dest, e.Value), shown(sch, k, group, dest, w))
				}
			}
		}
	}
	return options, diffs
}
