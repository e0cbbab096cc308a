#!/usr/bin/env python3
"""Writes the committed fuzz seeds (fuzz/seeds/<target>/) from the fixtures: every
profile fixture's record for its profile target, and every field fixture's string
input for its rule family. Run again after adding fixtures; the seeds are data, the
corpus the fuzzer grows (fuzz/corpus/) is not committed."""
import hashlib, json, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
seeds = root / "fuzz" / "seeds"
family = {
    "text": "rule_text", "email": "rule_email", "phone": "rule_phone", "phone_with_code": "rule_phone",
    "uk_postcode": "rule_postal", "atoa_postcode": "rule_postal", "country": "rule_postal", "gb_vat": "rule_vat",
    "card_number": "rule_card", "expiry_month": "rule_card", "expiry_year": "rule_card", "cvv": "rule_card",
    "uuid": "rule_ids", "hex24": "rule_ids", "date": "rule_ids", "url": "rule_ids",
}

def put(target, data: bytes):
    d = seeds / target
    d.mkdir(parents=True, exist_ok=True)
    (d / hashlib.sha1(data).hexdigest()[:16]).write_bytes(data)

for f in sorted((root / "fixtures" / "profiles").glob("*.json")):
    spec = json.loads(f.read_text())
    for case in spec["cases"]:
        data = case["raw"] if "raw" in case else json.dumps(case["record"], ensure_ascii=False)
        put("profile_" + spec["provider"], data.encode())
for f in sorted((root / "fixtures" / "fields").glob("*.json")):
    spec = json.loads(f.read_text())
    target = family.get(spec["rule"])
    for case in spec["cases"]:
        if target and isinstance(case.get("input"), str):
            put(target, case["input"].encode())
            put("field_check", case["input"].encode())

# Structure-aware targets: their bytes are choices, not JSON. Seeds: no bytes
# (every choice the first: a clean valid record), and a few fixed patterns.
for t in ["atoa", "paydock", "authvia", "stax", "juicyway", "batch", "field"]:
    for pattern in [b"", bytes(range(256)), bytes(range(255, -1, -1)) * 2, bytes([0x5A, 0xA5] * 64), bytes([7]) * 300]:
        put("structured_" + t, pattern)
