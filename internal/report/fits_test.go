package report

import (
	"testing"

	"github.com/stacklint/stacklint/internal/result"
)

// TestFitsNote: the summary says which releases every service fits equally
// well, only when the release taken is the oldest of them.
func TestFitsNote(t *testing.T) {
	list := []result.ServiceRelease{
		{Service: "nova", Release: "stein", Fits: []string{"stein", "train", "ussuri"}},
		{Service: "glance", Release: "stein", Fits: []string{"stein", "train"}},
	}
	if got := fitsNote("stein", list); got != "; stein to train fit equally, the oldest is taken" {
		t.Errorf("fitsNote = %q", got)
	}
	if got := fitsNote("train", list); got != "" {
		t.Errorf("fitsNote for a release that is not the oldest fit = %q", got)
	}
	if got := fitsNote("stein", list[:1][:1]); got != "; stein to ussuri fit equally, the oldest is taken" {
		t.Errorf("one service: %q", got)
	}
	if got := fitsNote("stein", []result.ServiceRelease{{Service: "nova", Release: "stein"}}); got != "" {
		t.Errorf("no ties: %q", got)
	}
}
