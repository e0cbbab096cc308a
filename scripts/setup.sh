#!/usr/bin/env bash
# Prepare a fresh Debian machine to build and test the npm package (bindings/npm).
# Idempotent: each step checks first, so a second run is a fast no-op.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

# 1. Rust target for the browser build.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

# 1b. The declared minimum Rust (workspace rust-version), to check the crate with it.
msrv="$(sed -n 's/^rust-version *= *"\([0-9.]*\)".*/\1/p' "$root/Cargo.toml" | head -1)"
if ! rustup toolchain list | grep -q "^$msrv-"; then
  rustup toolchain install "$msrv" --profile minimal
fi

# 2. wasm-bindgen CLI: must equal the crate's `=x.y.z` pin or the generated glue mismatches.
want="$(sed -n 's/^wasm-bindgen *= *"=\([0-9.]*\)".*/\1/p' "$root/bindings/wasm/Cargo.toml")"
[[ -n "$want" ]] || { echo "setup: no wasm-bindgen = \"=x.y.z\" pin in bindings/wasm/Cargo.toml" >&2; exit 1; }
have="$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)"
if [[ "$have" != "$want" ]]; then
  echo "setup: installing wasm-bindgen-cli $want (found: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want"  # without --locked: the way verified to work here
fi

# 3. Headless Chromium for the browser test (playwright cannot download browsers here).
if [[ ! -x /usr/bin/chromium ]]; then
  sudo=""; [[ "$(id -u)" -eq 0 ]] || sudo="sudo"
  $sudo apt-get update
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# 4. JS dev dependencies (binaryen's wasm-opt, playwright-core); skip when already in sync.
cd "$root/bindings/npm"
if [[ ! -f package-lock.json ]]; then
  npm install --no-audit --no-fund
fi
# A stamp of the lockfile inside node_modules (npm ci wipes it): same hash, nothing to do.
sum="$(sha256sum package-lock.json)"
if [[ "$(cat node_modules/.setup-lock.sha256 2>/dev/null || true)" != "$sum" ]]; then
  npm ci --no-audit --no-fund
  echo "$sum" > node_modules/.setup-lock.sha256
fi
echo "setup: ok (wasm-bindgen $want, $(/usr/bin/chromium --version 2>/dev/null || echo chromium?))"
