package report_test

import (
	"encoding/json"
	"encoding/xml"
	"errors"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// hostileName is what the snapshot's file names hold: ESC with a colour
// sequence, BEL, CR, LF, a bidi override, spaces, '%', '#', '?' and a byte
// that is not UTF-8. Values hold the same but CR, LF (which end an INI
// line; a continuation line brings LF in) and the byte (which makes the
// whole file unreadable, as it does to oslo.config).
const (
	hostileValue = "\x1b[31m \x07\u202e %#?"
	hostileName  = "\x1b[31m \x07\r\n\u202e %#?\xff"
)

// hostileSnapshot writes a node whose name, file names and values hold
// hostile text, each quoted by some finding: an rc file that does not
// parse, a policy file with a rule that does not parse, nova.conf values
// that are not addresses or URLs (one of them huge), and an httpd file
// with nameless tags (which used to panic).
func hostileSnapshot(t *testing.T) string {
	t.Helper()
	root := filepath.Join(t.TempDir(), "snap")
	node := filepath.Join(root, "ctl"+hostileName)
	files := map[string]string{
		"etc/nova/nova.conf": "[DEFAULT]\nmy_ip = 10.0.0.1" + hostileValue + "\n  FORGED  error  SL-XXX-001  fake finding\n" +
			"[vnc]\nserver_proxyclient_address = " + strings.Repeat("a"+hostileValue, 20_000) + "\n" +
			"novncproxy_base_url = http://\x1b]8;;x\x07:6080/\u202e\n",
		"etc/nova/policy.d/bad" + hostileName + ".yaml": "\"a\": \"role:admin and\"\n",
		"root/admin openrc" + hostileName:               "export OS_AUTH_URL=\"http://x\n(\n",
		"etc/httpd/conf.d/odd" + hostileName + ".conf":  "<>\n<\n</>\n< >\nListen 80\n",
	}
	for rel, text := range files {
		p := filepath.Join(node, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// TestHostileNamesAndValues: every format's output is valid for its
// readers whatever the snapshot's names and values hold (issue 14): the
// text output has no control character but line ends, JSON parses, the
// JUnit XML is well-formed, the SARIF log validates against the schema and
// its URIs parse to the files' paths, and the GitHub output is one
// workflow command per line. No output quotes the huge value whole.
func TestHostileNamesAndValues(t *testing.T) {
	dir := hostileSnapshot(t)
	outputs := map[string]string{}
	for _, format := range []string{"text", "json", "sarif", "junit", "github", "html"} {
		out, code := run(t, "--format", format, dir)
		if code != 1 {
			t.Errorf("%s: exit %d, want 1", format, code)
		}
		if limit := map[string]int{"sarif": 512 << 10, "html": 128 << 10}[format]; len(out) > max(limit, 64<<10) { // SARIF describes every rule, HTML carries its style and script
			t.Errorf("%s: %d bytes of output", format, len(out))
		}
		outputs[format] = out
	}
	checkText(t, outputs["text"])
	paths := checkJSON(t, outputs["json"])
	checkJUnit(t, outputs["junit"])
	checkSARIF(t, outputs["sarif"], dir, paths)
	checkGitHub(t, outputs["github"])
	checkHTML(t, outputs["html"], len(paths))
}

// checkHTML: the page parses to one entry per finding (no value forged
// an entry), and holds no raw control character but line ends.
func checkHTML(t *testing.T, out string, findings int) {
	doc, err := html.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatalf("html: %v", err)
	}
	entries := 0
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode || n.Data != "article" {
			continue
		}
		entries++
		for _, a := range n.Attr {
			if a.Key == "data-rule" && !strings.HasPrefix(a.Val, "SL-") || strings.Contains(a.Val, "XXX") {
				t.Errorf("html: an entry with %s=%q", a.Key, a.Val)
			}
		}
	}
	if entries != findings {
		t.Errorf("html: %d entries for %d findings", entries, findings)
	}
	if c := controls(out); len(c) > 0 {
		t.Errorf("html: raw %q", c)
	}
}

// controls finds characters no text output may hold raw.
func controls(s string) []rune {
	var out []rune
	for _, r := range s {
		if r != '\n' && (unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029') {
			out = append(out, r)
		}
	}
	return out
}

func checkText(t *testing.T, out string) {
	if c := controls(out); len(c) > 0 {
		t.Errorf("text: raw %q", c)
	}
	findings := 0
	for _, line := range strings.Split(out, "\n") {
		if strings.Contains(line, "FORGED") && !strings.Contains(line, "SL-NOVA-006") {
			t.Errorf("text: a value forged a line: %q", line)
		}
		if strings.HasPrefix(line, "  ") && !strings.HasPrefix(line, "      related: ") {
			findings++
		}
	}
	if findings < 5 {
		t.Errorf("text: %d finding lines:\n%s", findings, out)
	}
}

// checkJSON returns the primary paths of the findings.
func checkJSON(t *testing.T, out string) []string {
	var doc struct {
		Findings []struct {
			Message   string
			Locations []struct{ Path string }
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json: %v", err)
	}
	var paths []string
	for _, f := range doc.Findings {
		if c := controls(f.Message); len(c) > 0 || len(f.Message) > 1000 {
			t.Errorf("json: message of %d bytes with %q", len(f.Message), c)
		}
		paths = append(paths, f.Locations[0].Path)
	}
	return paths
}

func checkJUnit(t *testing.T, out string) {
	dec := xml.NewDecoder(strings.NewReader(out))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Errorf("junit: not well-formed: %v", err)
			break
		}
	}
	if c := controls(out); len(c) > 0 {
		t.Errorf("junit: raw %q", c)
	}
}

// checkSARIF validates the log and resolves every artifact URI back to
// the path the JSON output gives below root (the snapshot path is
// absolute and outside the working directory, so URIs are absolute file:
// URIs).
func checkSARIF(t *testing.T, out, root string, paths []string) {
	validate(t, out)
	var log struct {
		Runs []struct {
			Results []struct {
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	for i, r := range log.Runs[0].Results {
		raw := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		u, err := url.Parse(raw)
		if err != nil || u.Scheme != "file" || u.Host != "" || u.RawQuery != "" || u.Fragment != "" || strings.Trim(strings.TrimPrefix(raw, "file:"), uriChars) != "" {
			t.Errorf("sarif: uri %q: %v (%+v)", raw, err, u)
			continue
		}
		rel, ok := strings.CutPrefix(u.Path, root+"/")
		if !ok {
			t.Errorf("sarif: uri %q is not below %s", raw, root)
			continue
		}
		if !utf8.ValidString(rel) && asJSON(rel) == paths[i] {
			continue // JSON carries a byte that is not UTF-8 as U+FFFD; the URI keeps it
		}
		if rel != paths[i] {
			t.Errorf("sarif: uri %q is %q, want %q", raw, rel, paths[i])
		}
	}
}

// asJSON is s after a JSON round trip (each invalid byte becomes U+FFFD).
func asJSON(s string) string {
	b, _ := json.Marshal(s)
	var out string
	_ = json.Unmarshal(b, &out)
	return out
}

// uriChars are the characters of a percent-encoded URI path (RFC 3986).
const uriChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/%"

func checkGitHub(t *testing.T, out string) {
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	for _, line := range lines {
		if !strings.HasPrefix(line, "::error ") && !strings.HasPrefix(line, "::warning ") && !strings.HasPrefix(line, "::notice ") {
			t.Errorf("github: not a workflow command: %q", line)
		}
	}
	if c := controls(out); len(c) > 0 {
		t.Errorf("github: raw %q", c)
	}
	if len(lines) < 5 {
		t.Errorf("github: %d commands", len(lines))
	}
}
