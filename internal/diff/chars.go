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

// Context is the number of characters of unchanged text shown on each
// side of an edit by Windows.
const Context = 40

// Windows is edits as shown: an equal part longer than twice Context
// keeps Context characters next to each edit, the rest elided as "…"
// (the first part keeps its end, the last its start); an inserted or
// deleted part is cut (Cut).
func Windows(edits []Edit) []Edit {
	out := make([]Edit, 0, len(edits))
	for i, e := range edits {
		if e.Op != "equal" {
			out = append(out, Edit{Op: e.Op, Text: Cut(e.Text)})
			continue
		}
		r := []rune(e.Text)
		first, last := i == 0, i == len(edits)-1
		switch {
		case first && last:
			e.Text = Cut(e.Text)
		case first && len(r) > Context:
			e.Text = "…" + string(r[len(r)-Context:])
		case last && len(r) > Context:
			e.Text = string(r[:Context]) + "…"
		case len(r) > 2*Context+1:
			e.Text = string(r[:Context]) + "…" + string(r[len(r)-Context:])
		}
		out = append(out, e)
	}
	return out
}
