#!/usr/bin/env bash
# The one command that runs every test, from a fresh clone on a fresh machine.
# It installs what it needs first (scripts/setup.sh: wasm target, the pinned
# wasm-bindgen-cli, Chromium, npm packages), then runs, in order:
#   formatting and lints, the Rust tests (core, fixtures, CLI end to end,
#   fuzz regressions; with intake's arbitrary feature, the structure-aware
#   replays and the example harness), the npm package build, its Node tests (incl. the
#   native/WASM parity test over every fixture) and its browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "setup"
bash scripts/setup.sh

step "rustfmt"
cargo fmt --all -- --check

step "clippy"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p intake-wasm --target wasm32-unknown-unknown -- -D warnings

step "cargo test"
cargo test --workspace

step "intake's arbitrary feature: clippy, the structure-aware replays, the example harness (3 s)"
cargo clippy -p intake --all-targets --all-features -- -D warnings
cargo test -p intake --features arbitrary
cargo run -p intake --features arbitrary --release --example fuzz_handler -- 3

step "npm package: build"
(cd bindings/npm && npm run build)

step "npm package: Node tests (incl. native/WASM parity)"
(cd bindings/npm && npm test)

step "npm package: browser tests (headless Chromium)"
(cd bindings/npm && npm run test:browser)

step "all tests passed"
