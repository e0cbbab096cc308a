#!/usr/bin/env python3
"""Generate a large, deterministic file of Juicyway customer records, to measure
`intake check` (see crates/intake-cli/README.md, "Performance").

About 9 in 10 records are valid; the rest carry the usual problems (a phone
without country code, a bad email, a missing zip code, an alpha-3 country, an
unknown field). Emails are unique, so no batch rule fires.

    python3 scripts/gen-records.py --count 1000000 --format ndjson > /tmp/x.ndjson
    /usr/bin/time -v target/release/intake check --provider juicyway --today 2026-11-22 /tmp/x.ndjson > /dev/null

The output is for measuring only: write it outside the repository.
"""

import argparse
import csv
import json
import random
import sys

FIRST = ["Adaeze", "Chinedu", "Kwame", "Fatima", "Tunde", "Grace", "Emeka", "Bola", "Zainab", "Ngozi", "Ifeoma", "Musa"]
LAST = ["Okafor", "Eze", "Mensah", "Bello", "Adeyemi", "Njoroge", "Obi", "Ige", "Musa", "Okonkwo", "Balogun", "Danjuma"]
CITIES = [("Lekki", "Lagos", "106104"), ("Ikeja", "Lagos", "100271"), ("Kaduna", "Kaduna", "800001"),
          ("Port Harcourt", "Rivers", "500272"), ("Ibadan", "Oyo", "200001"), ("Kano", "Kano", "700001")]
PREFIXES = ["803", "806", "813", "816", "703", "706", "903", "805", "807", "815", "905", "802", "808", "812"]


def record(i, rng):
    city, state, zip_code = rng.choice(CITIES)
    phone = "+234 %s %03d %04d" % (rng.choice(PREFIXES), rng.randrange(1000), rng.randrange(10000))
    r = {
        "first_name": rng.choice(FIRST),
        "last_name": rng.choice(LAST),
        "email": "customer%d@example.com" % i,
        "phone": phone,
        "type": rng.choice(["individual", "business"]),
        "billing_address": {
            "line1": "%d Admiralty Way" % rng.randrange(1, 400),
            "city": city,
            "state": state,
            "zip_code": zip_code,
            "country": "NG",
        },
    }
    problem = rng.randrange(40)
    if problem == 0:
        r["phone"] = "0" + phone[5:]  # national: read in NG, with a warning
    elif problem == 1:
        r["email"] = "customer%d@example" % i  # one-label domain: 422
    elif problem == 2:
        del r["billing_address"]["zip_code"]  # missing: 400
    elif problem == 3:
        r["billing_address"]["country"] = "NGA"  # alpha-3: converted, with a warning
    elif problem == 4:
        r["middle_name"] = "Chukwu"  # unknown field: dropped, with a warning
    return r


def flat(r):
    out = {k: v for k, v in r.items() if k != "billing_address"}
    out.update({"billing_address." + k: v for k, v in r["billing_address"].items()})
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--format", choices=["ndjson", "json", "csv"], default="ndjson")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = sys.stdout
    if args.format == "ndjson":
        for i in range(args.count):
            out.write(json.dumps(record(i, rng), separators=(",", ":")) + "\n")
    elif args.format == "json":
        out.write("[\n")
        for i in range(args.count):
            out.write((",\n" if i else "") + json.dumps(record(i, rng), separators=(",", ":")))
        out.write("\n]\n")
    else:
        columns = ["first_name", "last_name", "email", "phone", "type", "middle_name"] + [
            "billing_address." + k for k in ("line1", "city", "state", "zip_code", "country")]
        w = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for i in range(args.count):
            w.writerow(flat(record(i, rng)))


if __name__ == "__main__":
    main()
