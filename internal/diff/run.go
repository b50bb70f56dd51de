package diff

import (
	"context"
	"crypto/sha256"
	"fmt"
	"maps"
	"sort"
	"strings"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/internal/model"
	"github.com/stacklint/stacklint/internal/result"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// Run lints old and new with eng and opts (one configuration for both)
// and compares them. Both snapshots are discovered first and their
// fingerprints keyed by one digest of the two (Key), so that a secret
// that did not change has the same fingerprint on both sides. It returns
// the two runs' results beside the diff (their Root is the side's Path).
// A side that cannot be read is an error naming its label.
func Run(ctx context.Context, eng *engine.Engine, old, new Side, opts lint.Options) (*Diff, [2]*result.Result, error) {
	var results [2]*result.Result
	sides := [2]Side{old, new}
	var snaps [2]*snapshot.Snapshot
	for i, s := range sides {
		snap, err := snapshot.DiscoverWith(s.Path, snapshot.Options{MaxFileSize: opts.MaxFileSize, ArchiveBytes: opts.MaxArchiveSize})
		if err != nil {
			return nil, results, &SideError{Side: s, Err: err}
		}
		snaps[i] = snap
	}
	if err := configuredNodes(snaps, opts); err != nil {
		return nil, results, err
	}
	opts.Key = Key(model.SnapshotDigest(snaps[0]), model.SnapshotDigest(snaps[1]))
	opts.AllowMissingNodes = true // a node of one side only
	opts.KeepOff = true           // what the configuration drops: suppressedByChange
	var inputs [2]*Input
	for i, s := range sides {
		in := &Input{Label: s.Label, OwnConfig: s.OwnConfig}
		o := opts
		o.Snapshot = snaps[i]
		o.Built = func(d *model.Deployment, picked *model.Releases) {
			facts, node := Gather(places(d))
			in.Settings = lint.SettingsAnd(d, picked, node)
			facts.AddTop(d.Doc)
			in.Facts = facts
			in.Hostnames = d.Hostnames()
		}
		res, err := lint.Run(ctx, eng, s.Path, o)
		if err != nil {
			return nil, results, &SideError{Side: s, Err: err}
		}
		for _, n := range snaps[i].Nodes {
			in.Nodes = append(in.Nodes, n.Name)
		}
		in.Findings, in.Release = res.Findings, res.Release.Name
		in.Places = places(res.Deployment)
		inputs[i], results[i] = in, res
	}
	d := Compare(inputs[0], inputs[1])
	masked := false
	for i, r := range results {
		for _, n := range r.Notes {
			d.Notes = append(d.Notes, sides[i].Label+": "+n)
			masked = masked || strings.HasPrefix(n, "masked credentials")
		}
	}
	if masked {
		d.Notes = append(d.Notes, "masked values are compared as the tool wrote them: a change of the secret behind a mask does not show")
	}
	return d, results, nil
}

// places names every file of d by node and path below the node
// (Input.Places).
func places(d *model.Deployment) map[string]string {
	out := map[string]string{}
	if d == nil {
		return out
	}
	for _, f := range d.Files {
		if f.Node != "" {
			out[f.Path] = f.Node + ":" + f.NodePath
		}
	}
	return out
}

// configuredNodes fails (lint.ConfigError) when the configuration sets
// roles or addresses for a node neither side has: a misspelt name.
func configuredNodes(snaps [2]*snapshot.Snapshot, opts lint.Options) error {
	have := map[string]bool{}
	for _, s := range snaps {
		for _, n := range s.Nodes {
			have[n.Name] = true
		}
	}
	named := maps.Clone(opts.Roles)
	if opts.Config != nil {
		if named == nil {
			named = map[string][]string{}
		}
		maps.Copy(named, opts.Config.AddressOverrides())
	}
	var missing []string
	for n := range named {
		if !have[n] {
			missing = append(missing, n)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	sort.Strings(missing)
	return &lint.ConfigError{Msg: fmt.Sprintf("nodes: %s is a node of neither snapshot", strings.Join(missing, ", "))}
}

// Key is the fingerprint key of a diff: a digest of both sides' digests
// (model.SnapshotDigest) in order, OLD then NEW. It depends on the
// content of both, so fingerprints in the output still cannot be matched
// against guesses without the snapshots.
func Key(old, new []byte) []byte {
	h := sha256.New()
	h.Write([]byte("stacklint-diff-v1\x00"))
	h.Write(old)
	h.Write(new)
	return h.Sum(nil)
}

// SideError is a side that cannot be read or linted. Its message names
// the side by its label, never by its path.
type SideError struct {
	Side Side
	Err  error
}

func (e *SideError) Error() string { return fmt.Sprintf("%s: %s", e.Side.Label, e.Reason()) }

// Reason is the error without the side's name, its path replaced by its
// label.
func (e *SideError) Reason() string {
	msg := e.Err.Error()
	if e.Side.Path != e.Side.Label && e.Side.Path != "" {
		msg = strings.ReplaceAll(msg, e.Side.Path, e.Side.Label)
	}
	return msg
}

func (e *SideError) Unwrap() error { return e.Err }
