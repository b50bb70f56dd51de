// Package release names the OpenStack releases stacklint knows and picks the
// one a run checks against: from --release, from .stacklint.yaml, or "auto".
package release

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Release is an OpenStack release: its name, its series ("2022.2" for
// Zed), which orders releases as strings do, and its codename. Releases up
// to Zed are named by codename, later ones by series (openstack/releases,
// data/series_status.yaml).
type Release struct {
	Name     string
	Series   string
	Codename string
}

// All are the releases a run can be checked against (--release, release:
// in .stacklint.yaml), oldest first: the releases internal/schema embeds an
// option and policy schema for (docs/schema.md; a test keeps the two
// lists equal).
var All = []Release{
	{Name: "stein", Series: "2019.1", Codename: "stein"},
	{Name: "train", Series: "2019.2", Codename: "train"},
	{Name: "ussuri", Series: "2020.1", Codename: "ussuri"},
	{Name: "victoria", Series: "2020.2", Codename: "victoria"},
	{Name: "wallaby", Series: "2021.1", Codename: "wallaby"},
	{Name: "xena", Series: "2021.2", Codename: "xena"},
	{Name: "yoga", Series: "2022.1", Codename: "yoga"},
	{Name: "zed", Series: "2022.2", Codename: "zed"},
	{Name: "2023.1", Series: "2023.1", Codename: "antelope"},
	{Name: "2023.2", Series: "2023.2", Codename: "bobcat"},
	{Name: "2024.1", Series: "2024.1", Codename: "caracal"},
	{Name: "2024.2", Series: "2024.2", Codename: "dalmatian"},
	{Name: "2025.1", Series: "2025.1", Codename: "epoxy"},
	{Name: "2025.2", Series: "2025.2", Codename: "flamingo"},
	{Name: "2026.1", Series: "2026.1", Codename: "gazpacho"},
	{Name: "2026.2", Series: "2026.2", Codename: "hibiscus"},
}

// aliasOf is another spelling of a known release: its series for a
// codename-named release, its codename for a series-named one.
func aliasOf(r Release) string {
	if r.Name == r.Series {
		return r.Codename
	}
	return r.Series
}

// Auto is the setting that lets stacklint decide.
const Auto = "auto"

// Choice is the release of a run and how it was chosen.
type Choice struct {
	Release
	Source string // "--release", the config file's path, or "auto"
	Why    string // what auto based its choice on, or why it made none
	// Services are releases set for single services by service name
	// ("nova=2023.2"): they win over Release and over auto detection.
	Services map[string]Choice
}

// Known reports whether a release was chosen (auto may leave it unknown).
func (c Choice) Known() bool { return c.Name != "" }

// Doc is the model document's "release" field the rules read.
func (c Choice) Doc() map[string]any {
	return map[string]any{"name": c.Name, "series": c.Series, "source": c.Source, "why": c.Why}
}

// Names lists the accepted settings.
func Names() []string {
	out := []string{}
	for _, r := range All {
		out = append(out, r.Name)
	}
	return append(out, Auto)
}

// Valid reports whether s is a release name, an alias or auto.
func Valid(s string) bool {
	_, err := lookup(s)
	return err == nil || strings.EqualFold(s, Auto)
}

func lookup(s string) (Release, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, r := range All {
		if r.Name == name || aliasOf(r) == name {
			return r, nil
		}
	}
	return Release{}, fmt.Errorf("unknown release %s (one of %s)", shown(s), strings.Join(Names(), ", "))
}

// Services are the services a release can be set for one by one
// ("nova=2023.2"): those stacklint has option or policy schemas of.
var Services = []string{"cinder", "glance", "keystone", "neutron", "nova", "placement"}

// Select picks the release from the flag, else the config setting (source
// names where it came from), else auto. Each setting is a comma-separated
// list of a release for every service and SERVICE=RELEASE items for single
// services ("auto,nova=2023.2", "zed,neutron=2023.1"); the flag's items
// win over the configuration's, the release for every service and each
// service's apart. The error names the item it cannot read.
func Select(flag, configured, source string) (Choice, error) {
	out := auto()
	for _, setting := range []struct{ text, from string }{{configured, source}, {flag, "--release"}} {
		if err := out.apply(setting.text, setting.from); err != nil {
			return Choice{}, err
		}
	}
	return out, nil
}

// Check reports whether a setting (the flag's or the configuration's) can
// be read, naming the item it cannot.
func Check(setting string) error {
	var c Choice
	return c.apply(setting, "")
}

// apply reads one setting onto the choice. A setting of white space only
// is no setting. An empty item (",", "zed,", "auto,,nova=zed") and an item
// given twice (two releases for every service, or for one service) are
// errors naming them; errors quote at most maxShown characters of what
// they name (shown).
func (c *Choice) apply(setting, from string) error {
	if strings.TrimSpace(setting) == "" {
		return nil
	}
	seen := map[string]bool{}
	for i, item := range strings.Split(setting, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return fmt.Errorf("item %d of %s is empty: items are releases and SERVICE=RELEASE pairs separated by single commas (auto,nova=2023.2)", i+1, shown(setting))
		}
		who, set, err := readItem(item, from)
		if err != nil {
			return err
		}
		if seen[who] {
			return fmt.Errorf("%s sets the release of %s a second time in %s", shown(item), who, shown(setting))
		}
		seen[who] = true
		c.set(who, set)
	}
	return nil
}

// everyService is who an item without SERVICE= sets the release of.
const everyService = "every service"

// readItem reads one item: who it sets the release of (a service, or
// everyService) and the release (unknown for auto).
func readItem(item, from string) (who string, set Choice, err error) {
	service, name, single := strings.Cut(item, "=")
	if !single {
		name, who = service, everyService
	} else {
		who = strings.ToLower(strings.TrimSpace(service))
		if !slices.Contains(Services, who) {
			return "", Choice{}, fmt.Errorf("unknown service %s in %s (one of %s)", shown(who), shown(item), strings.Join(Services, ", "))
		}
	}
	if strings.EqualFold(strings.TrimSpace(name), Auto) {
		return who, Choice{}, nil
	}
	r, err := lookup(name)
	if err != nil && single {
		return "", Choice{}, fmt.Errorf("%s: %w", shown(item), err)
	}
	if err != nil {
		return "", Choice{}, err
	}
	return who, Choice{Release: r, Source: from}, nil
}

// set records an item's release: for every service (keeping the single
// services' items), or for one service (auto: detected after all).
func (c *Choice) set(who string, set Choice) {
	if who == everyService {
		services := c.Services
		if set.Known() {
			*c = set
		} else {
			*c = auto()
		}
		c.Services = services
		return
	}
	if c.Services == nil {
		c.Services = map[string]Choice{}
	}
	if set.Known() {
		c.Services[who] = set
	} else {
		delete(c.Services, who)
	}
}

// For is the release set for a service: its own item, else the release
// for every service (unknown under auto).
func (c Choice) For(service string) Choice {
	if s, ok := c.Services[service]; ok {
		return s
	}
	return Choice{Release: c.Release, Source: c.Source}
}

// auto leaves the release to be detected: the lint run picks the release
// whose option schema fits the snapshot best. Until then (and when the
// snapshot has no option a schema covers) it is unknown, and release-aware
// checks stay silent.
func auto() Choice {
	return Choice{Source: Auto, Why: "not detected: no option of a file kind the schemas cover; release-aware checks are skipped, set --release or release: in .stacklint.yaml"}
}

// maxShown is how many characters of a setting or item an error quotes.
const maxShown = 80

// shown quotes s for an error message (Go-quoted, control characters
// escaped): whole up to maxShown characters, else its first maxShown,
// "…" and its length ("\"zed,zed,…\"… (1048576 bytes)"), so that a huge
// --release value is never echoed whole.
func shown(s string) string {
	n := 0
	for i := range s {
		if n == maxShown {
			return fmt.Sprintf("%s… (%d bytes)", strconv.Quote(s[:i]), len(s))
		}
		n++
	}
	return strconv.Quote(s)
}
