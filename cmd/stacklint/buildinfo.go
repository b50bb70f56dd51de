package main

import (
	"runtime/debug"

	"github.com/stacklint/stacklint/internal/cli"
)

// buildInfo is what --version prints: the linker's values (make build
// sets them from git), else what the Go toolchain recorded in the binary
// (`go install github.com/stacklint/stacklint/cmd/stacklint@v0.1.0`
// records the module version; a build in a git checkout records
// vcs.revision, vcs.time and vcs.modified).
func buildInfo(version, commit, date string) cli.BuildInfo {
	b := cli.BuildInfo{Version: version, Commit: commit, Date: date}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return b
	}
	return fromBuildInfo(b, info)
}

func fromBuildInfo(b cli.BuildInfo, info *debug.BuildInfo) cli.BuildInfo {
	if b.Version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		b.Version = info.Main.Version
	}
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			if b.Commit == "none" {
				b.Commit = s.Value
			}
		case "vcs.time":
			if b.Date == "unknown" {
				b.Date = s.Value
			}
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified && b.Version == "dev" {
		b.Version = "dev (modified)"
	}
	return b
}
