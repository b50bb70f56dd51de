package main

import (
	"os"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/internal/cli"
)

// TestFromBuildInfo: without linker values, --version tells what the Go
// toolchain recorded: the module version of `go install ...@v0.1.0`, the
// commit and time of a build in a checkout; linker values win.
func TestFromBuildInfo(t *testing.T) {
	unset := cli.BuildInfo{Version: "dev", Commit: "none", Date: "unknown"}
	installed := &debug.BuildInfo{Main: debug.Module{Version: "v0.1.0"}}
	if got := fromBuildInfo(unset, installed); got.Version != "v0.1.0" {
		t.Errorf("go install: %+v", got)
	}
	checkout := &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "9e34808"}, {Key: "vcs.time", Value: "2026-11-30T06:42:31Z"}, {Key: "vcs.modified", Value: "true"},
	}}
	if got := fromBuildInfo(unset, checkout); got != (cli.BuildInfo{Version: "dev (modified)", Commit: "9e34808", Date: "2026-11-30T06:42:31Z"}) {
		t.Errorf("go build in a checkout: %+v", got)
	}
	linked := cli.BuildInfo{Version: "v0.2.0", Commit: "abc", Date: "2026-11-30"}
	if got := fromBuildInfo(linked, checkout); got != linked {
		t.Errorf("linker values lost: %+v", got)
	}
}

// TestGoDirective: go.mod asks for the language version only (go 1.26.0),
// not a patch release, so a Go 1.26.x of any patch builds stacklint
// without downloading a toolchain (`go 1.26.8` did on 1.26.0..1.26.7).
func TestGoDirective(t *testing.T) {
	data, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "go "); ok {
			if parts := strings.Split(v, "."); len(parts) > 2 && parts[2] != "0" {
				t.Errorf("go.mod: %q needs Go %s or a toolchain download; write go %s.%s.0", line, v, parts[0], parts[1])
			}
			return
		}
		if strings.HasPrefix(line, "toolchain ") {
			t.Errorf("go.mod: %q forces a toolchain", line)
		}
	}
	t.Error("go.mod has no go directive")
}
