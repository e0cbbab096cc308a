#!/usr/bin/env bash
# Line coverage of crates/intake/src/profiles/ and rules/ reached by fuzz targets
# on their inputs (the grown corpus fuzz/corpus/<target>/ when there is one, plus
# the committed seeds and regressions), with `cargo +nightly fuzz coverage`.
#
#   bash scripts/fuzz_coverage.sh before profile_atoa profile_stax ...
#   FEATURES=intake/arbitrary bash scripts/fuzz_coverage.sh after structured_atoa ...
#
# Writes fuzz/coverage/<label>/: one profdata per target, the union over the
# targets named (report.txt: per file; per target: <target>.txt; the lines no
# target reached: unreached.txt). REUSE=1 takes a target's profdata already in
# fuzz/coverage/<label>/ (copy it there) instead of running it again: a union of
# other targets. SOURCES=seeds measures the committed seeds alone (default:
# "corpus seeds regressions"). Needs llvm-tools-preview on nightly.
set -euo pipefail
cd "$(dirname "$0")/.."

label=$1
shift
sysroot=$(rustc +nightly --print sysroot)
bin="$sysroot/lib/rustlib/x86_64-unknown-linux-gnu/bin"
triple=x86_64-unknown-linux-gnu
out=fuzz/coverage/$label
mkdir -p "$out"
objects=()
profiles=()
filter=(--ignore-filename-regex='/(rustc|\.cargo|\.rustup)/|crates/intake/src/(batch|catalog|code|date|diagnostic|field|fields|invariants|json|lib|limits|options|outcome|path|provider|report)\.rs|crates/intake/src/arbitrary|crates/intake-cli|rules/phone/(tables|reference)\.rs')

for target in "$@"; do
  dirs=()
  for kind in ${SOURCES:-corpus seeds regressions}; do
    d=fuzz/$kind/$target
    [ -d "$d" ] && dirs+=("$d")
  done
  [ ${#dirs[@]} -eq 0 ] && { mkdir -p "fuzz/corpus/$target"; dirs+=("fuzz/corpus/$target"); }
  if [[ -n ${REUSE:-} && -f $out/$target.profdata ]]; then
    objects+=("-object=fuzz/target/$triple/coverage/$triple/release/$target")
    profiles+=("$out/$target.profdata")
    continue
  fi
  (cd fuzz && nice -n 19 cargo +nightly fuzz coverage -O ${FEATURES:+--features "$FEATURES"} "$target" "${dirs[@]/#fuzz\//}" \
    >"../$out/$target.log" 2>&1)
  cp "fuzz/coverage/$target/coverage.profdata" "$out/$target.profdata"
  object="fuzz/target/$triple/coverage/$triple/release/$target"
  objects+=("-object=$object")
  profiles+=("$out/$target.profdata")
  "$bin/llvm-cov" report "$object" -instr-profile="$out/$target.profdata" "${filter[@]}" \
    crates/intake/src/profiles crates/intake/src/rules >"$out/$target.txt"
  tail -1 "$out/$target.txt" | sed "s|^|$target: |"
done

"$bin/llvm-profdata" merge -sparse "${profiles[@]}" -o "$out/union.profdata"
first=${objects[0]#-object=}
"$bin/llvm-cov" report "$first" "${objects[@]:1}" -instr-profile="$out/union.profdata" "${filter[@]}" \
  crates/intake/src/profiles crates/intake/src/rules >"$out/report.txt"
"$bin/llvm-cov" show "$first" "${objects[@]:1}" -instr-profile="$out/union.profdata" "${filter[@]}" \
  -show-line-counts -use-color=false crates/intake/src/profiles crates/intake/src/rules >"$out/show.txt"
# Lines with a count of 0: `  NN|      0|code`.
awk '/^\/.*\.rs:$/ {file=$0} /^ *[0-9]+\| *0\|/ {print file " " $0}' "$out/show.txt" >"$out/unreached.txt"
cat "$out/report.txt"
