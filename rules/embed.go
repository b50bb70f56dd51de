// Package rules embeds stacklint's Rego rules: one directory per rule under
// <category>/<name>/, shared helpers under lib/.
package rules

import "embed"

// FS holds every rule, its unit tests and the shared library.
//
//go:embed lib/*.rego */*/*.rego catalog.yaml
var FS embed.FS
