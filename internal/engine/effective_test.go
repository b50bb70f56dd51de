package engine

import (
	"path/filepath"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// kindLists are kinds lists the rules pass to lib.effective.
var kindLists = [][]string{
	{"nova.conf"}, {"nova.conf", "nova-compute.conf", "nova-cpu.conf"}, {"neutron.conf"},
	{"neutron.conf", "ml2_conf.ini"}, {"neutron.conf", "linuxbridge_agent.ini"},
	{"neutron.conf", "openvswitch_agent.ini"}, {"keystone.conf"}, {"glance-api.conf"},
	{"metadata_agent.ini"}, {"placement.conf"},
}

var testLayers = ast.MustParseTerm(`{"nova.conf": ["nova-dist.conf", "nova.conf", "nova.conf.d"],
	"neutron.conf": ["neutron-dist.conf", "neutron.conf", "neutron.conf.d", "neutron-conf.d"]}`)

// TestEffectiveLookupsMatchScan: on every node of the bundled deployments
// and the demo, for every option a file sets, the built-in gives the same
// answer through the model's lookups (by_option, by_kind, processes' kinds)
// as by scanning the node's files (as for hand-built inputs).
func TestEffectiveLookupsMatchScan(t *testing.T) {
	dirs, _ := filepath.Glob("../../testdata/deployments/*")
	dirs = append(dirs, "../../testdata/demo")
	checked := 0
	for _, dir := range dirs {
		s, err := snapshot.Discover(dir)
		if err != nil {
			t.Fatal(err)
		}
		v, err := ToValue(model.Build(s).Plain())
		if err != nil {
			t.Fatal(err)
		}
		nodes, _ := get(v.(ast.Object), ast.StringTerm("nodes")).(ast.Object)
		nodes.Foreach(func(name, node *ast.Term) {
			scan := withoutLookups(node)
			for _, opt := range optionsOf(node) {
				for _, kinds := range kindLists {
					ks := ast.ArrayTerm()
					for _, k := range kinds {
						ks.Value = ks.Value.(*ast.Array).Append(ast.StringTerm(k))
					}
					a := effective(node, ks, opt[0], opt[1], testLayers)
					b := effective(scan, ks, opt[0], opt[1], testLayers)
					if (a == nil) != (b == nil) || (a != nil && !a.Equal(b)) {
						t.Errorf("%s %s %v [%v] %v: lookups %v, scan %v", dir, name, kinds, opt[0], opt[1], a, b)
					}
					if a != nil {
						checked++
					}
				}
			}
		})
	}
	if checked == 0 {
		t.Fatal("no option found in effect: the comparison says nothing")
	}
}

// withoutLookups is node without by_option, by_kind and processes' kinds.
func withoutLookups(node *ast.Term) *ast.Term {
	n := node.Value.(ast.Object)
	out := ast.NewObject()
	n.Foreach(func(k, v *ast.Term) {
		switch k.String() {
		case `"by_option"`, `"by_kind"`, `"by_path"`:
			return
		case `"processes"`:
			procs := ast.NewObject()
			v.Value.(ast.Object).Foreach(func(pk, pv *ast.Term) {
				p := ast.NewObject()
				pv.Value.(ast.Object).Foreach(func(fk, fv *ast.Term) {
					if fk.String() != `"kinds"` {
						p.Insert(fk, fv)
					}
				})
				procs.Insert(pk, ast.NewTerm(p))
			})
			out.Insert(k, ast.NewTerm(procs))
			return
		}
		out.Insert(k, v)
	})
	return ast.NewTerm(out)
}

// optionsOf lists [section, key] of every option set in the node's files.
func optionsOf(node *ast.Term) [][2]*ast.Term {
	var out [][2]*ast.Term
	files, _ := get(node.Value.(ast.Object), ast.StringTerm("files")).(ast.Object)
	files.Foreach(func(_, f *ast.Term) {
		secs, _ := get(f.Value.(ast.Object), ast.StringTerm("sections")).(ast.Object)
		if secs == nil {
			return
		}
		secs.Foreach(func(s, keys *ast.Term) {
			keys.Value.(ast.Object).Foreach(func(k, _ *ast.Term) {
				out = append(out, [2]*ast.Term{s, k})
			})
		})
	})
	return out
}
