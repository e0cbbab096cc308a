#!/usr/bin/env bash
# Batch throughput of the command line: 1,000,000 Juicyway records, as NDJSON and
# as CSV (made by scripts/gen-records.py under /tmp), checked by the release
# `intake` under /usr/bin/time -v with --jobs 1 and 2, RUNS times each (3 by default:
# this 2-core virtual machine's speed varies from one second to the next). Prints
# the median run's records/s, MB/s, CPU and max RSS, and the best run's records/s,
# as a markdown table, and writes them to target/bench/cli.json for
# scripts/bench-report.py.
#
#   bash scripts/bench-cli.sh            # COUNT=1000000 by default
#   COUNT=100000 RUNS=1 bash scripts/bench-cli.sh
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-1000000}
RUNS=${RUNS:-3}
WORK=${WORK:-/tmp/intake-bench}
mkdir -p "$WORK" target/bench

cargo build --release -q -p intake-cli
for format in ndjson csv; do
  data="$WORK/juicyway-$COUNT.$format"
  if [ ! -s "$data" ]; then
    echo "generating $COUNT records into $data" >&2
    python3 scripts/gen-records.py --count "$COUNT" --format "$format" > "$data.tmp"
    mv "$data.tmp" "$data"
  fi
  for jobs in 1 2; do
    for run in $(seq "$RUNS"); do
      echo "intake check $format --jobs $jobs, run $run of $RUNS ..." >&2
      status=0
      /usr/bin/time -v -o "$WORK/time-$format-$jobs-$run.txt" target/release/intake check --provider juicyway \
        --today 2026-11-22 --jobs "$jobs" "$data" > "$WORK/out-$format-$jobs.ndjson" 2> "$WORK/stderr-$format-$jobs.txt" || status=$?
      # 1: some records are invalid, as gen-records.py makes them; anything else is a failure.
      if [ "$status" -gt 1 ]; then
        cat "$WORK/stderr-$format-$jobs.txt" >&2
        exit "$status"
      fi
    done
  done
  cmp -s "$WORK/out-$format-1.ndjson" "$WORK/out-$format-2.ndjson" || { echo "$format: outputs of --jobs 1 and 2 differ" >&2; exit 1; }
done

python3 - "$COUNT" "$WORK" "$RUNS" <<'PY'
import json, os, re, sys
count, work, runs = int(sys.argv[1]), sys.argv[2], int(sys.argv[3])
rows = []
for fmt in ("ndjson", "csv"):
    size = os.path.getsize(os.path.join(work, f"juicyway-{count}.{fmt}"))
    for jobs in (1, 2):
        measured = []
        for run in range(1, runs + 1):
            t = open(os.path.join(work, f"time-{fmt}-{jobs}-{run}.txt")).read()
            wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
            secs = 0.0
            for part in wall.split(":"):
                secs = secs * 60 + float(part)
            rss_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
            cpu = re.search(r"Percent of CPU this job got: (\S+)", t).group(1)
            measured.append({"wall_s": secs, "cpu": cpu, "max_rss_mb": rss_kb * 1024 / 1e6})
        measured.sort(key=lambda m: m["wall_s"])
        median, best = measured[(len(measured) - 1) // 2], measured[0]
        rows.append({"format": fmt, "bytes": size, "jobs": jobs, "runs": runs, "wall_s": median["wall_s"],
                     "records_per_s": count / median["wall_s"], "best_records_per_s": count / best["wall_s"],
                     "mb_per_s": size / 1e6 / median["wall_s"], "cpu": median["cpu"],
                     "max_rss_mb": max(m["max_rss_mb"] for m in measured)})
result = {"records": count, "bytes": rows[0]["bytes"], "runs": rows}
json.dump(result, open("target/bench/cli.json", "w"), indent=1)
print(f"| input | `--jobs` | wall (median of {runs}) | records/s | best run | MB/s | CPU | max RSS |")
print("|---|---:|---:|---:|---:|---:|---:|---:|")
for r in rows:
    print(f"| {r['format']}, {count:,} records, {r['bytes'] / 1e6:.0f} MB | {r['jobs']} | {r['wall_s']:.2f} s | "
          f"{r['records_per_s']:,.0f} | {r['best_records_per_s']:,.0f} | {r['mb_per_s']:.1f} | {r['cpu']} | {r['max_rss_mb']:.0f} MB |")
PY
