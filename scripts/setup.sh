#!/usr/bin/env bash
# Installs what stackweigh needs, skipping anything already present at the
# pinned version. Idempotent; needs no stdin (CI=true ok).
#   scripts/setup.sh build   what building and serving need: the
#                            wasm32-unknown-unknown target, Trunk, the
#                            wasm-bindgen CLI, npm dependencies (wasm-opt,
#                            terser). Used by scripts/serve.sh.
#   scripts/setup.sh test    build, plus rustfmt and clippy, the npm test
#   scripts/setup.sh         tools, Debian chromium and firefox-esr, and
#                            geckodriver. Used by scripts/test.sh.
# Pins: scripts/setup-lib.sh. It exports nothing: callers source scripts/env.sh.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=scripts/env.sh
. "$REPO/scripts/env.sh"
# shellcheck source=scripts/setup-lib.sh
. "$REPO/scripts/setup-lib.sh"
export DEBIAN_FRONTEND=noninteractive
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

purpose="${1:-test}"
case "$purpose" in
  build|test) ;;
  *) die "usage: scripts/setup.sh [build|test] (got '$purpose')" ;;
esac

need_node
need_rust
check_trunk_tools
need_wasm_target
need_trunk
need_wasm_bindgen
need_npm "$purpose"
if [ "$purpose" = test ]; then
  need_rust_components
  need_browsers
  need_geckodriver
fi
say "done ($purpose)"
