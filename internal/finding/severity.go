package finding

// Severities lists the finding levels, from most to least severe:
// "error", "warning", "info" (a fresh slice at each call).
func Severities() []string {
	return []string{"error", "warning", "info"}
}

// KnownSeverity reports whether s is one of Severities.
func KnownSeverity(s string) bool {
	return SeverityRank(s) > 0
}

// SeverityRank orders severities: error 3, warning 2, info 1, unknown 0.
func SeverityRank(s string) int {
	all := Severities()
	for i, v := range all {
		if v == s {
			return len(all) - i
		}
	}
	return 0
}
