#!/usr/bin/env bash
# Builds the crash-test bundle that tests/browser/crash.test.mjs and
# tests/firefox/crash.test.mjs run: the release build plus the `crash-test`
# Cargo feature (the app's first change of state after start-up panics), in
# target/dist-crash/ (ignored by git, apart from the product's dist/, which
# never has the feature). Run it after scripts/setup.sh.
#   bash scripts/build-crash-test.sh
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=scripts/env.sh
. "$REPO/scripts/env.sh"

trunk build --release --offline --features crash-test --dist target/dist-crash
[ -f target/dist-crash/index.html ] || { echo "build-crash-test: no target/dist-crash/index.html" >&2; exit 1; }
