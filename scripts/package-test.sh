#!/usr/bin/env bash
# Packages the `intake` crate as crates.io would get it, then builds and tests
# the unpacked package on its own (outside the workspace, with its packaged
# Cargo.lock): its unit tests, integration tests and doctests need no file
# that the package does not carry. Also lists the package's licence files.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo package -p intake --allow-dirty --no-verify --quiet
crate="$(ls -t target/package/intake-*.crate | head -1)"
listing="$(tar -tzf "$crate")"
for f in LICENSE-MIT LICENSE-APACHE README.md; do
  grep -qx "intake-[0-9.]*/$f" <<<"$listing" || { echo "package-test: $f is not in $crate" >&2; exit 1; }
done
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$crate" -C "$work"
dir="$(ls -d "$work"/intake-*)"
# A target directory of its own, kept between runs (the package's path changes).
CARGO_TARGET_DIR="$PWD/target/package-test" cargo test --manifest-path "$dir/Cargo.toml" --locked --quiet
echo "package-test: $(basename "$crate") builds and passes its tests unpacked"
