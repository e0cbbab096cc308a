#!/usr/bin/env python3
"""Writes fixtures/reference/phone.json (libphonenumber's own verdicts on phone texts)
fixtures/reference/phone_format.json (how it writes every valid one) and
fixtures/reference/phone_as_you_type.json (what its AsYouTypeFormatter shows after
every character typed).

The reference is Google's libphonenumber through its Python port `phonenumbers`,
pinned in requirements.txt to the release whose metadata intake compiles
(crates/intake-phonegen/data/PhoneNumberMetadata.xml, 9.0.33). For every text the
corpus records what `phonenumbers.parse(text, region)` says: the parse error, or
the E.164 form, validity, region, number type and possibility of the number.
Texts that begin with `00` also record the reading of `+` and the rest, which is
what intake does where the region does not dial out with 00 (docs/RULES.md).

    python3 -m venv /tmp/pn && /tmp/pn/bin/pip install -r scripts/phone-reference/requirements.txt
    /tmp/pn/bin/python scripts/phone-reference/generate.py

The texts: every region's and non-geographic code's example number of every
type, written in E.164, in libphonenumber's international and national formats
(read in the region), with `00` and a trunk prefix after the code; each with the
last digit dropped, a digit added and two digits changed; numbers of random
digits of each possible length (and one either side); and the cases the phone
issue and docs/RULES.md name. Random choices use a fixed seed, so the file is
the same on every run.

As-you-type sequences: every region's example number of every type, typed one
character at a time as the digits of its national format in its region, as
E.164 in its region and with no region ("ZZ"), and (its fixed-line or first
example) after the region's international prefix; every non-geographic code's
examples as E.164 with no region; per region, a run of random digits typed
nationally and one after `+` and its calling code (the formatter's paths for
numbers no format fits); and a few texts with characters the formatter does not
take (spaces, letters). Each case records the formatter's output after
every character.
"""
import json
import os
import random
import sys

import phonenumbers as pn
from phonenumbers import NumberParseException, PhoneNumberType as T, ValidationResult as V

VERSION = "9.0.33"
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "reference", "phone.json")
FORMAT_OUT = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "reference", "phone_format.json")
AS_YOU_TYPE_OUT = os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "reference", "phone_as_you_type.json")

TYPES = {
    T.FIXED_LINE: "fixed_line", T.MOBILE: "mobile", T.FIXED_LINE_OR_MOBILE: "fixed_line_or_mobile",
    T.TOLL_FREE: "toll_free", T.PREMIUM_RATE: "premium_rate", T.SHARED_COST: "shared_cost", T.VOIP: "voip",
    T.PERSONAL_NUMBER: "personal_number", T.PAGER: "pager", T.UAN: "uan", T.VOICEMAIL: "voicemail",
    T.UNKNOWN: "unknown",
}
POSSIBLE = {
    V.IS_POSSIBLE: "possible", V.IS_POSSIBLE_LOCAL_ONLY: "local_only", V.INVALID_COUNTRY_CODE: "invalid_country_code",
    V.TOO_SHORT: "too_short", V.INVALID_LENGTH: "invalid_length", V.TOO_LONG: "too_long",
}
ERRORS = {
    NumberParseException.INVALID_COUNTRY_CODE: "invalid_country_code",
    NumberParseException.NOT_A_NUMBER: "not_a_number",
    NumberParseException.TOO_SHORT_AFTER_IDD: "too_short_after_idd",
    NumberParseException.TOO_SHORT_NSN: "too_short_nsn",
    NumberParseException.TOO_LONG: "too_long",
}
# Cases named in the phone issue and in docs/RULES.md: (text, region).
NAMED = [
    ("+6323234567", None), ("+36 80 123 4564", None), ("8 0152 45-09-11", "BY"), ("+44 00 7911 123456", None),
    ("+1 1 201 555 0123", None), ("+7 8 800 123 4567", None), ("07911 123456", "GB"), ("+7 846 906 73 40", None),
    ("8 846 906 73 40", "RU"), ("00 118 3562", "TJ"), ("922654775", "PK"), ("44 7400 123456", "GB"),
    ("011 44 7400 123456", "US"), ("00 44 7400 123456", "US"), ("0044 7400 123456", "GB"), ("+44 (0)7400 123456", None),
    ("+39 (0)6 1234 5678", None), ("+39 06 1234 5678", None), ("1 201 555 0123", "US"), ("201 555 0123", "CA"),
    ("+262 269 61 23 45", None), ("0269 61 23 45", "YT"), ("+599 9 518 1234", None), ("+47 79 12 34 56", None),
    # National forms libphonenumber writes but reads back as another number (fuzz finds).
    ("011 1554-1115", "AR"), ("06 03 94 80", "GA"), ("881081000 946701", "RU"),
]


def verdict(text, region):
    try:
        n = pn.parse(text, region)
    except NumberParseException as e:
        return {"error": ERRORS[e.error_type]}
    return {
        "e164": pn.format_number(n, pn.PhoneNumberFormat.E164),
        "valid": pn.is_valid_number(n),
        "region": pn.region_code_for_number(n),
        "type": TYPES[pn.number_type(n)],
        "possible": POSSIBLE[pn.is_possible_number_with_reason(n)],
    }


def case(text, region):
    c = {"input": text}
    if region is not None:
        c["args"] = {"region": region}
    c["expect"] = verdict(text, region)
    digits = "".join(ch for ch in text if ch.isdigit())
    if not text.lstrip().startswith("+") and digits.startswith("00"):
        c["expect_plus"] = verdict("+" + digits[2:], None)
    return c


def variants(n, region, rng):
    """Texts for one example number `n` of `region` (None for a non-geographic code)."""
    cc, nsn = str(n.country_code), pn.national_significant_number(n)
    out = [("+" + cc + nsn, None), (pn.format_number(n, pn.PhoneNumberFormat.INTERNATIONAL), None),
           ("00" + cc + nsn, None), ("+" + cc + " 0" + nsn, None)]
    if region is not None:
        national = pn.format_number(n, pn.PhoneNumberFormat.NATIONAL)
        out += [(national, region), ("".join(ch for ch in national if ch.isdigit()), region), ("00" + cc + " " + nsn, region)]
    for wrong in (nsn[:-1], nsn + "5", change(nsn, len(nsn) - 1, rng), change(nsn, 0, rng)):
        out.append(("+" + cc + " " + wrong, None))
        if region is not None:
            out.append((wrong, region))
    return out


def change(digits, i, rng):
    d = rng.choice([c for c in "0123456789" if c != digits[i]])
    return digits[:i] + d + digits[i + 1:]


def write(path, rule, cases):
    with open(path, "w", encoding="utf-8") as f:
        f.write('{"rule": "%s", "reference": "libphonenumber %s (Python phonenumbers %s)", "cases": [\n'
                % (rule, VERSION, pn.__version__))
        f.write(",\n".join(json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in cases))
        f.write("\n]}\n")


def main():
    rng = random.Random(9033)
    texts = []
    entities = [(r, pn.country_code_for_region(r)) for r in sorted(pn.SUPPORTED_REGIONS)]
    entities += [(None, c) for c in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS)]
    for region, code in entities:
        meta = pn.PhoneMetadata.metadata_for_region(region) if region else pn.PhoneMetadata.metadata_for_nongeo_region(code)
        for t in TYPES:
            n = pn.example_number_for_type(region, t) if region else None
            if region is None:
                desc = pn.phonenumberutil._number_desc_by_type(meta, t)
                n = pn.parse("+%d%s" % (code, desc.example_number), None) if desc and desc.example_number else None
            if n is not None and t not in (T.FIXED_LINE_OR_MOBILE, T.UNKNOWN):
                texts += variants(n, region, rng)
        lengths = sorted(set(meta.general_desc.possible_length))
        for length in sorted(set(lengths + [lengths[0] - 1, lengths[-1] + 1])):
            for _ in range(2):
                nsn = "".join(rng.choice("0123456789") for _ in range(max(length, 1)))
                texts.append(("+%d%s" % (code, nsn), None))
                if region is not None:
                    texts.append((nsn, region))
    texts += NAMED
    seen, cases = set(), []
    for text, region in texts:
        if (text, region) not in seen:
            seen.add((text, region))
            cases.append(case(text, region))
    write(OUT, "phone", cases)
    print("%d cases, %d valid" % (len(cases), sum(1 for c in cases if c["expect"].get("valid"))), file=sys.stderr)
    # Formatting: every valid number of the corpus, in both styles.
    valid = sorted({c["expect"]["e164"] for c in cases if c["expect"].get("valid")})
    formats = []
    for e164 in valid:
        n = pn.parse(e164, None)
        formats.append({"input": e164, "expect": {
            "national": pn.format_number(n, pn.PhoneNumberFormat.NATIONAL),
            "international": pn.format_number(n, pn.PhoneNumberFormat.INTERNATIONAL)}})
    write(FORMAT_OUT, "phone_format", formats)
    print("%d formatted numbers" % len(formats), file=sys.stderr)
    as_you_type(entities, rng)


# Typed as a person would, with the formatter's answer to each character: (text, region).
AS_YOU_TYPE_NAMED = [
    ("+44 7400 123456", None), ("07400 123456", "GB"), ("0740x123456", "GB"), ("(201) 555-0123", "US"),
    ("+4474OO123456", None), ("1 201 555 0123", "US"), ("12015550123", "US"), ("011447400123456", "US"),
    ("+1 1 201 555 0123", None), ("88001234567", "RU"), ("+7 8 800 123 4567", None), ("+44 (0)20 7946 0018", None),
    ("+++44", None), ("4+4", "GB"), ("", "GB"),
]


def typed(text, region):
    f = pn.AsYouTypeFormatter(region or "ZZ")
    return [f.input_digit(ch) for ch in text]


def as_you_type(entities, rng):
    sequences = []
    for region, code in entities:
        examples = []
        for t in TYPES:
            if t in (T.FIXED_LINE_OR_MOBILE, T.UNKNOWN):
                continue
            if region is None:
                meta = pn.PhoneMetadata.metadata_for_nongeo_region(code)
                desc = pn.phonenumberutil._number_desc_by_type(meta, t)
                n = pn.parse("+%d%s" % (code, desc.example_number), None) if desc and desc.example_number else None
            else:
                n = pn.example_number_for_type(region, t)
            if n is not None:
                examples.append(n)
        for i, n in enumerate(examples):
            e164 = pn.format_number(n, pn.PhoneNumberFormat.E164)
            sequences.append((e164, None))
            if region is None:
                continue
            national = pn.format_number(n, pn.PhoneNumberFormat.NATIONAL)
            sequences.append(("".join(ch for ch in national if ch.isdigit()), region))
            sequences.append((e164, region))
            meta = pn.PhoneMetadata.metadata_for_region(region)
            idd = meta.preferred_international_prefix or meta.international_prefix
            if i == 0 and idd and idd.isdigit():
                sequences.append((idd + e164[1:], region))
        if region is not None:
            sequences.append(("".join(rng.choice("0123456789") for _ in range(rng.randint(6, 16))), region))
            sequences.append(("+%d%s" % (code, "".join(rng.choice("0123456789") for _ in range(rng.randint(4, 14)))), None))
    sequences += AS_YOU_TYPE_NAMED
    seen, cases, failed = set(), [], 0
    for text, region in sequences:
        if (text, region) in seen or not text:
            continue
        seen.add((text, region))
        try:
            expect = typed(text, region)
        except Exception:  # the formatter's own failures (none at this version): left out, counted
            failed += 1
            continue
        c = {"input": text}
        if region is not None:
            c["args"] = {"region": region}
        c["expect"] = expect
        cases.append(c)
    write(AS_YOU_TYPE_OUT, "phone_as_you_type", cases)
    print("%d as-you-type sequences, %d characters, %d left out (the formatter failed)"
          % (len(cases), sum(len(c["expect"]) for c in cases), failed), file=sys.stderr)


if __name__ == "__main__":
    if pn.__version__ != VERSION:
        sys.exit("phonenumbers %s, not the pinned %s" % (pn.__version__, VERSION))
    main()
