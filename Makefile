# plansite — make targets. `make build` builds the sample site into public/,
# `make test` runs every test (Go unit, golden and CLI tests, then the
# browser accessibility suite), installing what it needs when missing.

GO      ?= go
SITE    ?= .
DEST    ?= public
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: build test unit a11y deps fmt vet bench fuzz check clean serve

build:
	$(GO) run -ldflags "$(LDFLAGS)" ./cmd/plansite build -s $(SITE) -d $(DEST)

test: deps vet unit a11y

unit:
	$(GO) mod download
	$(GO) test ./...

# The browser suite: builds the sample site, checks every page in headless
# Chromium with axe-core and the Nu Html Checker, writes
# content/a11y-results.json, then rebuilds so the results page shows it.
a11y: deps
	$(GO) run ./cmd/plansite build -s $(SITE) -d $(DEST)
	cd e2e && SITE_DIR=$(abspath $(DEST)) node --test
	@$(GO) run ./cmd/plansite build -s $(SITE) -d $(DEST) >/dev/null

# chromium, fonts, Java, epubcheck and e2e/node_modules, when missing
deps:
	@./scripts/install-deps.sh

check:
	$(GO) run ./cmd/plansite check -s $(SITE)

# preview on http://127.0.0.1:1313, rebuilt and reloaded on every change
serve:
	$(GO) run ./cmd/plansite serve -s $(SITE)

fmt:
	gofmt -w cmd internal themes

vet:
	@test -z "$$(gofmt -l cmd internal themes)" || (echo "gofmt needed:"; gofmt -l cmd internal themes; exit 1)
	$(GO) vet ./...

# Go benchmarks, then whole builds of generated sites against the goldmark
# and analyzer floors of the same run (internal/benchsite; docs/performance.md)
BENCH_SIZES ?= 100,1000,10000
BENCH_DIR   ?= $(abspath .bench)
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./internal/...
	$(GO) build -o $(BENCH_DIR)/plansite ./cmd/plansite
	$(GO) build -o $(BENCH_DIR)/plansite-bench ./cmd/plansite-bench
	$(BENCH_DIR)/plansite-bench -plansite $(BENCH_DIR)/plansite -work $(BENCH_DIR) -sizes $(BENCH_SIZES)

# each parser of author input for 30 s (FUZZTIME=5m for longer runs)
FUZZTIME ?= 30s
fuzz:
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./internal/ruby
	$(GO) test -run '^$$' -fuzz FuzzConvert -fuzztime $(FUZZTIME) ./internal/markdown
	$(GO) test -run '^$$' -fuzz FuzzLoad -fuzztime $(FUZZTIME) ./internal/plan
	$(GO) test -run '^$$' -fuzz FuzzDecode -fuzztime $(FUZZTIME) ./internal/plan
	$(GO) test -run '^$$' -fuzz FuzzOpen -fuzztime $(FUZZTIME) ./internal/safefs
	$(GO) test -run '^$$' -fuzz FuzzEscapePath -fuzztime $(FUZZTIME) ./internal/render
	$(GO) test -run '^$$' -fuzz FuzzCheck -fuzztime $(FUZZTIME) ./internal/easyread
	$(GO) test -run '^$$' -fuzz FuzzAnnotate -fuzztime $(FUZZTIME) ./internal/furigana
	$(GO) test -run '^$$' -fuzz FuzzNormalize -fuzztime $(FUZZTIME) ./internal/search
	$(GO) test -run '^$$' -fuzz FuzzXHTML -fuzztime $(FUZZTIME) ./internal/bundle
	$(GO) test -run '^$$' -fuzz FuzzParseYear -fuzztime $(FUZZTIME) ./internal/wareki
	$(GO) test -run '^$$' -fuzz FuzzMeasures -fuzztime $(FUZZTIME) ./internal/importer
	$(GO) test -run '^$$' -fuzz '^FuzzRead$$' -fuzztime $(FUZZTIME) ./internal/importer
	$(GO) test -run '^$$' -fuzz '^FuzzResolve$$' -fuzztime $(FUZZTIME) ./internal/render
	$(GO) test -run '^$$' -fuzz '^FuzzBaseURL$$' -fuzztime $(FUZZTIME) ./internal/plan
	$(GO) test -run '^$$' -fuzz '^FuzzSVG$$' -fuzztime $(FUZZTIME) ./internal/chart

clean:
	rm -rf $(DEST) e2e/screenshots
