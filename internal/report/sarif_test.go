package report_test

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/xeipuuv/gojsonschema"

	"github.com/stacklint/stacklint/internal/cli"
)

// run runs the command line and returns stdout and the exit code.
func run(t *testing.T, args ...string) (string, int) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Execute(context.Background(), args, cli.BuildInfo{Version: "v0.0.0-test"}, cli.IO{Out: &out, Err: &errb})
	if code > 1 {
		t.Fatalf("%v: exit %d: %s", args, code, errb.String())
	}
	return out.String(), code
}

// TestSARIFGoldenValidates: the golden SARIF (with a suppression, a
// location without a line, escapes) is valid SARIF 2.1.0 too.
func TestSARIFGoldenValidates(t *testing.T) {
	doc, err := os.ReadFile("testdata/golden/fixture.sarif")
	if err != nil {
		t.Fatal(err)
	}
	validate(t, string(doc))
}

func validate(t *testing.T, doc string) {
	t.Helper()
	schema, err := os.ReadFile("testdata/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	res, err := gojsonschema.Validate(gojsonschema.NewBytesLoader(schema), gojsonschema.NewStringLoader(doc))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Errors() {
		t.Errorf("schema: %s", e)
	}
}

// TestSARIFValidatesAgainstSchema: the SARIF log of the broken demo snapshot
// is valid SARIF 2.1.0 (the OASIS schema, vendored in testdata) and carries
// every finding with its rule, level, location and fingerprint.
func TestSARIFValidatesAgainstSchema(t *testing.T) {
	out, code := run(t, "--format", "sarif", "../../testdata/demo")
	if code != 1 {
		t.Errorf("exit %d, want 1 (the demo has errors)", code)
	}
	validate(t, out)
	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Rules []struct {
						ID      string `json:"id"`
						HelpURI string `json:"helpUri"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID              string            `json:"ruleId"`
				RuleIndex           int               `json:"ruleIndex"`
				Level               string            `json:"level"`
				PartialFingerprints map[string]string `json:"partialFingerprints"`
				Locations           []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				RelatedLocations []json.RawMessage `json:"relatedLocations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	r := log.Runs[0]
	related := 0
	for _, res := range r.Results {
		rule := r.Tool.Driver.Rules[res.RuleIndex]
		if rule.ID != res.RuleID || !strings.HasSuffix(rule.HelpURI, "/docs/rules/"+res.RuleID+".md") {
			t.Errorf("result %s points at rule %+v", res.RuleID, rule)
		}
		loc := res.Locations[0].PhysicalLocation
		if !strings.HasPrefix(loc.ArtifactLocation.URI, "../../testdata/demo/") || len(res.PartialFingerprints["stacklint/v1"]) != 16 {
			t.Errorf("result %s: uri %q, fingerprints %v", res.RuleID, loc.ArtifactLocation.URI, res.PartialFingerprints)
		}
		related += len(res.RelatedLocations)
	}
	if len(r.Results) < 10 || related == 0 {
		t.Errorf("%d results, %d related locations", len(r.Results), related)
	}
}
