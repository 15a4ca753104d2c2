#!/usr/bin/env bash
# Build stackweigh (release) and serve dist/ on http://127.0.0.1:$PORT/ (default 8080).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

PORT="${PORT:-8080}"
case "$PORT" in
  ''|*[!0-9]*) echo "serve: PORT must be a number, got '$PORT'" >&2; exit 2 ;;
esac

# Fail early and clearly if the port is taken (before setup and a long build).
port_free() {
  node -e '
    const s = require("node:net").createServer();
    s.once("error", () => process.exit(1));
    s.listen(Number(process.argv[1]), "127.0.0.1", () => s.close());
  ' "$PORT"
}
if command -v node >/dev/null 2>&1 && ! port_free; then
  echo "serve: port $PORT on 127.0.0.1 is already in use. Stop whatever uses it, or choose another: PORT=8081 ./scripts/serve.sh" >&2
  exit 3
fi

bash "$REPO/scripts/setup.sh" build
# shellcheck source=scripts/env.sh
. "$REPO/scripts/env.sh"

echo "serve: trunk build --release --offline"
trunk build --release --offline

exec node "$REPO/scripts/static-server.mjs" "$REPO/dist" "$PORT"
