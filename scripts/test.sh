#!/usr/bin/env bash
# stackweigh's full check: formatting, lints (native + wasm), unit/property
# tests, release build, then the headless-Chromium browser tests and the
# same core journeys in headless Firefox ESR (geckodriver, raw WebDriver).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

bash "$REPO/scripts/setup.sh" test
# shellcheck source=scripts/env.sh
. "$REPO/scripts/env.sh"
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

step() { printf '\n==> %s\n' "$*"; }

step "cargo fmt --all -- --check"
cargo fmt --all -- --check

step "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets -- -D warnings

# wasm lint: --lib --bins, not --all-targets. --all-targets also builds the
# dev-dependencies for wasm32, and proptest pulls in getrandom, which refuses
# to compile for wasm32-unknown-unknown without its "wasm_js" feature
# ("The wasm32/64-unknown-unknown are not supported by default"). The tests
# are native-only anyway; the shipped code is the lib + bin, linted here.
step "cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings"
cargo clippy --target wasm32-unknown-unknown --lib --bins -- -D warnings

step "cargo test"
cargo test

step "trunk build --release --offline"
trunk build --release --offline
[ -f dist/index.html ] || { echo "test: trunk build produced no dist/index.html" >&2; exit 1; }

step "scripts/build-crash-test.sh (the crash-test bundle)"
bash "$REPO/scripts/build-crash-test.sh"

# Explicit file list (same set as `node --test tests/browser/`): works the
# same on Node 18/20 (directory arguments) and 22+ (glob patterns).
step "node --test tests/browser/*.test.mjs"
node --test tests/browser/*.test.mjs

# Second engine: Debian firefox-esr through geckodriver (W3C WebDriver, no
# Playwright build of Firefox). Same dist/, same 127.0.0.1-only rule.
step "node --test tests/firefox/*.test.mjs"
node --test tests/firefox/*.test.mjs
