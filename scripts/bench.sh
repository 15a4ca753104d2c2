#!/usr/bin/env bash
# Sizes + first-load budget + headless-Chromium timings for stackweigh.
#   ./scripts/bench.sh [--json] [--loads N] [--moves N] [--no-browser] [--rebuild]
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
bash "$REPO/scripts/setup.sh" >&2
# shellcheck source=scripts/env.sh
. "$REPO/scripts/env.sh"
args=()
for a in "$@"; do
  if [ "$a" = "--rebuild" ]; then
    echo "bench: trunk build --release --offline" >&2
    trunk build --release --offline >&2
  else
    args+=("$a")
  fi
done
exec node "$REPO/scripts/bench.mjs" ${args[@]+"${args[@]}"}
