# shellcheck shell=bash
# Source me: puts the project's tools on PATH (cargo-installed trunk and
# wasm-bindgen, npm-installed wasm-opt). Safe to source more than once.
#   . scripts/env.sh
_sw_repo="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) PATH="$HOME/.cargo/bin:$PATH" ;; esac
case ":$PATH:" in *":$_sw_repo/node_modules/.bin:"*) ;; *) PATH="$_sw_repo/node_modules/.bin:$PATH" ;; esac
export PATH
unset _sw_repo
