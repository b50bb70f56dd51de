package gitrev

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// git runs the git found in PATH with a sanitized environment.
type git struct {
	bin string
	env []string
}

// keptGitVar tells the caller's GIT_* variables that only bound or extend
// the search for a repository or name the user's configuration (where
// safe.directory may be): none redirects git to another repository, index
// or object store.
func keptGitVar(name string) bool {
	switch name {
	case "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_CONFIG_GLOBAL":
		return true
	}
	return false
}

func newGit() (*git, error) {
	bin, err := exec.LookPath("git")
	if err != nil {
		return nil, errors.New("stacklint diff --rev needs git in PATH")
	}
	return &git{bin: bin, env: gitEnv(os.Environ())}, nil
}

// gitEnv is environ without the GIT_* variables (but keptGitVars) and the
// locale, plus what makes git read-only, quiet and predictable.
func gitEnv(environ []string) []string {
	var env []string
	for _, kv := range environ {
		name, _, _ := strings.Cut(kv, "=")
		switch {
		case strings.HasPrefix(name, "GIT_") && !keptGitVar(name):
		case name == "LC_ALL" || name == "LANG" || name == "LANGUAGE" || strings.HasPrefix(name, "LC_"):
		default:
			env = append(env, kv)
		}
	}
	return append(env,
		"LC_ALL=C",
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_OPTIONAL_LOCKS=0",  // never refresh the index as a side effect
		"GIT_NO_LAZY_FETCH=1",   // a partial clone's missing blob is an error, not a fetch into the repository
		"GIT_TERMINAL_PROMPT=0", // never wait for a password
		"GIT_PAGER=cat",
	)
}

// command is git with the global options of every call: no pager, literal
// pathspecs (a prefix holding `*` or starting with `:` is a path) and no
// file-system monitor (a configured one is a program git would start).
func (g *git) command(ctx context.Context, dir string, args ...string) *exec.Cmd {
	full := append([]string{"--no-pager", "--literal-pathspecs", "-c", "core.fsmonitor=false"}, args...)
	cmd := exec.CommandContext(ctx, g.bin, full...)
	cmd.Dir = dir
	cmd.Env = g.env
	cmd.WaitDelay = 5 * time.Second
	return cmd
}

// output runs git and returns its standard output less one final newline;
// an error carries the first line of its standard error.
func (g *git) output(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := g.command(ctx, dir, args...)
	var out bytes.Buffer
	stderr := &headBuffer{}
	cmd.Stdout, cmd.Stderr = &out, stderr
	if err := cmd.Run(); err != nil {
		return "", &runError{err: err, stderr: stderr.firstLine()}
	}
	return strings.TrimSuffix(out.String(), "\n"), nil
}

// runError is a git command that failed: its exit status and the first
// line it wrote on standard error.
type runError struct {
	err    error
	stderr string
}

func (e *runError) Error() string {
	if e.stderr != "" {
		return "git: " + e.stderr
	}
	return "git: " + e.err.Error()
}

func (e *runError) Unwrap() error { return e.err }

// exitCode is the exit status of a git that ran and failed, else -1.
func exitCode(err error) int {
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	return -1
}

// headBuffer keeps the first 4 KiB written to it (git's standard error).
type headBuffer struct{ b []byte }

func (h *headBuffer) Write(p []byte) (int, error) {
	if room := 4096 - len(h.b); room > 0 {
		h.b = append(h.b, p[:min(room, len(p))]...)
	}
	return len(p), nil
}

func (h *headBuffer) firstLine() string {
	line, _, _ := strings.Cut(strings.TrimSpace(string(h.b)), "\n")
	return strings.Map(func(r rune) rune {
		if !unicode.IsGraphic(r) {
			return '?'
		}
		return r
	}, strings.TrimSpace(line))
}

// show is s as a message shows it: as written when it is printable without
// spaces or quotes, else Go-quoted; cut to 80 characters.
func show(s string) string {
	if s == "" {
		return `""`
	}
	cut := s
	if r := []rune(s); len(r) > 80 {
		cut = string(r[:80]) + "..."
	}
	for _, r := range s {
		if !unicode.IsGraphic(r) || unicode.IsSpace(r) || r == '"' || r == '\\' || r == unicode.ReplacementChar {
			return strconv.Quote(cut)
		}
	}
	return cut
}
