// Package ghaction reads action.yml, stacklint's GitHub Action (a
// composite action at the repository's root), so that its tests can check
// how inputs, steps and outputs refer to each other and run its steps on
// this machine (make integration) the way a GitHub runner would.
package ghaction

import (
	"fmt"
	"os"
	"regexp"
	"strings"

	"gopkg.in/yaml.v3"
)

// Action is the part of action.yml's metadata stacklint uses
// (docs.github.com, "Metadata syntax for GitHub Actions").
type Action struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description"`
	Author      string            `yaml:"author"`
	Branding    map[string]string `yaml:"branding"` // the Marketplace's icon and color
	Inputs      map[string]Input  `yaml:"inputs"`
	Outputs     map[string]Output `yaml:"outputs"`
	Runs        struct {
		Using string `yaml:"using"`
		Steps []Step `yaml:"steps"`
	} `yaml:"runs"`
}

// Input is one of the action's inputs.
type Input struct {
	Description string `yaml:"description"`
	Required    bool   `yaml:"required"`
	Default     string `yaml:"default"`
}

// Output is one of the action's outputs: Value is an expression.
type Output struct {
	Description string `yaml:"description"`
	Value       string `yaml:"value"`
}

// Step is a step of a composite action: a shell script (Run, Shell) or
// another action (Uses, With). If is an expression without ${{ }}.
type Step struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	With  map[string]string `yaml:"with"`
	Shell string            `yaml:"shell"`
	Env   map[string]string `yaml:"env"`
	Run   string            `yaml:"run"`
}

// Load reads and decodes an action.yml; unknown keys are errors, so a
// misspelt key is not silently ignored.
func Load(path string) (*Action, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(strings.NewReader(string(data)))
	dec.KnownFields(true)
	var a Action
	if err := dec.Decode(&a); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &a, nil
}

// exprRe matches a ${{ expression }} in a value.
var exprRe = regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)

// Expressions are the expressions written as ${{ ... }} in s, trimmed.
func Expressions(s string) []string {
	var out []string
	for _, m := range exprRe.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	return out
}

// Substitute replaces each ${{ expression }} in s by what value returns
// for it; the first error stops it.
func Substitute(s string, value func(expr string) (string, error)) (string, error) {
	var err error
	out := exprRe.ReplaceAllStringFunc(s, func(m string) string {
		v, e := value(exprRe.FindStringSubmatch(m)[1])
		if e != nil && err == nil {
			err = e
		}
		return v
	})
	return out, err
}

// refRe matches the context references an expression may hold.
var refRe = regexp.MustCompile(`\b(inputs|steps|github|runner|env)\.[A-Za-z0-9_.-]+`)

// References are the context references in an expression
// ("inputs.path", "steps.lint.outputs.exit-code", "runner.temp").
func References(expr string) []string {
	return refRe.FindAllString(expr, -1)
}
