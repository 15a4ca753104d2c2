# shellcheck shell=bash
# The installers scripts/setup.sh composes: each checks one tool and installs
# it only when it is missing or at another version. Sourced, never run.
# Every version comes from the one file that pins it: Trunk from Trunk.toml
# (`trunk-version`), wasm-bindgen from Cargo.lock, wasm-opt (npm binaryen)
# from package.json, geckodriver from GECKODRIVER_VERSION below.

# geckodriver from crates.io, built from source (never a prebuilt binary).
# 0.37.1 builds with rustc 1.95 and drives firefox-esr 140+.
GECKODRIVER_VERSION="0.37.1"

say() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; fi

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

# --- the pins -------------------------------------------------------------------
# Trunk.toml's `trunk-version = "^0.21.14"`: the version named, without its operator.
trunk_pin() {
  sed -n 's/^trunk-version *= *"[~^=]*\([0-9][0-9.]*\)".*/\1/p' Trunk.toml | head -n 1
}
wasm_bindgen_pin() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}
# package.json's binaryen version; wasm-opt reports its major ("version 132").
binaryen_pin() {
  node -e '
    const p = JSON.parse(require("fs").readFileSync("package.json", "utf8"));
    console.log((p.dependencies ?? {}).binaryen ?? "");
  ' </dev/null
}
# Trunk.toml's [tools] table names the same versions for Trunk's own checks:
# it must agree with the pins above, or Trunk would try to download its own.
check_trunk_tools() {
  local wbg opt
  wbg="$(sed -n 's/^wasm_bindgen *= *"\(.*\)"/\1/p' Trunk.toml)"
  opt="$(sed -n 's/^wasm_opt *= *"version_\(.*\)"/\1/p' Trunk.toml)"
  [ -z "$wbg" ] || [ "$wbg" = "$(wasm_bindgen_pin)" ] ||
    die "Trunk.toml [tools] wasm_bindgen = \"$wbg\" but Cargo.lock has wasm-bindgen $(wasm_bindgen_pin): make them equal"
  [ -z "$opt" ] || [ "$opt" = "$(binaryen_pin | cut -d. -f1)" ] ||
    die "Trunk.toml [tools] wasm_opt = \"version_$opt\" but package.json has binaryen $(binaryen_pin): make them agree"
}

# --- installers -----------------------------------------------------------------
need_node() {
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  say "node $(node --version) ok"
}

need_rust() {
  command -v rustup >/dev/null 2>&1 || die "rustup not found (expected in \$HOME/.cargo/bin)"
  command -v cargo >/dev/null 2>&1 || die "cargo not found (expected in \$HOME/.cargo/bin)"
}

need_wasm_target() {
  if rustup target list --installed 2>/dev/null </dev/null | grep -qx 'wasm32-unknown-unknown'; then
    say "rustup target wasm32-unknown-unknown ok"
  else
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown </dev/null
  fi
}

need_rust_components() {
  local installed comp
  installed="$(rustup component list --installed 2>/dev/null </dev/null)"
  for comp in rustfmt clippy; do
    if grep -q "^${comp}-" <<<"$installed"; then
      say "rustup component $comp ok"
    else
      say "rustup component add $comp"
      rustup component add "$comp" </dev/null
    fi
  done
}

# A cargo-installed tool at its pinned version: the command, the version it
# must report (`COMMAND --version`, second word), a note for the log, then
# the crate and the other `cargo install` arguments.
need_cargo_tool() {
  local command="$1" want="$2" note="$3" crate="$4" have
  shift 3
  [ -n "$want" ] || die "no pinned version for $command"
  have="$("$command" --version 2>/dev/null </dev/null | awk 'NR==1 {print $2}' || true)"
  if [ "$have" = "$want" ]; then
    say "$command $want ok"
  else
    say "cargo install $crate $want (was: ${have:-none}${note:+; $note})"
    cargo install "$@" --version "=$want" --quiet </dev/null
  fi
}

need_trunk() {
  need_cargo_tool trunk "$(trunk_pin)" "compiles from source, the longest step of a first run" trunk --locked
}

# Deliberately without --locked (the project install notes say so).
need_wasm_bindgen() {
  need_cargo_tool wasm-bindgen "$(wasm_bindgen_pin)" "" wasm-bindgen-cli --force
}

# Up to date = every package package-lock.json installs for this purpose
# (`build`: the dependencies only; `test`: everything) is in node_modules at
# its locked version.
npm_up_to_date() {
  [ -d node_modules ] || return 1
  node --input-type=module -e '
    import { readFileSync, existsSync } from "node:fs";
    const withDev = process.argv[1] === "test";
    const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
    for (const [where, meta] of Object.entries(lock.packages ?? {})) {
      if (!where || meta.optional || meta.extraneous || (meta.dev && !withDev)) continue;
      const pj = where + "/package.json";
      if (!existsSync(pj)) process.exit(1);
      if (meta.version && JSON.parse(readFileSync(pj, "utf8")).version !== meta.version) process.exit(1);
    }
  ' "$1" </dev/null
}

# build: package.json's dependencies (binaryen's wasm-opt, terser for the
# glue); test: its devDependencies too (Playwright, axe-core, Lighthouse…).
need_npm() {
  local purpose="$1" want have
  [ -f package-lock.json ] || die "package-lock.json missing"
  if npm_up_to_date "$purpose"; then
    say "node_modules ok ($purpose)"
  elif [ "$purpose" = build ]; then
    say "npm ci --omit=dev"
    npm ci --omit=dev --no-audit --no-fund --loglevel=error </dev/null
  else
    say "npm ci"
    npm ci --no-audit --no-fund --loglevel=error </dev/null
  fi
  [ -x node_modules/.bin/wasm-opt ] || die "node_modules/.bin/wasm-opt missing after npm ci"
  want="$(binaryen_pin | cut -d. -f1)"
  have="$(node_modules/.bin/wasm-opt --version </dev/null | awk '{print $3}')"
  [ "$have" = "$want" ] || die "wasm-opt is version $have, package.json pins binaryen $want"
  say "wasm-opt $have ok"
}

# Debian's chromium and firefox-esr (never a downloaded browser), one apt-get call.
need_browsers() {
  local missing=()
  if [ -x /usr/bin/chromium ]; then say "chromium ok"; else missing+=(chromium chromium-driver); fi
  if [ -x /usr/bin/firefox-esr ]; then say "firefox-esr ok"; else missing+=(firefox-esr); fi
  if [ "${#missing[@]}" -gt 0 ]; then
    apt_install "${missing[@]}"
    [ -x /usr/bin/chromium ] || die "/usr/bin/chromium still missing after apt-get install"
    [ -x /usr/bin/firefox-esr ] || die "/usr/bin/firefox-esr still missing after apt-get install"
  fi
}

need_geckodriver() {
  need_cargo_tool geckodriver "$GECKODRIVER_VERSION" "compiles from source" geckodriver --locked --force
}
