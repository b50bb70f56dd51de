package diff

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
)

// hostile are values that would break a pull-request comment or a
// terminal if printed as they are.
var hostile = []string{
	"a | b | c",
	"`code` and ``more``",
	"<script>alert(1)</script><img src=x onerror=alert(1)>",
	"[click](https://evil.example/) ![img](https://evil.example/x.png)",
	"https://evil.example/ www.evil.example @someone #123",
	"line one\nline two\r\n| --- |\n### heading",
	"\x1b[31mred\x1b[0m \u202egnp.exe",
	"ends in a backslash \\",
	"*bold* _it_ ~~gone~~ </details>",
}

// TestMarkdownHostile: every value, node, process, option and message
// from a snapshot lands in a code span or a fenced block of the comment:
// no table row gains a cell, no line holds raw HTML, a link or a line end
// of the value, and every row has four cells.
func TestMarkdownHostile(t *testing.T) {
	in := func(v string, line int) *Input {
		o := map[lint.SettingKey]lint.Setting{}
		for i, h := range hostile {
			o[lint.SettingKey{Group: h, Option: h + string(rune('a'+i))}] = written(v+h, h, line)
		}
		long := written(strings.Repeat("x", 70)+v+strings.Join(hostile, ""), "f", 1)
		o[lint.SettingKey{Group: "g", Option: "long"}] = long
		return &Input{Label: hostile[0], Nodes: append([]string{"n"}, hostile[:3]...), Settings: settings{"n": {hostile[2]: o}},
			Findings: []finding.Finding{fnd(hostile[3], "error", hostile[5], strings.Join(hostile, " "), v)}}
	}
	a, b := in("old", 1), in("new", 2)
	b.Nodes = append([]string{"n"}, hostile[3:6]...)
	d := Compare(a, b)
	var out strings.Builder
	if err := Markdown(&out, d); err != nil {
		t.Fatal(err)
	}
	md := out.String()
	code := regexp.MustCompile("(`+)( ?).*?(`+)")
	inFence := false
	details := 0
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "```") {
			inFence = !inFence
			continue
		}
		if inFence {
			if !strings.HasPrefix(line, "- ") && !strings.HasPrefix(line, "+ ") {
				t.Errorf("a fenced diff line that is neither - nor +: %q", line)
			}
			continue
		}
		bare := code.ReplaceAllString(line, "CODE")
		details += strings.Count(bare, "<details>") + strings.Count(bare, "</details>")
		for _, bad := range []string{"<script", "<img", "](", "https://", "www.", "@someone", "\x1b", "\u202e", "\r"} {
			if strings.Contains(bare, bad) {
				t.Errorf("outside code spans: %q in %q", bad, line)
			}
		}
		if strings.HasPrefix(line, "|") && !strings.HasPrefix(line, "|---") {
			cells := strings.Count(strings.ReplaceAll(line, `\|`, ""), "|") - 1
			if cells != 4 {
				t.Errorf("%d cells in %q", cells, line)
			}
		}
	}
	if inFence {
		t.Error("a fence is left open")
	}
	if details != 2 {
		t.Errorf("a value closed or opened <details>:\n%s", md)
	}
}

// TestCodeSpan: the fence is longer than any run of backticks inside,
// a value touching a backtick is padded, an empty value is *(empty)*.
func TestCodeSpan(t *testing.T) {
	for in, want := range map[string]string{
		"plain":     "`plain`",
		"a`b":       "``a`b``",
		"`x``":      "``` `x`` ```",
		"":          "*(empty)*",
		"a|b":       "`a|b`",
		"new\nline": "`new\\nline`",
	} {
		if got := Code(in, false); got != want {
			t.Errorf("Code(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Code("a|b", true); got != "`a\\|b`" {
		t.Errorf("in a cell: %q", got)
	}
}

// TestTextAndJSONHostile: the text output holds no control character but
// its line ends, and the JSON output is valid and holds every value as
// it is (JSON escapes it).
func TestTextAndJSONHostile(t *testing.T) {
	o := map[lint.SettingKey]lint.Setting{{Group: "g", Option: "o"}: written(hostile[6], "f", 1)}
	n := map[lint.SettingKey]lint.Setting{{Group: "g", Option: "o"}: written(hostile[5], "f", 1)}
	d := Compare(&Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": o}}}, &Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": n}}})
	var text strings.Builder
	if err := Text(&text, d, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, r := range text.String() {
		if r < 0x20 && r != '\n' || r == 0x7f || r == '\u202e' {
			t.Errorf("text holds %U:\n%s", r, text.String())
		}
	}
	var js strings.Builder
	if err := JSON(&js, d); err != nil {
		t.Fatal(err)
	}
	var back Diff
	if err := json.Unmarshal([]byte(js.String()), &back); err != nil || back.Options[0].New.Value != hostile[5] {
		t.Errorf("json: %v %+v", err, back.Options)
	}
}

// TestMarkdownCapped: a huge diff (thousands of option changes, a huge
// value) stays under GitHub's comment limit, closes its <details> block
// and says how much it left out; a huge value's diff shows only windows
// around the edit, in Markdown and in text.
func TestMarkdownCapped(t *testing.T) {
	huge := strings.Repeat("a", 5000)
	old := opts("DEFAULT.huge", written(huge+"x"+huge, "f", 1))
	new := opts("DEFAULT.huge", written(huge+"y"+huge, "f", 1))
	for i := 0; i < 3000; i++ {
		k := fmt.Sprintf("g.opt%04d", i)
		old[lint.SettingKey{Group: "g", Option: k[2:]}] = written("1", "f", i)
		new[lint.SettingKey{Group: "g", Option: k[2:]}] = written("2", "f", i)
	}
	d := Compare(&Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": old}}}, &Input{Nodes: []string{"n"}, Settings: settings{"n": {"p": new}}})
	var md, text strings.Builder
	if err := Markdown(&md, d); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	if n := utf8.RuneCountInString(out); n >= 65536 || !strings.Contains(out, "left out to keep this comment under") || !strings.HasSuffix(strings.TrimSpace(out[:strings.LastIndex(out, "\n*")]), "</details>") {
		t.Errorf("%d characters; ends:\n%s", n, out[max(0, len(out)-600):])
	}
	if err := Text(&text, d, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "…" + strings.Repeat("a", Context) + "[-x-]{+y+}" + strings.Repeat("a", Context) + "…"
	if !strings.Contains(text.String(), want) || strings.Contains(text.String(), strings.Repeat("a", 300)) {
		t.Errorf("text shows no window around the edit, or the whole value")
	}
}
