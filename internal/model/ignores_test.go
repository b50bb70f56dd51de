package model

import (
	"reflect"
	"testing"
)

// TestIgnores: comments above a key apply to the key's line (through
// further comments), ignore-file to the file; a missing reason, a missing
// id or a late ignore-file is an error of the comment.
func TestIgnores(t *testing.T) {
	data := []byte("# stacklint:ignore-file SL-HYG-013 this node is different on purpose\n" +
		"[DEFAULT]\n" +
		"# stacklint:ignore SL-PASS-011 lab cloud, shared on purpose\n" +
		"# another comment\n" +
		"debug = true\n" +
		"; stacklint:ignore SL-HYG-009\n" +
		"verbose = true\n" +
		"# stacklint:ignore-file SL-X-1 too late\n" +
		"# stacklint:ignore\n")
	got := ignores(data)
	want := []Ignore{
		{Line: 1, Rule: "SL-HYG-013", Reason: "this node is different on purpose"},
		{Line: 3, Target: 5, Rule: "SL-PASS-011", Reason: "lab cloud, shared on purpose"},
		{Line: 6, Target: 7, Rule: "SL-HYG-009", Err: "stacklint:ignore SL-HYG-009 has no reason (say why the finding is accepted)"},
		{Line: 8, Rule: "SL-X-1", Reason: "too late", Err: "stacklint:ignore-file must come before the first section or setting"},
		{Line: 9, Err: "stacklint:ignore needs a rule id and a reason"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ignores:\n got %+v\nwant %+v", got, want)
	}
}
