#!/usr/bin/env bash
# What the spreadsheet options cost: the same generated Juicyway records checked by the
# release `intake` as plain NDJSON (the reference), as NDJSON with the options
# (--id-column, --only-invalid, --errors, --valid), as CSV, as CSV with the options,
# and as a CRM-style export (semicolons, CRLF, "First Name"-style headers matched
# loosely) with the options. Every run writes its stdout to a file, as a real run
# does (the reference's is the full NDJSON; with --only-invalid, the invalid records'),
# so the options' files are weighed against the reference's own output. Runs are
# interleaved, ROUNDS rounds in a rotating order, so the machine's load falls on every
# configuration alike; prints the median wall time and CPU time (user + sys) of each,
# and its ratio to the reference.
#
#   bash scripts/bench-cli-options.sh                 # COUNT=300000 ROUNDS=7 JOBS=2
#   BASE=/path/to/other/intake bash scripts/bench-cli-options.sh   # adds that binary's plain NDJSON
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-300000}
ROUNDS=${ROUNDS:-7}
JOBS=${JOBS:-2}
WORK=${WORK:-/tmp/intake-bench-options}
mkdir -p "$WORK"
cargo build --release -q -p intake-cli
BIN=target/release/intake

if [ ! -s "$WORK/j-$COUNT.ndjson" ]; then
  python3 scripts/gen-records.py --count "$COUNT" --format ndjson > "$WORK/j-$COUNT.ndjson"
  python3 scripts/gen-records.py --count "$COUNT" --format csv > "$WORK/j-$COUNT.csv"
  python3 - "$WORK/j-$COUNT.csv" "$WORK/crm-$COUNT.csv" <<'PY'
import csv, sys
rows = csv.reader(open(sys.argv[1], newline=""))
next(rows)
head = ["First Name", "Last Name", "Email", "Phone", "Type", "Middle Name", "Address Line 1", "City", "State",
        "Postal Code", "Country"]
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f, delimiter=";", lineterminator="\r\n")
    w.writerow(head)
    w.writerows(rows)
PY
fi

CHECK="check --provider juicyway --today 2026-11-22 --jobs $JOBS"
OPTS="--id-column email --only-invalid --errors $WORK/errors.csv --valid $WORK/valid.ndjson"
NAMES=("NDJSON (reference)" "NDJSON + options" "CSV" "CSV + options" "CRM export (; CRLF, loose headers) + options")
CMDS=(
  "$BIN $CHECK $WORK/j-$COUNT.ndjson"
  "$BIN $CHECK $OPTS $WORK/j-$COUNT.ndjson"
  "$BIN $CHECK $WORK/j-$COUNT.csv"
  "$BIN $CHECK $OPTS $WORK/j-$COUNT.csv"
  "$BIN $CHECK $OPTS $WORK/crm-$COUNT.csv"
)
if [ -n "${BASE:-}" ]; then
  NAMES+=("NDJSON, $BASE")
  CMDS+=("$BASE $CHECK $WORK/j-$COUNT.ndjson")
fi

: > "$WORK/times.tsv"
n=${#CMDS[@]}
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq 1 "$ROUNDS"); do
  for k in $(seq 0 $((n - 1))); do
    i=$(( (k + round) % n ))
    status=0
    /usr/bin/time -f "%e %U %S" -o "$WORK/t.txt" ${CMDS[$i]} > "$WORK/stdout.ndjson" 2> "$WORK/stderr.txt" || status=$?
    # 1: some generated records are invalid on purpose; anything else is a failure.
    if [ "$status" -gt 1 ]; then cat "$WORK/stderr.txt" >&2; exit "$status"; fi
    printf '%s\t%s\n' "$i" "$(tail -1 "$WORK/t.txt")" >> "$WORK/times.tsv"
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

python3 - "$WORK/times.tsv" "$COUNT" "$ROUNDS" "${NAMES[@]}" <<'PY'
import statistics, sys
path, count, rounds, names = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
wall, cpu = {}, {}
for line in open(path):
    i, t = line.split("\t")
    e, u, s = map(float, t.split())
    wall.setdefault(int(i), []).append(e)
    cpu.setdefault(int(i), []).append(u + s)
ref_w, ref_c = statistics.median(wall[0]), statistics.median(cpu[0])
print(f"{count:,} records, {rounds} interleaved rounds, medians:\n")
print("| input | wall | records/s | wall vs reference | CPU (user+sys) | CPU vs reference |")
print("|---|---:|---:|---:|---:|---:|")
for i, name in enumerate(names):
    w, c = statistics.median(wall[i]), statistics.median(cpu[i])
    print(f"| {name} | {w:.2f} s | {count / w:,.0f} | {w / ref_w - 1:+.1%} | {c:.2f} s | {c / ref_c - 1:+.1%} |")
PY
