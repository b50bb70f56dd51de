package lint

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/release"
	"github.com/stacklint/stacklint/internal/schema"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// loadTree writes files (path under the snapshot → text) and loads them.
func loadTree(t *testing.T, files map[string]string) []*model.Loaded {
	t.Helper()
	root := t.TempDir()
	for rel, text := range files {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := snapshot.Discover(root)
	if err != nil {
		t.Fatal(err)
	}
	return model.Build(snap).Files
}

// stockFile is keystone's stock policy.json of a release, rebuilt from the
// embedded data.
func stockFile(t *testing.T, rel string, names []string) string {
	t.Helper()
	doc := map[string]any{}
	for _, name := range names {
		for _, sp := range schema.StockPolicies("keystone", name) {
			if slices.Contains(sp.Releases, rel) {
				doc[name] = sp.Check
			}
		}
	}
	b, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestStockPolicyMarksOlder: a keystone.conf every release reads, beside
// Mitaka's own stock policy.json, is older than every schema (the policy
// file says so); the same keystone.conf with a short modern policy.yaml is
// not.
func TestStockPolicyMarksOlder(t *testing.T) {
	names := []string{"admin_required", "service_role", "service_or_admin", "owner", "admin_or_owner",
		"default", "identity:get_region", "identity:list_regions", "identity:create_region",
		"identity:list_trusts", "identity:delete_trust", "identity:list_projects_for_groups",
		"identity:list_revoke_events", "identity:get_service", "identity:list_services"}
	conf := "[DEFAULT]\ndebug = false\n[database]\nconnection = mysql+pymysql://keystone:x@db/keystone\n[token]\nprovider = fernet\n"
	for _, tc := range []struct {
		policy, text string
		older        bool
		conf         string
	}{
		{"ctl/etc/keystone/policy.json", stockFile(t, "mitaka", names), true, conf},
		{"ctl/etc/keystone/policy.yaml", "\"identity:list_users\": \"role:admin\"\n", false, conf},
		// policy files only: their names are the evidence, as they are beside a keystone.conf
		{"ctl/etc/keystone/policy.json", stockFile(t, "mitaka", names), true, ""},
	} {
		tree := map[string]string{tc.policy: tc.text}
		if tc.conf != "" {
			tree["ctl/etc/keystone/keystone.conf"] = tc.conf
		}
		files := loadTree(t, tree)
		choice := release.Choice{Source: release.Auto}
		r, list := pickReleases(&choice, files)
		p := r.For("ctl", "keystone")
		if p == nil || p.BelowOldest != tc.older || p.Name != release.All[0].Name {
			t.Errorf("%s: pick %+v, want below_oldest %v on %s", tc.policy, p, tc.older, release.All[0].Name)
		}
		if len(list) != 1 || list[0].BelowOldest != tc.older {
			t.Errorf("%s: releases list %+v", tc.policy, list)
		}
	}
}

// TestMixedReleases: the release that fits the most services on the most
// nodes is taken where it fits; a node whose options only a later release
// reads gets that release (an upgrade halfway through).
func TestMixedReleases(t *testing.T) {
	files := loadTree(t, map[string]string{
		"ctl/etc/nova/nova.conf": "[api]\nuse_forwarded_for = false\n",
		"c1/etc/nova/nova.conf":  "[DEFAULT]\nmy_ip = 10.0.0.31\n",
		"c2/etc/nova/nova.conf":  "[DEFAULT]\nmy_shared_fs_storage_ip = 10.0.0.32\ndefault_green_pool_size = 100\n",
	})
	choice := release.Choice{Source: release.Auto}
	r, list := pickReleases(&choice, files)
	ctl, c1, c2 := r.For("ctl", "nova"), r.For("c1", "nova"), r.For("c2", "nova")
	if ctl.Name != c1.Name || c2.Series < "2025.1" || ctl.Series >= "2025.1" {
		t.Errorf("ctl %s, c1 %s, c2 %s: want ctl and c1 on one release before 2025.1, c2 on 2025.1 or later", ctl.Name, c1.Name, c2.Name)
	}
	if len(list) != 2 {
		t.Errorf("releases list %+v, want two entries for nova", list)
	}
}

// TestTyposAreNoAge: options no release knows but that are plainly
// mistakes (close misspellings, upper case, a plugin's section) are no
// evidence that the files are older than every schema, so the typos stay
// reported; an empty file gives no release at all (red team, issue 15).
func TestTyposAreNoAge(t *testing.T) {
	conf := "[DEFAULT]\nmy_ip = 10.0.0.11\ntransport_url = rabbit://openstack:x@ctl\n" +
		"[api]\nauth_strategy = keystone\n[glance]\napi_servers = http://ctl:9292\n" +
		"[neutron]\nservce_metadata_proxy = true\nmetadata_proxy_shared_secrt = x\nauth_type = password\n" +
		"[libvirt]\nvirt_tpye = kvm\n[ml2_odl]\nurl = http://odl\nusername = admin\n[oslo_concurrency]\nlock_path = /var/lib/nova/tmp\n"
	files := loadTree(t, map[string]string{"ctl/etc/nova/nova.conf": conf, "c1/etc/nova/nova.conf": "[DEFAULT]\n"})
	choice := release.Choice{Source: release.Auto}
	r, list := pickReleases(&choice, files)
	if p := r.For("ctl", "nova"); p == nil || p.BelowOldest {
		t.Errorf("typos taken for age: %+v", p)
	}
	for _, e := range list {
		if slices.Contains(e.Nodes, "c1") {
			t.Errorf("an empty nova.conf got a release of its own: %+v", e)
		}
	}
}

// TestNodeEvidence: a node runs one release's packages as a rule: a stale
// [cells] enable in nova.conf does not make a node whose glance sets
// 2024.1's options a Stein node (corpus: bobcat, zed). The same nova.conf
// on a node with nothing newer stays on Stein (its own evidence), and a
// nova.conf setting an option no release knows neither gives nor takes
// the node's evidence (it may be older than every schema).
func TestNodeEvidence(t *testing.T) {
	nova := "[DEFAULT]\nmy_ip = 10.0.0.11\n[api]\nauth_strategy = keystone\n[cells]\nenable = false\n"
	glance := "[DEFAULT]\ndo_secure_hash = true\n[glance_store]\nstores = file\n"
	files := loadTree(t, map[string]string{
		"ctl/etc/nova/nova.conf":         nova,
		"ctl/etc/glance/glance-api.conf": glance,
		"c1/etc/nova/nova.conf":          nova,
		"old/etc/nova/nova.conf":         nova + "[DEFAULT]\nlibvirt_type = kvm\n",
		"old/etc/glance/glance-api.conf": glance,
	})
	choice := release.Choice{Source: release.Auto}
	r, _ := pickReleases(&choice, files)
	if p := r.For("ctl", "nova"); p.Series < "2024.1" {
		t.Errorf("ctl nova %s: want 2024.1 or later, as its glance: %s", p.Name, p.Why)
	}
	if p := r.For("c1", "nova"); p.Name != "stein" {
		t.Errorf("c1 nova %s: want stein (its stale [cells] enable)", p.Name)
	}
	if p := r.For("old", "nova"); p.Name != "stein" || !p.Oldest {
		t.Errorf("old nova %s (oldest %v): want stein, leaning older", p.Name, p.Oldest)
	}
}

// TestServiceReleaseSet: a release set for one service wins over auto
// detection and over the release set for every service; the other
// services keep theirs.
func TestServiceReleaseSet(t *testing.T) {
	files := loadTree(t, map[string]string{
		"ctl/etc/nova/nova.conf":       "[DEFAULT]\nmy_shared_fs_storage_ip = 10.0.0.11\n",
		"ctl/etc/neutron/neutron.conf": "[DEFAULT]\ncore_plugin = ml2\n",
	})
	for _, tc := range []struct{ setting, nova, neutron string }{
		{"auto,neutron=2023.2", "", "2023.2"},
		{"zed,neutron=2023.2", "zed", "2023.2"},
		{"nova=2024.1", "2024.1", ""},
	} {
		choice, err := release.Select(tc.setting, "", "")
		if err != nil {
			t.Fatal(err)
		}
		r, list := pickReleases(&choice, files)
		nova, neutron := r.For("ctl", "nova"), r.For("ctl", "neutron")
		if tc.nova != "" && (nova.Name != tc.nova || nova.Source != "--release") {
			t.Errorf("%s: nova %s from %s", tc.setting, nova.Name, nova.Source)
		}
		if tc.nova == "" && (nova.Source != release.Auto || nova.Series < "2025.1") {
			t.Errorf("%s: nova %s from %s, want detected (2025.1 or later)", tc.setting, nova.Name, nova.Source)
		}
		if tc.neutron != "" && (neutron.Name != tc.neutron || !strings.Contains(neutron.Why, "for neutron")) {
			t.Errorf("%s: neutron %s (%s)", tc.setting, neutron.Name, neutron.Why)
		}
		if tc.neutron == "" && neutron.Source != release.Auto {
			t.Errorf("%s: neutron %s from %s, want detected", tc.setting, neutron.Name, neutron.Source)
		}
		if len(list) != 2 {
			t.Errorf("%s: releases list %+v", tc.setting, list)
		}
	}
}

// TestSetReleaseLeads: under auto, a release set for one service is the
// deployment's for the others when their files fit it as well as any
// (keystone below fits every release alike), and the run's
// release says so; a service whose files do not fit it keeps its own
// (neutron's core_plugin-only file fits all; nova's my_shared_fs_storage_ip
// is 2025.1 on).
func TestSetReleaseLeads(t *testing.T) {
	files := loadTree(t, map[string]string{
		"ctl/etc/nova/nova.conf":         "[DEFAULT]\nmy_shared_fs_storage_ip = 10.0.0.11\n",
		"ctl/etc/neutron/neutron.conf":   "[DEFAULT]\ncore_plugin = ml2\n",
		"idm/etc/keystone/keystone.conf": "[token]\nprovider = fernet\n",
	})
	choice, err := release.Select("auto,neutron=2023.2", "", "")
	if err != nil {
		t.Fatal(err)
	}
	r, list := pickReleases(&choice, files)
	keystone := r.For("idm", "keystone") // on a node of its own: nova's newer option is no evidence for it
	if keystone.Name != "2023.2" || !strings.Contains(keystone.Why, "set for neutron by --release") {
		t.Errorf("keystone %s: %s", keystone.Name, keystone.Why)
	}
	if strings.Contains(keystone.Why, "mixed releases") {
		t.Errorf("keystone fits 2023.2 on its only node, yet: %s", keystone.Why)
	}
	if nova := r.For("ctl", "nova"); nova.Series < "2025.1" {
		t.Errorf("nova %s: its option is 2025.1 on, the set release must not pull it back", nova.Name)
	}
	if len(list) != 3 {
		t.Errorf("releases list %+v", list)
	}
	choice, _ = release.Select("auto,nova=2025.2", "", "")
	pickReleases(&choice, files)
	if choice.Name != "2025.2" || !strings.Contains(choice.Why, "set for nova by --release") {
		t.Errorf("run release %s: %s", choice.Name, choice.Why)
	}
}

// TestOlderNamesAreAge: an option only a release before Stein read
// (schema.Older: neutron read nova_metadata_ip until Pike) says the files
// may be older than every schema, although Stein reads a close name; a
// misspelling of it that no release ever read says nothing.
func TestOlderNamesAreAge(t *testing.T) {
	for key, older := range map[string]bool{"nova_metadata_ip": true, "nova_metdata_ip": false} {
		files := loadTree(t, map[string]string{
			"ctl/etc/neutron/metadata_agent.ini": "[DEFAULT]\n" + key + " = 10.0.0.11\nmetadata_proxy_shared_secret = s\n",
		})
		choice := release.Choice{Source: release.Auto}
		r, _ := pickReleases(&choice, files)
		if p := r.For("ctl", "neutron"); p == nil || p.Oldest != older {
			t.Errorf("%s: pick %+v, want leaning older %v", key, p, older)
		}
	}
}
