package snapshot

import (
	"os"
	"path/filepath"
	"slices"

	"github.com/stacklint/stacklint/internal/safefile"
)

// maxHomes bounds how many home/<user> folders holdsRC looks into.
const maxHomes = 1000

// holdsRC reports whether the folder dir is a machine's root holding rc
// files where installers and people keep them: root's home (Packstack
// writes /root/keystonerc_admin) or a user's (/home/<user>/admin-openrc).
// Such a folder is a node even without an etc/ (issue 20: seed 002's
// localhost/root/keystonerc_admin), so that its rc files count for it.
// Only real folders are looked into (links are not followed), and a file
// counts by its name (rcName: keystonerc*, *openrc*, *.rc, *_rc, *.sh,
// ...); whether a *.sh or *_rc file sets OS_AUTH_URL is decided when it
// is read.
func holdsRC(dir string) bool {
	homes := []string{filepath.Join(dir, "root")}
	if entries, _, err := safefile.ReadDir(filepath.Join(dir, "home")); err == nil {
		for _, e := range entries[:min(len(entries), maxHomes)] {
			if e.IsDir() {
				homes = append(homes, filepath.Join(dir, "home", e.Name()))
			}
		}
	}
	return slices.ContainsFunc(homes, func(h string) bool {
		entries, _, err := safefile.ReadDir(h)
		return err == nil && slices.ContainsFunc(entries, func(e os.DirEntry) bool {
			return !e.IsDir() && rcName(e.Name()) != rcNot
		})
	})
}
