# stacklint: the two commands a fresh machine needs are `make demo` and `make test`.
GO        ?= go
BIN       := bin/stacklint
TOOLS     := $(CURDIR)/.bin
GOLANGCI_VERSION := v2.15.0
GOLANGCI  := $(TOOLS)/golangci-lint
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT    ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo none)
DATE      ?= $(shell git log -1 --format=%cI 2>/dev/null || echo unknown)
LDFLAGS   := -s -w -X main.version=$(VERSION) -X main.commit=$(COMMIT) -X main.date=$(DATE)
SHARED    ?= ../shared
FUZZTIME  ?= 10s

.PHONY: all build install test lint demo bench corpus integration docs check-docs schema schema-older schema-check fuzz clean

all: build

build: ## build bin/stacklint
	$(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/stacklint

install: ## install stacklint into $(go env GOBIN), else $(go env GOPATH)/bin, with its version
	$(GO) install -trimpath -ldflags '$(LDFLAGS)' ./cmd/stacklint

test: ## unit, Rego, scenario, secrets, docs-drift and meta tests (no ../shared needed)
	$(GO) vet ./...
	$(GO) test -timeout 30m ./... # go test's 10m default per package is short on a loaded machine

fuzz: ## every fuzz target for FUZZTIME each (default 10s), one after another (tools/fuzz/run.sh)
	GO=$(GO) FUZZTIME=$(FUZZTIME) tools/fuzz/run.sh

demo: build ## lint the bundled broken snapshot (it has findings, so stacklint exits 1)
	@./$(BIN) testdata/demo || test $$? -eq 1

lint: $(GOLANGCI) ## golangci-lint with the curated list in .golangci.yml
	$(GOLANGCI) run ./...

$(GOLANGCI):
	GOBIN=$(TOOLS) $(GO) install github.com/golangci/golangci-lint/v2/cmd/golangci-lint@$(GOLANGCI_VERSION)

docs: ## regenerate docs/rules.md and docs/rules/*.md from the rules' METADATA, the man pages, completions, docs/model.md and docs/model-example.json
	$(GO) run ./internal/docs/gen docs

bench: build ## stacklint's full catalog against conftest v0.71.1's three INI checks on generated 1,000- and 10,000-node snapshots (fleet-wide and per-node /etc/hosts), side by side (tools/bench/run.sh; BENCH_SIZES, BENCH_RUNS)
	$(GO) test -run '^$$' -bench . -benchmem -benchtime 1x ./internal/lint/
	GO=$(GO) tools/bench/run.sh

corpus: build ## needs ../shared: differential test against oslo.config and a run over every corpus source
ifeq ($(wildcard $(SHARED)/corpus),)
	@echo "$(SHARED) is absent: skipping the corpus checks"
else
	@/usr/bin/python3 -c 'import oslo_config, nova, neutron, keystone, glance, placement' 2>/dev/null || { \
		echo "installing python3-oslo.config and the Zed service packages (Debian 12)"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			python3-oslo.config python3-oslo.policy python3-keystoneauth1 python3-nova python3-neutron \
			python3-keystone python3-glance python3-placement >/dev/null; }
	STACKLINT_ORACLE=1 STACKLINT_SHARED=$(abspath $(SHARED)) $(GO) test -count=1 -v -run 'Oslo|Corpus|Libraries' ./internal/oracle/
endif

integration: ## real tools (root, apt): Debian's pre-commit runs this checkout's hook on a broken, then a fixed config repo; Debian's headless Chromium renders the demo's HTML report (bin/integration/demo.png); the GitHub Action's steps on the demo
	tools/integration/pre-commit.sh
	GO=$(GO) tools/integration/html.sh
	GO=$(GO) tools/integration/action.sh

SCHEMA_CHECK_OUT ?= /var/cache/stacklint-schema/check

schema: ## maintainers: regenerate internal/schema/data for every release (root, debootstrap, the git mirrors; docs/schema.md)
	tools/schema/make-schema.sh

schema-older: ## maintainers: regenerate internal/schema/data/older.json.gz, the option names of Icehouse..Rocky (the git mirrors; ~7 min)
	/usr/bin/python3 tools/schema/older_names.py

schema-check: ## maintainers: differential test of the source method against every Debian-packaged release (root, debootstrap, mirrors)
	SCHEMA_CHECK_OUT=$(SCHEMA_CHECK_OUT) tools/schema/make-schema.sh --check
	STACKLINT_SCHEMA_CHECK=$(SCHEMA_CHECK_OUT) $(GO) test -count=1 -v -run 'SchemaSource' ./internal/oracle/

clean:
	rm -rf bin .bin
