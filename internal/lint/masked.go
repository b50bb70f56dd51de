package lint

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/secret"
	"github.com/stacklint/stacklint/internal/snapshot"
	"github.com/stacklint/stacklint/parser/oslo"
)

// maskedChecks are the checks a masked value leaves undecided: every one
// compares a secret's fingerprint with another, or judges its text.
const maskedChecks = "password parity (service, database and broker users, metadata secret), weak, empty, shared and placeholder passwords"

// maskedNote says how many values a collection tool masked (sos report's
// "*********", whole values and URL passwords), per service, and that
// the checks on them were not decided; "" when nothing was masked.
func maskedNote(files []*model.Loaded) string {
	per := map[string]int{}
	total := 0
	for _, f := range files {
		if f.INI == nil {
			continue
		}
		if n := maskedIn(f.INI); n > 0 {
			per[serviceOf(f.Kind)] += n
			total += n
		}
	}
	if total == 0 {
		return ""
	}
	services := make([]string, 0, len(per))
	for s := range per {
		services = append(services, s)
	}
	sort.Strings(services)
	parts := make([]string, len(services))
	for i, s := range services {
		parts[i] = fmt.Sprintf("%s %d", s, per[s])
	}
	word := "values"
	if total == 1 {
		word = "value"
	}
	return fmt.Sprintf("masked credentials: %d %s (%s); not decided for %s: %s",
		total, word, strings.Join(parts, ", "), strings.Join(services, ", "), maskedChecks)
}

// maskedIn counts the occurrences of a file whose value is a mask or
// holds one as a URL password.
func maskedIn(f *oslo.File) int {
	n := 0
	for _, s := range f.Sections {
		for _, k := range s.Keys {
			for _, v := range k.Values {
				if secret.Masked(v.Text) || maskedURLPassword(v.Text) {
					n++
				}
			}
		}
	}
	return n
}

// maskedURLPassword: a URL whose password is a mask (user:*********@host).
func maskedURLPassword(v string) bool {
	_, rest, ok := strings.Cut(v, "://")
	if !ok {
		return false
	}
	cred, _, ok := strings.Cut(rest, "@")
	if !ok {
		return false
	}
	_, pw, ok := strings.Cut(cred, ":")
	return ok && secret.Masked(pw)
}

// serviceOf is the project of an INI kind: "nova" for nova.conf and
// nova-compute.conf, "neutron" for the agents' files.
func serviceOf(kind string) string {
	for _, p := range []string{"nova", "neutron", "keystone", "glance", "placement", "cinder"} {
		if strings.HasPrefix(kind, p) {
			return p
		}
	}
	if strings.HasSuffix(kind, ".ini") {
		return "neutron"
	}
	return strings.TrimSuffix(kind, ".conf")
}

// runNotes are the result's notes: discovery's (renamed nodes) and the
// masked credentials', sorted.
func runNotes(s *snapshot.Snapshot, files []*model.Loaded) []string {
	notes := slices.Clone(s.Notes)
	if n := maskedNote(files); n != "" {
		notes = append(notes, n)
	}
	sort.Strings(notes)
	return notes
}
