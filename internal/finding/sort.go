package finding

import "sort"

// Sort orders findings by their primary location's path, line and column,
// then rule and message; it is stable, so equal findings keep their order.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		la, lb := Primary(a), Primary(b)
		switch {
		case la.Path != lb.Path:
			return la.Path < lb.Path
		case la.Line != lb.Line:
			return la.Line < lb.Line
		case la.Column != lb.Column:
			return la.Column < lb.Column
		case a.Rule != b.Rule:
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}
