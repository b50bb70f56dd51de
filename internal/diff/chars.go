package diff

import "github.com/sergi/go-diff/diffmatchpatch"

// Chars is a character diff of old and new (diffmatchpatch, with its
// semantic cleanup, so that edits fall on word boundaries where they can).
func Chars(old, new string) []Edit {
	dmp := diffmatchpatch.New()
	diffs := dmp.DiffCleanupSemantic(dmp.DiffMain(old, new, false))
	out := make([]Edit, 0, len(diffs))
	for _, d := range diffs {
		op := "equal"
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = "insert"
		case diffmatchpatch.DiffDelete:
			op = "delete"
		}
		out = append(out, Edit{Op: op, Text: d.Text})
	}
	return out
}
