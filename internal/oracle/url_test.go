package oracle

import (
	"bufio"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stacklint/stacklint/parser/urls"
)

// TestURLReadingsMatchLibraries compares parser/urls with the libraries
// OpenStack reads URLs with (tools/oracle/url_dump.py: SQLAlchemy's
// make_url, oslo.messaging's TransportURL.parse, urllib's urlsplit) on
// every URL-valued line of the corpus and on generated hard cases
// (passwords holding '/', '?', '#', ',', '@', ':', percent escapes, IPv6
// hosts, bad ports).
func TestURLReadingsMatchLibraries(t *testing.T) {
	if os.Getenv("STACKLINT_ORACLE") == "" {
		t.Skip("set STACKLINT_ORACLE=1 (make corpus) to run the URL differential test")
	}
	if err := exec.Command(python, "-c", "import sqlalchemy, oslo_messaging").Run(); err != nil {
		t.Skip("python3-sqlalchemy or python3-oslo.messaging is not installed (make corpus installs them)")
	}
	inputs := generatedURLs()
	if dir := os.Getenv("STACKLINT_SHARED"); dir != "" {
		inputs = append(inputs, corpusURLs(t, filepath.Join(dir, "corpus"))...)
	}
	lines := make([]string, len(inputs))
	for i, in := range inputs {
		b, _ := json.Marshal(in)
		lines[i] = string(b)
	}
	sc := batch(t, lines, "../../tools/oracle/url_dump.py")
	diffs, n := 0, 0
	for sc.Scan() {
		var want map[string]map[string]any
		if err := json.Unmarshal(sc.Bytes(), &want); err != nil {
			t.Fatal(err)
		}
		transportHostsEmpty(want["transport"])
		raw := inputs[n]
		n++
		for name, c := range map[string]urls.Consumer{"sqlalchemy": urls.SQLAlchemy, "transport": urls.Transport, "generic": urls.Generic} {
			u, _ := urls.Parse(raw, c)
			if got, exp := reading(name, u), canon(want[name]); got != exp {
				diffs++
				if diffs <= 30 {
					t.Errorf("%s %q:\n got %s\nwant %s", name, raw, got, exp)
				}
			}
		}
	}
	if n != len(inputs) {
		t.Fatalf("oracle answered %d of %d", n, len(inputs))
	}
	t.Logf("%d URLs, 3 readings each, %d differences", n, diffs)
}

// reading renders a parse in the oracle's shape.
func reading(consumer string, u *urls.URL) string {
	if u.Err != "" {
		return `{"error":true}`
	}
	host := func(h urls.Host) map[string]any {
		m := map[string]any{"user": nilIfEmpty(h.User, h.HasUser), "host": nilIfEmpty(h.Host, h.Host != ""), "port": nil}
		if h.HasPassword {
			m["password"] = h.Password
		} else {
			m["password"] = nil
		}
		if h.PortText != "" {
			m["port"] = float64(h.Port)
		}
		return m
	}
	switch consumer {
	case "transport":
		hosts := []any{}
		for _, h := range u.Hosts {
			hosts = append(hosts, host(h))
		}
		var vhost any
		if strings.HasPrefix(u.Path, "/") {
			vhost = urlsUnquote(u.Path[1:])
		}
		return canon(map[string]any{"hosts": hosts, "vhost": vhost})
	case "sqlalchemy":
		m := map[string]any{"user": nil, "password": nil, "host": nil, "port": nil, "database": nil}
		if len(u.Hosts) > 0 {
			m = host(u.Hosts[0])
		}
		m["database"] = nil
		if strings.HasPrefix(u.Path, "/") {
			m["database"] = u.Path[1:]
		}
		return canon(m)
	}
	m := map[string]any{"user": nil, "password": nil, "host": nil, "port": nil}
	if len(u.Hosts) > 0 {
		m = host(u.Hosts[0])
	}
	m["path"], m["query"] = u.Path, u.Query
	return canon(m)
}

func nilIfEmpty(s string, keep bool) any {
	if !keep {
		return nil
	}
	return s
}

// transportHostsEmpty maps an empty transport host name to None:
// oslo.messaging turns an empty host part into None but keeps the ""
// that splitting "host:port" at ':' can leave; stacklint reads both as
// no host.
func transportHostsEmpty(m map[string]any) {
	hosts, _ := m["hosts"].([]any)
	for _, h := range hosts {
		if hm, ok := h.(map[string]any); ok && hm["host"] == "" {
			hm["host"] = nil
		}
	}
}

// urlsUnquote is urllib.parse.unquote for the comparison: percent
// escapes of two hex digits decoded, invalid UTF-8 replaced.
func urlsUnquote(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) {
			if v, err := strconv.ParseUint(s[i+1:i+3], 16, 8); err == nil && !strings.ContainsAny(s[i+1:i+3], "+-") {
				b = append(b, byte(v))
				i += 2
				continue
			}
		}
		b = append(b, s[i])
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// canon renders a JSON-like value with sorted keys; an error is just
// {"error":true}.
func canon(v any) string {
	if m, ok := v.(map[string]any); ok {
		if _, bad := m["error"]; bad {
			return `{"error":true}`
		}
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// generatedURLs are the hard cases: every credential shape that made a
// reading differ.
func generatedURLs() []string {
	var out []string
	passwords := []string{"p", "", "ab/c?d#e", "pa,ss", "pa#ss", "p@ss", "p%40ss", "p:ss", "a?b", "a/b", "p ss", "%zz", "ünï"}
	for _, pw := range passwords {
		for _, tmpl := range []string{
			"mysql+pymysql://nova:%s@db/nova", "mysql+pymysql://nova:%s@db:3306/nova?charset=utf8",
			"rabbit://openstack:%s@ctl:5672/", "rabbit://openstack:%s@h1:5672,openstack:%s@h2:5672/vh",
			"http://admin:%s@ctl:5000/v3", "https://u:%s@[fd00::1]:443/x?y=1#f",
		} {
			out = append(out, strings.ReplaceAll(tmpl, "%s", pw))
		}
	}
	// Random tails over the characters the readings split at (fixed seed).
	r := rand.New(rand.NewPCG(14, 14))
	const alphabet = "ab1:@/?#,%4[]=&.-_ "
	for i := 0; i < 10000; i++ {
		var b strings.Builder
		for range 1 + r.IntN(24) {
			b.WriteByte(alphabet[r.IntN(len(alphabet))])
		}
		scheme := []string{"mysql+pymysql", "rabbit", "http", "postgresql"}[r.IntN(4)]
		out = append(out, scheme+"://"+b.String())
	}
	return append(out,
		"mysql+pymysql://nova@db/nova_api?password=secret", "rabbit://ctl", "rabbit://", "rabbit:///",
		"http://ctl:bad/", "http://ctl:99999/", "rabbit://u:p@h:x/", "sqlite:////var/lib/nova/nova.sqlite",
		"postgresql://u:p@[::1]:5432/db", "rabbit://u:p@[::1:5672/", "mysql://u:p@ss@db/nova",
		"rabbit://u@h1,u:p@h2/", "http://h/p@q", "my_driver://u:p@h/",
	)
}

var urlValue = regexp.MustCompile(`^\s*\w+\s*[=:]\s*([A-Za-z][\w+.\-]*://\S*)\s*$`)

// corpusURLs are the URL values of the corpus's INI files.
func corpusURLs(t *testing.T, dir string) []string {
	seen := map[string]bool{}
	for _, f := range corpusINIFiles(t, dir) {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(fh)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			if m := urlValue.FindStringSubmatch(sc.Text()); m != nil {
				seen[m[1]] = true
			}
		}
		_ = fh.Close()
	}
	out := make([]string, 0, len(seen))
	for u := range seen {
		out = append(out, u)
	}
	sort.Strings(out)
	return out
}
