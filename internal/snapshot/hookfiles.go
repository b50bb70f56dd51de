package snapshot

import (
	"path"
	"regexp"
	"slices"
	"strings"
)

// HookFiles is the `files` pattern of the pre-commit hook
// (.pre-commit-hooks.yaml): a regular expression (Python's re, as
// pre-commit applies it to paths relative to the repository) that every
// file stacklint reads matches, wherever the snapshot lies in the
// repository. It is built from the classifier's own tables: the folders
// below a node it reads (etc/, the dist files' usr/share/, the packaged
// units' folders, TripleO's puppet-generated and kolla config folders), the rc file names and suffixes, and the configuration
// file. A test checks that every path the classifier reads matches it.
func HookFiles() string {
	var roots []string
	for p := range distKinds {
		roots = append(roots, path.Dir(path.Dir(p))+"/") // usr/share/nova/nova-dist.conf: usr/share/
	}
	roots = append(roots, "etc/", tripleoDir+"/", tripleoJSON+"/") // etc/ holds kolla-ansible's etc/kolla/ too
	for p := range sosKinds {
		roots = append(roots, p) // sos_commands/networking/ip_-d_address, proc/cpuinfo
	}
	roots = append(roots, packagedUnitDirs...)
	slices.Sort(roots)
	roots = slices.Compact(roots)
	quoted := make([]string, len(roots))
	for i, r := range roots {
		quoted[i] = regexp.QuoteMeta(r)
	}
	rc := strings.TrimPrefix(rcNames.String(), "(?i)")
	rc = strings.NewReplacer("(openrc|^keystonerc|^\\.keystonerc)", "[^/]*openrc[^/]*|keystonerc[^/]*|\\.keystonerc[^/]*").Replace(rc)
	suffixes := make([]string, len(rcSuffixes))
	for i, s := range rcSuffixes {
		suffixes[i] = regexp.QuoteMeta(s)
	}
	return "(?i)(^|/)(" + strings.Join(quoted, "|") + ")" +
		"|(^|/)(" + rc + ")$" +
		"|(" + strings.Join(suffixes, "|") + ")$" +
		"|(^|/)" + regexp.QuoteMeta(".stacklint.yaml") + "$"
}
