package finding

import "testing"

// TestFingerprint: moving a finding (line numbers in its location and
// message) keeps its fingerprint; another key, path or message changes it.
func TestFingerprint(t *testing.T) {
	base := Finding{Rule: "SL-X-1", Message: "a at nova.conf:12 (lines 5, 13) differs", Locations: []Location{{Path: "c/etc/nova/nova.conf", Line: 12, Section: "DEFAULT", Key: "debug"}}}
	moved := base
	moved.Message = "a at nova.conf:40 (lines 7, 41) differs"
	base.Message += " (fp:0a1b2c)"
	moved.Message += " (fp:99ffee)"
	moved.Locations = []Location{{Path: "c/etc/nova/nova.conf", Line: 40, Section: "DEFAULT", Key: "debug"}}
	if Fingerprint(base) != Fingerprint(moved) {
		t.Error("a moved finding changed its fingerprint")
	}
	for _, other := range []Finding{
		{Rule: "SL-X-1", Message: base.Message, Locations: []Location{{Path: "c/etc/nova/nova.conf", Section: "DEFAULT", Key: "host"}}},
		{Rule: "SL-X-1", Message: base.Message, Locations: []Location{{Path: "d/etc/nova/nova.conf", Section: "DEFAULT", Key: "debug"}}},
		{Rule: "SL-X-1", Message: "b differs", Locations: base.Locations},
		{Rule: "SL-X-2", Message: base.Message, Locations: base.Locations},
	} {
		if Fingerprint(other) == Fingerprint(base) {
			t.Errorf("%+v has the base's fingerprint", other)
		}
	}
}
