#!/usr/bin/env bash
# The one command that runs every test, from a fresh clone on a fresh machine.
# It installs what it needs first (scripts/setup.sh: wasm target, the pinned
# wasm-bindgen-cli, Chromium, npm packages), then runs, in order:
#   formatting and lints, the Rust tests (core, fixtures, CLI end to end,
#   fuzz regressions, the axum example), the crate's feature combinations (with
#   arbitrary: the structure-aware replays and the example harness), its
#   minimum Rust and its packaged form, the npm package build, its Node tests
#   (incl. the native/WASM parity test over every fixture, the packed tarball
#   from ESM, CommonJS and TypeScript) and its browser tests (incl. the bundler
#   matrix, which installs its pinned bundlers into bindings/npm/test/apps itself).
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

step "the intake crate alone: no default features, each feature alone (no workspace feature unification)"
cargo test -p intake --no-default-features --lib --tests
cargo test -p intake --no-default-features --features clock --lib --tests
cargo test -p intake --no-default-features --features phone --lib --tests
cargo test -p intake --no-default-features --features ts --lib --tests
cargo clippy -p intake --no-default-features --all-targets -- -D warnings

step "the intake crate's docs (rustdoc, warnings denied)"
RUSTDOCFLAGS="-D warnings" cargo doc -p intake --no-deps

step "the intake crate on its declared minimum Rust"
msrv="$(sed -n 's/^rust-version *= *"\([0-9.]*\)".*/\1/p' Cargo.toml | head -1)"
cargo "+$msrv" check -p intake --locked

step "the intake crate as crates.io gets it (cargo package, then its tests unpacked)"
bash scripts/package-test.sh

step "intake's arbitrary feature: clippy, the example harness fuzzing a handler (3 s)"
cargo clippy -p intake --all-targets --all-features -- -D warnings
cargo run -p intake --features arbitrary --release --example fuzz_handler -- 3

step "npm package: build"
(cd bindings/npm && npm run build)

step "npm package: Node tests (incl. native/WASM parity)"
(cd bindings/npm && npm test)

step "npm package: browser tests (headless Chromium: the demo, intake/worker, the form-library recipes, and a form app built by Vite 6/7/8, webpack 5, Rollup, esbuild)"
(cd bindings/npm && npm run test:browser)

step "all tests passed"
