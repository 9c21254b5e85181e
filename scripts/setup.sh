#!/usr/bin/env bash
# Installs everything the build and the tests need, on a fresh Debian 12 machine with Rust and node.
# Idempotent: each step checks first, so a warm machine passes through in about a second.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v trunk >/dev/null || ! trunk --version | grep -q "$TRUNK_VERSION"; then
  step "cargo install trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen in Cargo.lock exactly.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock 2>/dev/null || true)
if [ -n "$WB_VERSION" ] && ! { command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q "$WB_VERSION"; }; then
  step "cargo install wasm-bindgen-cli =$WB_VERSION"
  cargo install wasm-bindgen-cli --version "=$WB_VERSION"
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  step "apt-get install chromium chromium-driver"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium chromium-driver >/dev/null
fi

# COIN-OR Clp, the LP solver of the interval attack on the cell-key method (core/tests/attack/clp.rs links it).
if [ ! -e /usr/lib/x86_64-linux-gnu/libClp.so ] && ! ldconfig -p | grep -q 'libClp\.so '; then
  step "apt-get install coinor-libclp-dev"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq coinor-libclp-dev >/dev/null
fi

# pdfinfo and pdftotext (poppler-utils) read the printed factsheet in tests/e2e/factsheet.test.mjs.
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  step "apt-get install poppler-utils"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq poppler-utils >/dev/null
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/@gfx/zopfli ] \
  || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

# Tool versions Trunk should find on PATH instead of downloading.
[ -f Cargo.lock ] && cargo fetch --quiet
step "ok"
