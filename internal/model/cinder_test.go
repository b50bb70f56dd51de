package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
)

// TestCinderProcesses: cinder.conf places cinder-api and cinder-scheduler
// on a controller and cinder-volume where it configures a backend (the
// storage role); RDO's cinder-dist.conf is loaded first; a backend
// section's keys are looked up in [backend_defaults] (backend_host in
// [backend]), so the RBD options are no unknown options.
func TestCinderProcesses(t *testing.T) {
	s := writeTree(t, map[string]string{
		"ctl/etc/keystone/keystone.conf":       "[DEFAULT]\n",
		"ctl/etc/cinder/cinder.conf":           "[DEFAULT]\nauth_strategy = keystone\n",
		"st/usr/share/cinder/cinder-dist.conf": "[DEFAULT]\nlog_dir = /var/log/cinder\n",
		"st/etc/cinder/cinder.conf":            "[DEFAULT]\nenabled_backends = ceph\nmy_ip = 10.0.0.41\n[ceph]\nvolume_driver = cinder.volume.drivers.rbd.RBDDriver\nrbd_pool = volumes\nbackend_host = rbd:volumes\nrbd_pol = x\n",
	})
	doc := Build(s).Plain()["nodes"].(map[string]any)
	node := func(n string) map[string]any { return doc[n].(map[string]any) }
	if got := node("ctl")["services"]; !reflect.DeepEqual(got, []any{"cinder-api", "cinder-scheduler", "keystone"}) {
		t.Errorf("controller services %v", got)
	}
	if got := node("st")["services"]; !reflect.DeepEqual(got, []any{"cinder-volume"}) {
		t.Errorf("storage services %v", got)
	}
	if got := node("st")["roles"]; !reflect.DeepEqual(got, []any{"storage"}) {
		t.Errorf("storage roles %v", got)
	}
	files := filesOf(t, node("st")["processes"].(map[string]any), "cinder-volume")
	if want := []any{"st/usr/share/cinder/cinder-dist.conf", "st/etc/cinder/cinder.conf"}; !reflect.DeepEqual(files, want) {
		t.Errorf("cinder-volume files %v, want %v", files, want)
	}
	status := map[string]string{}
	rel := buildRelease(t, "2025.1", map[string]string{"st/etc/cinder/cinder.conf": cinderConf})
	for _, f := range rel["nodes"].(map[string]any)["st"].(map[string]any)["files"].(map[string]any) {
		for key, occs := range f.(map[string]any)["sections"].(map[string]any)["ceph"].(map[string]any) {
			sch, _ := occs.([]any)[0].(map[string]any)["schema"].(map[string]any)
			status[key], _ = sch["status"].(string)
		}
	}
	want := map[string]string{"volume_driver": "ok", "rbd_pool": "ok", "backend_host": "ok", "rbd_pol": "unknown"}
	if !reflect.DeepEqual(status, want) {
		t.Errorf("schema status of [ceph] keys %v, want %v", status, want)
	}
}

const cinderConf = "[DEFAULT]\nenabled_backends = ceph\nmy_ip = 10.0.0.41\n[ceph]\nvolume_driver = cinder.volume.drivers.rbd.RBDDriver\nrbd_pool = volumes\nbackend_host = rbd:volumes\nrbd_pol = x\n"

// TestCephFilesInDocument: ceph.conf settings reach the document with
// their names normalised and their lines; a keyring's key only as a
// fingerprint.
func TestCephFilesInDocument(t *testing.T) {
	key := "AQBsecretkeyvalue000000000000000000000=="
	s := writeTree(t, map[string]string{
		"c1/etc/ceph/ceph.conf":                  "[global]\n  mon host = 10.0.0.51 ; monitors\nfsid=6c2f\n",
		"c1/etc/ceph/ceph.client.cinder.keyring": "[client.cinder]\n\tkey = " + key + "\n",
	})
	d := Build(s).Plain()
	files := d["nodes"].(map[string]any)["c1"].(map[string]any)["files"].(map[string]any)
	var conf, ring map[string]any
	for _, f := range files {
		fd := f.(map[string]any)
		switch fd["kind"] {
		case "ceph.conf":
			conf = fd["ceph"].(map[string]any)
		case "ceph-keyring":
			ring = fd["ceph"].(map[string]any)
		}
	}
	if mon := conf["global"].(map[string]any)["mon_host"]; !reflect.DeepEqual(mon, map[string]any{"value": "10.0.0.51", "line": 2}) {
		t.Errorf("mon_host %v", mon)
	}
	k := ring["client.cinder"].(map[string]any)["key"].(map[string]any)
	if fp, _ := k["fp"].(string); len(fp) != 6 || k["value"] != nil {
		t.Errorf("keyring key %v", k)
	}
	if strings.Contains(plainString(d), key) {
		t.Error("the keyring's key is in the document")
	}
}

// plainString renders a document for substring checks.
func plainString(d map[string]any) string {
	b, err := json.Marshal(d)
	if err != nil {
		return err.Error()
	}
	return string(b)
}
