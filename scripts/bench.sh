#!/usr/bin/env bash
# Sizes + budgets (first load 90 kB gzip, slider p95 4 ms) + headless-Chromium
# timings (paint, LCP, time to interactive with and without 4x CPU throttling,
# slider latency) + Lighthouse scores for stackweigh. Never fails on timing.
#   ./scripts/bench.sh [--json | --markdown] [--loads N] [--moves N]
#                      [--throttle RATE] [--no-browser] [--no-lighthouse] [--rebuild]
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
