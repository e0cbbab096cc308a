#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 120), JOBS at a time (default 2),
# with the committed seeds and dictionary; prints a line per target: executions,
# corpus size, crashes. Needs nightly and cargo-fuzz (installed if missing).
# A crash leaves its input in fuzz/artifacts/<target>/: minimize it, fix the bug,
# and commit the input to fuzz/regressions/<target>/ so `cargo test` replays it.
#
#   bash scripts/fuzz.sh            # every target, 2 minutes each
#   bash scripts/fuzz.sh 600 1 profile_paydock   # one target, 10 minutes
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-120}"; jobs="${2:-2}"; shift $(( $# > 2 ? 2 : $# )) || true
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || mapfile -t targets < <(sed -n 's/^name = "\(rule_.*\|profile_.*\|field_check\|readers\|structured_.*\)"$/\1/p' fuzz/Cargo.toml)
rustup toolchain list | grep -q nightly || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
cargo +nightly fuzz build -O >/dev/null
mkdir -p fuzz/logs
run() {
  local t="$1" log="fuzz/logs/$1.log"
  mkdir -p "fuzz/corpus/$t" "fuzz/seeds/$t"
  # The structure-aware targets read choices, not JSON: no dictionary for them.
  local dict=-dict=fuzz/dict/intake.dict
  [[ $t == structured_* ]] && dict=-use_value_profile=0
  if cargo +nightly fuzz run -O "$t" "fuzz/corpus/$t" "fuzz/seeds/$t" -- \
      -max_total_time="$seconds" "$dict" -max_len=4096 -rss_limit_mb=2048 \
      -print_final_stats=1 >"$log" 2>&1; then status=ok; else status=CRASH; fi
  local execs; execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  printf '%-18s %-6s executions=%-10s corpus=%s\n' "$t" "$status" "${execs:-?}" "$(ls "fuzz/corpus/$t" | wc -l)"
}
export -f run; export seconds
printf '%s\n' "${targets[@]}" | xargs -P "$jobs" -I{} bash -c 'run {}'
# A crash fails the command: its input is in fuzz/artifacts/<target>/.
crashed=$(for t in "${targets[@]}"; do grep -qs 'ERROR: libFuzzer' "fuzz/logs/$t.log" && echo "$t" || true; done)
[[ -z "$crashed" ]] || { echo "crashed: $crashed" | tr '\n' ' '; echo; exit 1; }
