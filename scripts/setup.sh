#!/usr/bin/env bash
# Installs whatever stackweigh needs to build and test, skipping anything
# already present at the right version. Idempotent; needs no stdin (CI=true ok).
#   - rustup components rustfmt + clippy, target wasm32-unknown-unknown
#   - trunk 0.21.14 and wasm-bindgen-cli (version read from Cargo.lock)
#   - npm devDependencies (npm ci) when node_modules is missing or stale
#   - Debian chromium + chromium-driver when /usr/bin/chromium is missing
#   - Debian firefox-esr and geckodriver (cargo install, pinned) for the
#     second-engine browser tests in tests/firefox/
# It exports nothing: callers source scripts/env.sh for PATH.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
# shellcheck source=scripts/env.sh
. "$REPO/scripts/env.sh"

TRUNK_VERSION="0.21.14"
# geckodriver from crates.io, built from source (never a prebuilt binary).
# 0.37.1 builds with rustc 1.95 and drives firefox-esr 140+.
GECKODRIVER_VERSION="0.37.1"
export DEBIAN_FRONTEND=noninteractive
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi
fi

APT_UPDATED=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install $* by hand"
  if [ "$APT_UPDATED" -eq 0 ]; then
    say "apt-get update"
    $SUDO apt-get update -qq </dev/null
    APT_UPDATED=1
  fi
  say "apt-get install $*"
  $SUDO apt-get install -y -qq "$@" </dev/null >/dev/null
}

# --- Node.js / npm (needed for wasm-opt, the static server and browser tests)
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  apt_install nodejs npm
fi
say "node $(node --version) ok"

# --- Rust toolchain -----------------------------------------------------------
command -v rustup >/dev/null 2>&1 || die "rustup not found (expected in \$HOME/.cargo/bin)"
command -v cargo >/dev/null 2>&1 || die "cargo not found (expected in \$HOME/.cargo/bin)"

installed_components="$(rustup component list --installed 2>/dev/null </dev/null)"
for comp in rustfmt clippy; do
  if grep -q "^${comp}-" <<<"$installed_components"; then
    say "rustup component $comp ok"
  else
    say "rustup component add $comp"
    rustup component add "$comp" </dev/null
  fi
done

if rustup target list --installed 2>/dev/null </dev/null | grep -qx 'wasm32-unknown-unknown'; then
  say "rustup target wasm32-unknown-unknown ok"
else
  say "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown </dev/null
fi

# --- trunk --------------------------------------------------------------------
have_trunk="$(trunk --version 2>/dev/null </dev/null | awk '{print $2}' || true)"
if [ "$have_trunk" = "$TRUNK_VERSION" ]; then
  say "trunk $TRUNK_VERSION ok"
else
  say "cargo install trunk $TRUNK_VERSION (was: ${have_trunk:-none}; takes ~15 min)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --quiet </dev/null
fi

# --- wasm-bindgen-cli: must equal the wasm-bindgen crate in Cargo.lock --------
if [ ! -f Cargo.lock ]; then
  say "Cargo.lock missing: cargo generate-lockfile"
  cargo generate-lockfile --quiet </dev/null
fi
WBG_VERSION="$(awk '
  $0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }
' Cargo.lock)"
[ -n "$WBG_VERSION" ] || die "could not read the wasm-bindgen version from Cargo.lock"
have_wbg="$(wasm-bindgen --version 2>/dev/null </dev/null | awk '{print $2}' || true)"
if [ "$have_wbg" = "$WBG_VERSION" ]; then
  say "wasm-bindgen-cli $WBG_VERSION ok"
else
  # Deliberately without --locked (the project install notes say so).
  say "cargo install wasm-bindgen-cli $WBG_VERSION (was: ${have_wbg:-none})"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force --quiet </dev/null
fi

# --- npm devDependencies ------------------------------------------------------
# Up to date = every package in package-lock.json is in node_modules at the
# locked version (cheaper and more exact than comparing timestamps).
npm_up_to_date() {
  [ -d node_modules ] || return 1
  node --input-type=module -e '
    import { readFileSync, existsSync } from "node:fs";
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
    const pkgs = lock.packages ?? {};
    for (const [where, meta] of Object.entries(pkgs)) {
      if (!where || meta.optional || meta.extraneous) continue;
      const pj = where + "/package.json";
      if (!existsSync(pj)) process.exit(1);
      if (meta.version && JSON.parse(readFileSync(pj, "utf8")).version !== meta.version) process.exit(1);
    }
  ' </dev/null
}
if [ ! -f package-lock.json ]; then
  die "package-lock.json missing"
elif npm_up_to_date; then
  say "node_modules ok"
else
  say "npm ci"
  npm ci --no-audit --no-fund --loglevel=error </dev/null
fi
[ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt missing after npm ci"
say "wasm-opt $(node_modules/.bin/wasm-opt --version </dev/null | awk '{print $3}') ok"

# --- Browsers: Debian chromium and firefox-esr (never a downloaded browser) ----
# One apt-get call for whatever is missing.
browsers=()
if [ -x /usr/bin/chromium ]; then say "chromium ok"; else browsers+=(chromium chromium-driver); fi
if [ -x /usr/bin/firefox-esr ]; then say "firefox-esr ok"; else browsers+=(firefox-esr); fi
if [ "${#browsers[@]}" -gt 0 ]; then
  apt_install "${browsers[@]}"
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium still missing after apt-get install"
  [ -x /usr/bin/firefox-esr ] || die "/usr/bin/firefox-esr still missing after apt-get install"
fi

# --- geckodriver (WebDriver for firefox-esr), compiled from crates.io ----------
have_gd="$(geckodriver --version 2>/dev/null </dev/null | awk 'NR==1 {print $2}' || true)"
if [ "$have_gd" = "$GECKODRIVER_VERSION" ]; then
  say "geckodriver $GECKODRIVER_VERSION ok"
else
  say "cargo install geckodriver $GECKODRIVER_VERSION (was: ${have_gd:-none}; takes ~5 min)"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked --force --quiet </dev/null
fi

say "done"
