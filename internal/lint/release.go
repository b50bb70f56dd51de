package lint

import (
	"fmt"
	"strings"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/schema"
)

// fit is how well a release's schema reads a snapshot.
type fit struct {
	rel                       release.Release
	sch                       *schema.Schema
	unknown, deprecated, keys int
}

// pickSchema returns the schema options are checked against and completes
// the choice: a release set by flag or config is used as is; under auto the
// release whose schema knows the most options of the snapshot is picked
// (fewest unknown, then fewest deprecated, then the oldest), and Why says
// so with the counts.
func pickSchema(choice *release.Choice, files []*model.Loaded) (*schema.Schema, []*schema.Schema) {
	var all []*schema.Schema
	for _, r := range release.Known {
		if sch, err := schema.Load(r.Name); err == nil {
			all = append(all, sch)
		}
	}
	return pick(choice, files), all
}

func pick(choice *release.Choice, files []*model.Loaded) *schema.Schema {
	if choice.Known() {
		sch, err := schema.Load(choice.Name)
		if err != nil {
			return nil
		}
		return sch
	}
	var fits []fit
	for _, r := range release.Known {
		sch, err := schema.Load(r.Name)
		if err != nil {
			continue
		}
		u, d, n := count(sch, files)
		if n == 0 {
			return nil // no option of a kind the schema covers: nothing to go by
		}
		fits = append(fits, fit{rel: r, sch: sch, unknown: u, deprecated: d, keys: n})
	}
	if len(fits) == 0 {
		return nil
	}
	best := fits[0]
	for _, f := range fits[1:] {
		if f.unknown < best.unknown || (f.unknown == best.unknown && f.deprecated < best.deprecated) {
			best = f
		}
	}
	parts := make([]string, len(fits))
	for i, f := range fits {
		parts[i] = fmt.Sprintf("%s %d unknown/%d deprecated", f.rel.Name, f.unknown, f.deprecated)
	}
	counts := strings.Join(parts, ", ")
	if best.unknown*100 > best.keys*maxUnknownPercent {
		choice.Why = fmt.Sprintf("no known release fits: even %s leaves %d of %d options unknown (%s), so the snapshot is probably older; option and release checks are skipped, set --release to apply one", best.rel.Name, best.unknown, best.keys, counts)
		return nil
	}
	choice.Release = best.rel
	choice.Why = "fits the snapshot best (" + counts + ")"
	return best.sch
}

// maxUnknownPercent: a release whose schema leaves more of a snapshot's
// options unknown than this is not taken for the snapshot's release (an
// Icehouse snapshot is closest to Zed, but Zed's verdicts would be wrong for
// it).
const maxUnknownPercent = 5

// count resolves every key of every file the schema has a kind for.
func count(sch *schema.Schema, files []*model.Loaded) (unknown, deprecated, keys int) {
	for _, f := range files {
		kind := model.SchemaKind(f.Kind)
		if f.INI == nil || !sch.Has(kind) {
			continue
		}
		for _, s := range f.INI.Sections {
			auth := model.AuthType(f.INI, s.Name)
			for _, k := range s.Keys {
				keys++
				section := model.SchemaSection(kind, f.INI, s.Name)
				switch sch.Resolve(kind, section, k.Name, auth).Status {
				case schema.Unknown:
					if model.ReadBy(sch, kind, section, k.Name, auth) == "" {
						unknown++
					}
				case schema.Deprecated:
					deprecated++
				}
			}
		}
	}
	return unknown, deprecated, keys
}
