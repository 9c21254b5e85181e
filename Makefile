# make serve | make test | make dist — each installs what is missing first (scripts/setup.sh).
SHELL := bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: setup serve test dist screenshots data bench geo

setup:
	@scripts/setup.sh

## The static site, release build with wasm-opt, into dist/; then the first screen of every view
## written into its page (index.html, landsdelen.html, …) by scripts/prerender.mjs; last, after
## everything that writes into dist/, a gzip file beside each file (scripts/precompress.mjs).
dist: setup
	trunk build --release --offline
	node scripts/prerender.mjs dist
	node scripts/precompress.mjs dist

## The dashboard with its default data on http://127.0.0.1:$(PORT)/
serve: dist
	node scripts/serve.mjs dist $(PORT)

## All tests: native (core) and in headless Chromium against the built site.
test: dist
	cargo test --offline -p lta-core -p lta-generate -p lta-xlsx
	node --test --test-concurrency=2 tests/e2e/

## Benchmarks (timings, so not part of make test), their tables written into docs/performance.md:
## Lighthouse mobile on / and ?view=landsdelen, filter-click latency at 4x and 1x CPU per view,
## and 1,000,000 records to a cube against arquero. See bench/README.md. Takes about 10 minutes.
bench: dist
	node bench/lighthouse.mjs --out bench/out/lighthouse
	node bench/filter.mjs --out bench/out/filter
	node bench/run.mjs
	node bench/readme.mjs docs/performance.md

## Desktop and 360 px phone screenshots of every view into tests/e2e/out/ (to look at).
screenshots: dist
	mkdir -p tests/e2e/out && node tests/e2e/shot.mjs tests/e2e/out

## Regenerate the illustrative dataset (records-synthetisch.csv, then the cube the engine builds
## from them). The cube stays exact (synthetic data about no one): --zonder-regels turns off the
## cell-key method that records_to_cube applies by default.
data:
	cargo run --release -p lta-generate
	cargo run --release -p lta-xlsx --bin records_to_cube -- public/data/illustratief --zonder-regels

## The maps from the jeugdregio boundaries (geo/README.md): the landsdelen, and the jeugdregio's of
## each landsdeel for the Regio view; the result is committed.
## Installs mapshaper 0.7.70 into .tools/ on first use.
geo:
	scripts/geo.sh
