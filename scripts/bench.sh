#!/usr/bin/env bash
# Every benchmark in one run, then BENCHMARKS.md's generated part (scripts/bench-report.py):
#   1. criterion: benches/ (intake-benches): field rules, whole records, validator and garde peers;
#      the phone engine against the phonenumber crate (one and two threads, first number);
#   2. scripts/bench-cli.sh: `intake check` on 1,000,000 Juicyway records, --jobs 1 and 2;
#   3. bindings/npm `npm run bench`: the npm package against zod + validator.js +
#      libphonenumber-js + card-validator, in Node and headless Chromium; size; cold start.
# About 6 minutes on 2 cores, builds included. Run it on an otherwise idle machine: the load average is
# recorded in BENCHMARKS.md. INTAKE_BENCH_MEASURE_MS (default 2000) sets criterion's
# measurement time per bench; COUNT (default 1000000) the CLI's records.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench

load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "load average before: $load" >&2
awk '{ exit !($1 > 1.0) }' /proc/loadavg && echo "warning: the machine is busy (load $load); numbers will be noisy" >&2
echo "$load" > target/bench/load-start.txt

# Builds first, so that nothing is compiled while measuring.
cargo bench -p intake-benches --no-run -q
cargo build --release -q -p intake-cli
(cd bindings/npm && { [ -d node_modules ] || npm ci --no-audit --no-fund; } && npm run -s build)

rm -rf target/criterion/rule target/criterion/record target/criterion/phone target/criterion/phone_threads \
  target/criterion/peer-agreement.json
cargo bench -q -p intake-benches --bench compare
cargo bench -q -p intake-benches --bench phone
# The first phone number of a fresh process, 7 processes per engine; the medians.
cargo build --release -q -p intake-benches --example first_phone
for i in 1 2 3 4 5 6 7; do
  for engine in intake phonenumber; do target/release/examples/first_phone "$engine"; done
done | python3 -c '
import json, statistics, sys
runs = [json.loads(l) for l in sys.stdin]
out = {"runs": len(runs) // 2}
for e in ("intake", "phonenumber"):
    mine = [r for r in runs if r["engine"] == e]
    out[e] = {k: statistics.median(r[k] for r in mine) for k in ("first_us", "second_us")}
json.dump(out, open("target/bench/first-phone.json", "w"))'

bash scripts/bench-cli.sh
(cd bindings/npm && node scripts/bench.mjs)
cut -d' ' -f1-3 /proc/loadavg > target/bench/load-end.txt

python3 scripts/bench-report.py
