#!/usr/bin/env bash
# stackweigh benchmark (scripts/bench/): file sizes gzip and brotli, the page's first load and first visit
# with its service worker, an embed's bytes in a blog post before and after interaction, paint and
# start-up timings, slider latency, first-interaction latency on a throttled embed, Lighthouse.
# A measurement, never a test: slow numbers and missed budgets never fail it.
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
exec node "$REPO/scripts/bench/main.mjs" ${args[@]+"${args[@]}"}
