package lint

import (
	"bytes"
	"context"
	"encoding/json"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/snapshot"
)

// ModelDocument is the model document of the snapshot at path exactly as
// the rules receive it as input (what `stacklint inspect --model` prints):
// the model with every node's document built and the index computed,
// plus "release", "params" (eng's rules' parameters with opts.Config's
// overrides) and "defaults", as Run adds them. Secrets are fingerprints
// (the model holds no secret value). The snapshot's problems (files not
// read, and why) are returned beside it; errors are Run's.
func ModelDocument(ctx context.Context, eng *engine.Engine, path string, opts Options) (map[string]any, []snapshot.Problem, error) {
	p, err := prepare(ctx, eng, path, opts)
	if err != nil {
		return nil, nil, err
	}
	return asEvaluated(p.d.Plain()), p.snap.Problems, nil
}

// asEvaluated is a Plain document as the engine hands it to the rules:
// the engine assembles the index from its parts' entries, so an index
// list without entries (no occurrence carries a fact) is absent, not
// empty.
func asEvaluated(doc map[string]any) map[string]any {
	index, _ := doc["index"].(map[string]any)
	for _, part := range index {
		lists, _ := part.(map[string]any)
		for k, v := range lists {
			if l, ok := v.([]any); ok && len(l) == 0 {
				delete(lists, k)
			}
		}
	}
	return doc
}

// ModelJSON is ModelDocument as indented JSON (keys sorted, one trailing
// newline), redacted once more as every output is: a secret substituted
// into another value would show as its fingerprint.
func ModelJSON(ctx context.Context, eng *engine.Engine, path string, opts Options) ([]byte, []snapshot.Problem, error) {
	p, err := prepare(ctx, eng, path, opts)
	if err != nil {
		return nil, nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(asEvaluated(p.d.Plain())); err != nil {
		return nil, nil, err
	}
	return []byte(p.d.Keys.Redact(b.String())), p.snap.Problems, nil
}
