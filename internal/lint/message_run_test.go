package lint_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stacklint/stacklint/internal/engine"
	"github.com/stacklint/stacklint/internal/finding"
	"github.com/stacklint/stacklint/internal/lint"
	"github.com/stacklint/stacklint/rules"
)

// TestMessagesAreBounded: values a rule quotes reach no message whole or
// raw (issue 14: a huge value was printed in full in several messages, and
// control characters in a value could forge finding lines). The snapshot
// has a 4 MB value and values with ESC, BEL, CR, continuation lines and
// bidi overrides, every one of them quoted by some rule.
func TestMessagesAreBounded(t *testing.T) {
	dir := t.TempDir()
	conf := "[DEFAULT]\n" +
		"my_ip = 10.0.0.1\x1b[2J\x07\n  FORGED error SL-XXX-001 fake\n" +
		"transport_url = rabbit://openstack:pw@\u202econtroller:5672/\n" +
		"[vnc]\nserver_proxyclient_address = " + strings.Repeat("a", 4<<20) + "\n" +
		"novncproxy_base_url = http://\x1b]8;;evil\x07:6080/vnc_auto.html\n"
	p := filepath.Join(dir, "etc", "nova", "nova.conf")
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(context.Background(), rules.FS)
	if err != nil {
		t.Fatal(err)
	}
	res, err := lint.Run(context.Background(), eng, dir, lint.Options{})
	if err != nil {
		t.Fatal(err)
	}
	total, quoted := 0, 0
	for _, f := range res.Findings {
		total += len(f.Message)
		if len(f.Message) > finding.MaxMessage {
			t.Errorf("%s: message of %d bytes", f.Rule, len(f.Message))
		}
		if i := strings.IndexFunc(f.Message, unicode.IsControl); i >= 0 {
			t.Errorf("%s: control character in %.200q", f.Rule, f.Message[max(0, i-40):])
		}
		if strings.Contains(f.Message, "aaaa…(") || strings.Contains(f.Message, `\x1b`) {
			quoted++
		}
	}
	if quoted < 2 || total > 20_000 {
		t.Errorf("%d findings quote the values, %d message bytes in all", quoted, total)
		for _, f := range res.Findings {
			t.Logf("%s %.300q", f.Rule, f.Message)
		}
	}
}
