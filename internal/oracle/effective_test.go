package oracle

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/schema"
	osloparser "github.com/stacklint/stacklint/parser/oslo"
)

// TestEffectiveMatchesOsloConfig is the differential test of effective
// values (issue 16): for every corpus file of a kind oslo_dump.py knows,
// the value of every option the Zed schema registers for the kind, written
// or default, as model.EffectiveOf computes it, must equal what oslo.config
// (Debian 12's Zed packages, oslo_dump.py --kind --all) returns after
// loading the file. Host-dependent defaults (the host name, addresses, the
// CPU count, the install path) differ by machine and are skipped; values
// are printed only for options no release flags secret.
func TestEffectiveMatchesOsloConfig(t *testing.T) {
	root, sch, byKind := zedCorpus(t)
	own, _ := filepath.Glob("testdata/effective/*.conf") // cases the corpus lacks (nova.conf kind)
	for _, p := range own {
		abs, _ := filepath.Abs(p)
		byKind["nova.conf"] = append(byKind["nova.conf"], abs)
	}
	files, options, skipped, diffs, missing := 0, 0, 0, 0, 0
	for _, kind := range sortedKinds(byKind) {
		for path, want := range runEffectiveOracle(t, filepath.Join(root, "upstream", "oslo_dump.py"), kind, byKind[kind]) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			f, err := osloparser.Parse(data)
			if err != nil || want == nil {
				continue
			}
			files++
			for group, opts := range want {
				for dest, w := range opts {
					e, ok := model.EffectiveOf(sch, kind, []*osloparser.File{f}, group, dest)
					if !ok {
						missing++ // registered at run time (auth plugins) or not in the schema's namespaces
						continue
					}
					if e.Host || isError(w) || e.Err != "" {
						skipped++
						continue
					}
					options++
					if !sameValue(e.Value, w) {
						diffs++
						t.Errorf("%s [%s] %s: stacklint %s, oslo.config %s", path, group, dest, shown(sch, kind, group, dest, e.Value), shown(sch, kind, group, dest, w))
					}
				}
			}
		}
	}
	t.Logf("%d files, %d option values compared with oslo.config --kind --all under zed, %d differences (%d host-dependent or failing skipped, %d options oslo.config registered that the schema lacks)", files, options, diffs, skipped, missing)
	if files < 100 {
		t.Errorf("only %d files compared", files)
	}
}

// TestLayeredEffectiveMatchesOsloConfig loads two files of a kind in one
// process, as a service loads its dist file and its own file, or a
// config-dir after them: every pair of consecutive corpus files of a kind
// (different nodes and sources, so the options, sections and deprecated
// names of one override or add to the other's), in both orders. The value
// of every option must be oslo.config's: the later file wins, a deprecated
// name in a later file beats the current name in an earlier one, and a
// multi-valued option collects both files' values.
func TestLayeredEffectiveMatchesOsloConfig(t *testing.T) {
	root, sch, byKind := zedCorpus(t)
	pairs, options, diffs := 0, 0, 0
	for _, kind := range sortedKinds(byKind) {
		var runs []string
		paths := byKind[kind]
		for i := 1; i < len(paths); i++ {
			runs = append(runs, paths[i-1]+"\t"+paths[i], paths[i]+"\t"+paths[i-1])
		}
		if len(runs) == 0 {
			continue
		}
		for run, want := range runEffectiveOracle(t, filepath.Join(root, "upstream", "oslo_dump.py"), kind, runs) {
			files := parseAll(t, strings.Split(run, "\t"))
			if files == nil || want == nil {
				continue
			}
			pairs++
			for group, opts := range want {
				for dest, w := range opts {
					e, ok := model.EffectiveOf(sch, kind, files, group, dest)
					if !ok || e.Host || isError(w) || e.Err != "" {
						continue
					}
					options++
					if !sameValue(e.Value, w) {
						diffs++
						t.Errorf("%s [%s] %s: stacklint %s, oslo.config %s", run, group, dest, shown(sch, kind, group, dest, e.Value), shown(sch, kind, group, dest, w))
					}
				}
			}
		}
	}
	t.Logf("%d ordered pairs of files, %d option values compared with oslo.config, %d differences", pairs, options, diffs)
	if pairs < 100 {
		t.Errorf("only %d pairs compared", pairs)
	}
}

// parseAll parses files (nil when one does not parse).
func parseAll(t *testing.T, paths []string) []*osloparser.File {
	var out []*osloparser.File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		f, err := osloparser.Parse(data)
		if err != nil {
			return nil
		}
		out = append(out, f)
	}
	return out
}

func runEffectiveOracle(t *testing.T, dump, kind string, runs []string) map[string]map[string]map[string]any {
	res := map[string]map[string]map[string]any{}
	for run, line := range runKindOracle(t, dump, kind, runs, "--all") {
		if line == nil {
			res[run] = nil
			continue
		}
		res[run] = line.Effective
	}
	return res
}

func isError(v any) bool {
	m, ok := v.(map[string]any)
	_, failed := m["error"]
	return ok && failed && len(m) == 1
}

// sameValue compares through JSON, as the oracle's values came.
func sameValue(got, want any) bool {
	b, err := json.Marshal(got)
	if err != nil {
		return false
	}
	var norm any
	if json.Unmarshal(b, &norm) != nil {
		return false
	}
	return reflect.DeepEqual(norm, want)
}

// shown is a value for a failure message, or "(secret)".
func shown(sch *schema.Schema, kind, group, dest string, v any) string {
	if o := sch.Options(kind, group)[dest]; o != nil && o.Secret != 0 || schema.SecretName(dest) {
		return "(secret)"
	}
	b, _ := json.Marshal(v)
	if len(b) > 200 {
		b = append(b[:200], "..."...)
	}
	return string(b)
}
