"""Generates intake's reference corpora from independent implementations.

Usage: generate.py OUT_DIR   (run.sh installs requirements.txt in a venv first)

Each corpus is fixtures/fields/<rule>.<reference>.json: inputs made here (a fixed
seed), the verdict the reference implementation gives for each, and, where
intake deliberately differs, a `differs` mark with the documented reason's id
(docs/RULES.md) and intake's verdict as its documented rule states it. Nothing
here runs intake: crates/intake-conformance/tests/reference_corpora.rs does, natively, and
the npm parity test through WASM.
"""

import datetime
import json
import platform
import random
import re
import string
import sys
import uuid
from collections import Counter
from importlib.metadata import version
from pathlib import Path

import idna as pyidna
import pycountry
import unicodedata
from creditcard_identifier import find_brand, validate_cvv
from creditcard_identifier.brands import BRANDS
from email_validator import EmailNotValidError, validate_email
from stdnum import luhn
from stdnum.exceptions import InvalidChecksum, ValidationError
from stdnum.gb import vat as gb_vat
from stdnum.util import clean
from ukpostcodeutils.validation import is_valid_postcode

GENERATOR = "scripts/reference/generate.py"
OUT = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("fixtures/fields")


def write(rule, ref, reference, cases, verdict=None, advisory=None):
    head = {"rule": rule, "reference": reference, "generator": GENERATOR}
    if verdict:
        head["verdict"] = verdict
    if advisory:
        head["advisory"] = advisory
    names = Counter(c["name"] for c in cases)
    assert max(names.values()) == 1, [n for n, k in names.items() if k > 1][:5]
    path = OUT / f"{rule}.{ref}.json"
    lines = [json.dumps(c, ensure_ascii=False, separators=(", ", ": ")) for c in cases]
    text = json.dumps(head, ensure_ascii=False)[:-1] + ', "cases": [\n' + ",\n".join(lines) + "\n]}\n"
    path.write_text(text, encoding="utf-8")
    diffs = Counter(c["differs"]["id"] for c in cases if "differs" in c)
    verdicts = Counter(json.dumps(c["expect"]) for c in cases)
    print(f"{path.name}: {len(cases)} cases, {len(cases) - sum(diffs.values())} expected to agree;"
          f" differences {dict(sorted(diffs.items()))}; reference verdicts {dict(verdicts.most_common(8))};"
          f" {path.stat().st_size} bytes")


def case(name, value, expect, differs=None, intake=None, **extra):
    c = {"name": name, "input": value, **extra, "expect": expect}
    if differs:
        c["differs"] = {"id": differs, "intake": intake}
    return c


def luhn_complete(prefix):
    return prefix + luhn.calc_check_digit(prefix)


# ---------------------------------------------------------------- GB VAT

def weighted(digits):
    return sum(w * int(d) for w, d in zip((8, 7, 6, 5, 4, 3, 2, 10, 1), digits)) % 97


def with_remainder(base7, remainder):
    """The 9 digits whose weighted sum mod 97 is `remainder`, if two check digits give it."""
    for check in range(100):
        n = f"{base7}{check:02d}"
        if weighted(n) == remainder:
            return n
    return None


def vat_reference(text):
    try:
        gb_vat.validate(text)
        return "valid"
    except InvalidChecksum:
        return "vat.checksum"
    except ValidationError:
        return "invalid"


def vat_documented(text):
    """intake's documented rule: spaces, dots, dashes out; GB + 9 digits or 9 digits;
    mod 97 = 0, or 42 from 100 000 000, else the checksum warning."""
    compact = "".join(c for c in text.strip() if c not in " .-").upper()
    digits = compact[2:] if compact.startswith("GB") else compact
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit():
        return "invalid"
    r = weighted(digits)
    return "valid" if r == 0 or (r == 42 and digits[0] != "0") else "vat.checksum"


def vat_corpus(rng):
    numbers = []
    for i in range(320):
        base = f"{rng.randrange(10_000_000):07d}" if i % 4 else f"0{rng.randrange(1_000_000):06d}"
        for kind, remainder in (("mod 97", 0), ("9755", 42), ("remainder 55", 55)):
            n = with_remainder(base, remainder)
            if n:
                numbers.append((kind, n))
        numbers.append(("random check digits", f"{base}{rng.randrange(100):02d}"))
    cases = []
    spellings = [lambda n: n, lambda n: "GB" + n, lambda n: f"GB {n[:3]} {n[3:7]} {n[7:]}",
                 lambda n: f"gb{n[:3]}.{n[3:7]}.{n[7:]}", lambda n: f"{n[:3]}-{n[3:7]}-{n[7:]}"]
    for i, (kind, n) in enumerate(numbers):
        text = spellings[i % len(spellings)](n)
        cases.append((f"{kind} {i}", text))
    # Shapes intake's contract does not take; python-stdnum takes some.
    for i in range(40):
        base = with_remainder(f"{rng.randrange(1, 10_000_000):07d}", 0) or "980780684"
        cases += [
            (f"branch trader {i}", base + f"{rng.randrange(1000):03d}"),
            (f"XI prefix {i}", "XI" + base),
            (f"government department {i}", f"GBGD{rng.randrange(1000):03d}"),
            (f"health authority {i}", f"GBHA{rng.randrange(1000):03d}"),
            (f"8 digits {i}", base[:8]),
            (f"10 digits {i}", base + "0"),
            (f"a letter inside {i}", base[:4] + rng.choice("OIlS") + base[5:]),
            (f"another country's prefix {i}", "DE" + base),
        ]
    out = []
    for name, text in cases:
        ref = vat_reference(text)
        mine = vat_documented(text)
        compact = gb_vat.compact(text)
        extra = {"normalized": "GB" + compact} if ref != "invalid" and len(compact) == 9 else {}
        if ref == mine:
            out.append(case(name, text, ref, **extra))
            continue
        compact_up = clean(text, " -.").upper().strip()
        if compact_up.startswith("XI"):
            why = "vat-xi-prefix"
        elif len(compact) == 12:
            why = "vat-branch"
        elif compact.startswith(("GD", "HA")):
            why = "vat-government-health"
        elif len(compact) == 9 and weighted(compact) == 55:
            why = "vat-remainder-55"
        else:
            raise SystemExit(f"undocumented GB VAT difference: {text!r} reference {ref}, intake {mine}")
        out.append(case(name, text, ref, why, mine, **extra))
    write("gb_vat", "stdnum", f"python-stdnum {version('python-stdnum')} (stdnum.gb.vat)", out)


# ---------------------------------------------------------------- Luhn

def luhn_corpus(rng):
    out = []
    for i in range(1500):
        length = rng.choice([rng.randrange(12, 20)] * 5 + [rng.randrange(2, 12), rng.randrange(20, 24)])
        body = "".join(rng.choice(string.digits) for _ in range(length - 1))
        digits = luhn_complete(body) if i % 2 else body + rng.choice(string.digits)
        text = digits
        if i % 7 == 0:
            text = " ".join(digits[j:j + 4] for j in range(0, len(digits), 4))
        elif i % 11 == 0:
            text = "-".join(digits[j:j + 4] for j in range(0, len(digits), 4))
        # stdnum's own clean() takes out the separators before its check.
        ref = "valid" if luhn.is_valid(clean(text, " -")) else "invalid"
        mine = "valid" if ref == "valid" and 12 <= len(digits) <= 19 else "invalid"
        if ref == mine:
            out.append(case(f"{len(digits)} digits {i}", text, ref))
        else:
            out.append(case(f"{len(digits)} digits {i}", text, ref, "card-length", mine))
    write("card_number", "stdnum", f"python-stdnum {version('python-stdnum')} (stdnum.luhn)", out)


# ---------------------------------------------------------------- card brands

OURS = {"amex": "amex", "visa": "visa", "visa-electron": "visa", "mastercard": "mastercard",
        "discover": "discover", "diners": "diners", "jcb": "jcb", "unionpay": "union_pay",
        "maestro": "maestro", "maestro-uk": "maestro", "mir": "mir", "rupay": "rupay"}


def reference_brand(digits):
    found = find_brand(digits)
    if found is None:
        return "unknown"
    return OURS.get(found["name"], "other:" + found["name"])


def documented_brand(d, lengths=True):
    """intake's documented IIN table (docs/RULES.md), then its length rule."""
    p = lambda n: int(d[:n])  # noqa: E731
    if d[0] == "4":
        b = "visa"
    elif p(2) in (34, 37):
        b = "amex"
    elif 2200 <= p(4) <= 2204:
        b = "mir"
    elif 51 <= p(2) <= 55 or 2221 <= p(4) <= 2720:
        b = "mastercard"
    elif p(4) == 6011 or 644 <= p(3) <= 649 or p(2) == 65 or 622126 <= p(6) <= 622925:
        b = "discover"
    elif 3528 <= p(4) <= 3589 or p(4) in (2131, 1800):
        b = "jcb"
    elif p(2) in (36, 38, 39) or 300 <= p(3) <= 305:
        b = "diners"
    elif p(2) == 62:
        b = "union_pay"
    elif p(3) == 508 or 606985 <= p(6) <= 607984 or 817200 <= p(6) <= 820199:
        b = "rupay"
    elif p(2) == 50 or 56 <= p(2) <= 58 or d[0] == "6":
        b = "maestro"
    else:
        b = "unknown"
    if not lengths:
        return b
    n = len(d)
    fits = {
        "amex": n == 15, "visa": 13 <= n <= 19, "mastercard": n == 16, "rupay": n == 16,
        "jcb": n == 15 if d[:4] in ("2131", "1800") else 16 <= n <= 19,
        "diners": 14 <= n <= 19, "discover": 16 <= n <= 19, "union_pay": 16 <= n <= 19,
        "mir": 16 <= n <= 19,
    }.get(b, True)
    return b if fits else "unknown"


BRAND_PREFIXES = [
    "4", "4026", "417500", "4571", "34", "37", "51", "55", "2221", "2720", "2200", "2204", "2205",
    "6011", "644", "649", "65", "622126", "622925", "6221", "62", "3528", "3589", "2131", "1800",
    "300", "305", "36", "38", "39", "50", "5019", "508", "5060", "56", "58", "6759", "6304", "60",
    "606985", "607984", "817200", "820199", "81", "82", "353", "356", "35", "1", "3", "7", "8", "9",
    "2014", "2149", "31", "636", "637", "6062", "9792", "5067", "509", "2", "5", "6",
]


def brand_corpus(rng):
    out, why_counts = [], Counter()
    numbers = []
    for prefix in BRAND_PREFIXES:
        for length in range(12, 20):
            for _ in range(2):
                body = prefix + "".join(rng.choice(string.digits) for _ in range(length - 1 - len(prefix)))
                numbers.append(luhn_complete(body))
    for _ in range(300):
        length = rng.randrange(12, 20)
        numbers.append(luhn_complete("".join(rng.choice(string.digits) for _ in range(length - 1))))
    for i, digits in enumerate(sorted(set(numbers))):
        ref = reference_brand(digits)
        mine = documented_brand(digits)
        name = f"{digits[:6]}… {len(digits)} digits {i}"
        if ref == mine:
            out.append(case(name, digits, ref))
            continue
        if ref.startswith("other:"):
            why = "card-other-scheme"
        elif ref == "union_pay" and mine == "discover":
            why = "card-discover-unionpay"
        elif ref == "unknown" or documented_brand(digits, lengths=False) != "unknown":
            why = "card-brand-lengths"
        elif mine == "unknown":
            why = "card-iin-ranges"
        else:
            raise SystemExit(f"undocumented brand difference: {digits} reference {ref}, intake {mine}")
        why_counts[why] += 1
        out.append(case(name, digits, ref, why, mine))
    write("card_number", "creditcard-identifier",
          f"creditcard-identifier {version('creditcard-identifier')} (find_brand, bin-cc data)", out,
          verdict="brand")


def cvv_case(name, cvv, ref, brand):
    # Python's \d takes any Unicode decimal digit; intake takes ASCII digits.
    if ref == "valid" and not cvv.isascii():
        return case(name, cvv, ref, "cvv-ascii-digits", "invalid", args={"brand": brand})
    return case(name, cvv, ref, args={"brand": brand})


def cvv_corpus(rng):
    out = []
    names = {ours: ref for ref, ours in OURS.items() if ref in ("amex", "visa", "mastercard", "discover",
             "diners", "jcb", "unionpay", "maestro", "mir", "rupay")}
    cvvs = ["", "1", "12", "123", "1234", "12345", "000", "0000", "12a", "1a34", "abc", "99999", "１２３"]
    cvvs += ["".join(rng.choice(string.digits) for _ in range(rng.randrange(2, 6))) for _ in range(30)]
    all_cvv_res = [b["regexp_cvv"] for b in BRANDS]
    for ours, ref_name in sorted(names.items()):
        for i, cvv in enumerate(cvvs):
            ref = "valid" if validate_cvv(cvv, ref_name) else "invalid"
            out.append(cvv_case(f"{ours} {i}", cvv, ref, ours))
    # No brand: a CVV some brand of the table uses (3 or 4 digits there).
    for i, cvv in enumerate(cvvs):
        ref = "valid" if cvv and any(re.match(r, cvv) for r in all_cvv_res) else "invalid"
        out.append(cvv_case(f"unknown {i}", cvv, ref, "unknown"))
    write("cvv", "creditcard-identifier",
          f"creditcard-identifier {version('creditcard-identifier')} (validate_cvv, bin-cc data)", out)


# ---------------------------------------------------------------- countries

def country_corpus(rng):
    out = []
    letters = string.ascii_uppercase
    twos = [a + b for a in letters for b in letters]
    threes = sorted({c.alpha_3 for c in pycountry.countries})
    threes += sorted({"".join(rng.choice(letters) for _ in range(3)) for _ in range(450)} - set(threes))
    numerics = sorted(rng.sample([c.numeric for c in pycountry.countries], 10))

    def spelled(code):
        return "".join(c.lower() if rng.random() < 0.3 else c for c in code)

    for code in twos + threes + numerics:
        kind = {2: "alpha_2", 3: "alpha_3"}[len(code)] if code.isalpha() else "numeric"
        found = pycountry.countries.get(**{kind: code})
        for alpha in (2, 3):
            text = spelled(code)
            name = f"{text}/{alpha}"
            want_field = f"alpha_{alpha}"
            if found is None:
                out.append(case(name, text, "invalid", args={"alpha": alpha}))
            elif kind == "numeric":
                # The reference finds the country by its numeric code: a code of
                # another kind, which the rule converts.
                out.append(case(name, text, "country.converted", "country-numeric", "invalid",
                                args={"alpha": alpha}, normalized=getattr(found, want_field)))
            else:
                verdict = "valid" if kind == want_field else "country.converted"
                out.append(case(name, text, verdict, args={"alpha": alpha}, normalized=getattr(found, want_field)))
    write("country", "pycountry", f"pycountry {version('pycountry')} (ISO 3166-1)", out)


# ---------------------------------------------------------------- UK postcodes

TERRITORIES = ["ASCN1ZZ", "STHL1ZZ", "TDCU1ZZ", "BBND1ZZ", "BIQQ1ZZ", "FIQQ1ZZ", "PCRN1ZZ", "SIQQ1ZZ", "TKCA1ZZ"]


def documented_postcode(compact):
    """intake's documented rule: the BS 7666 shapes and letter rules (no digit rules)."""
    if compact == "GIR0AA" or compact in TERRITORIES:
        return compact[:-3] + " " + compact[-3:]
    if compact.startswith("BFPO"):
        n = compact[4:]
        return f"BFPO {n}" if 1 <= len(n) <= 4 and n.isdigit() else None
    if len(compact) < 5 or not compact.isascii() or not compact.isalnum():
        return None
    out, inward = compact[:-3], compact[-3:]
    shape = "".join("9" if c.isdigit() else "A" for c in out)
    if not (inward[0].isdigit() and inward[1:].isalpha()) or shape not in ("A9", "A99", "A9A", "AA9", "AA99", "AA9A"):
        return None
    ok = out[0] not in "QVX" and all(c not in "CIKMOV" for c in inward[1:])
    if shape in ("AA9", "AA99", "AA9A"):
        ok = ok and out[1] not in "IJZ"
    if shape == "A9A":
        ok = ok and out[2] in "ABCDEFGHJKPSTUW"
    if shape == "AA9A":
        ok = ok and out[3] in "ABEHMNPRVWXY"
    return out + " " + inward if ok else None


def postcode_corpus(rng):
    out = []
    L, D = string.ascii_uppercase, string.digits
    gen = {"A9": "LD", "A99": "LDD", "A9A": "LDL", "AA9": "LLD", "AA99": "LLDD", "AA9A": "LLDL"}
    texts = []
    for shape, pattern in gen.items():
        for _ in range(420):
            outward = "".join(rng.choice(L if k == "L" else D) for k in pattern)
            inward = rng.choice(D) + rng.choice(L) + rng.choice(L)
            texts.append(outward + rng.choice(["", " "]) + inward)
    for _ in range(250):  # other shapes
        texts.append("".join(rng.choice(L + D) for _ in range(rng.randrange(3, 9))))
    texts += ["GIR 0AA", "gir0aa"] + [t[:4] + " " + t[4:] for t in TERRITORIES] + ["BFPO 57", "BFPO 1234"]
    for i, text in enumerate(texts):
        text = "".join(c.lower() if rng.random() < 0.25 else c for c in text)
        compact = text.replace(" ", "").upper()
        valid = is_valid_postcode(compact, extra_postcodes=("GIR0AA",))
        ref = compact[:-3] + " " + compact[-3:] if valid else None
        mine = documented_postcode(compact)
        name = f"{text} {i}"
        if ref == mine:
            out.append(case(name, text, ref))
        elif compact in TERRITORIES or compact.startswith("BFPO"):
            out.append(case(name, text, ref, "postcode-overseas-bfpo", mine))
        elif ref is None and mine is not None:
            out.append(case(name, text, ref, "postcode-district-digits", mine))
        else:
            raise SystemExit(f"undocumented postcode difference: {text!r} reference {ref}, intake {mine}")
    write("uk_postcode", "uk-postcode-utils",
          f"uk-postcode-utils {version('uk-postcode-utils')} (is_valid_postcode, BS 7666 letter sets)", out,
          verdict="normalized")


# ---------------------------------------------------------------- email

RESERVED = ("test", "example", "invalid", "localhost", "local", "onion", "arpa")


def email_reference(text):
    """The verdict, normalized address and message of email-validator, with
    strict=True: RFC 5321's 64 characters before the @, as the contract has."""
    try:
        info = validate_email(text, check_deliverability=False, strict=True)
        # Its ASCII form (the domain as IDNA A-labels), which intake keeps.
        return "valid", info.ascii_email or info.normalized, None
    except EmailNotValidError as e:
        return "invalid", None, str(e)


def uts46_ok(domain):
    """Whether each xn-- label of an ASCII domain is valid under UTS 46 (the
    Python idna package's UTS 46 table, nontransitional, STD3), which is what
    intake's idna crate applies, rather than IDNA2008's stricter code point list."""
    for label in domain.split("."):
        if not label.lower().startswith("xn--"):
            continue
        try:
            u = label[4:].lower().encode("ascii").decode("punycode")
        except UnicodeError:
            return False
        if not u or u.isascii() or unicodedata.normalize("NFC", u) != u:
            return False
        # RFC 5891 section 5.4: an A-label is the canonical encoding of its U-label.
        if u.encode("punycode").decode("ascii") != label[4:].lower():
            return False
        if u[2:4] == "--" or u[0] == "-" or u[-1] == "-" or unicodedata.category(u[0]).startswith("M"):
            return False
        try:
            if pyidna.uts46_remap(u, std3_rules=True, transitional=False) != u:
                return False
        except pyidna.IDNAError:
            return False
    return True


def email_corpus(rng):
    locals_ = ["ada", "Ada.Lovelace", "a", "first.last", "x+tag", "o'brien", "a_b", "a-b", "1234", "a..b",
               ".ada", "ada.", "a b", '"ada"', '"a b"', "ä", "a(b)", "a,b", "a;b", "!#$%&*/=?^`{|}~", "a" * 64,
               "a" * 65, "", "A", "ab\\c", "[a]", "a\tb", "josé", "a=b", "-a", "a.-b", "用户"]
    domains = ["example.com", "Example.COM", "gmail.com", "mail.co.uk", "a.b.c.d.e.f", "x.io", "sub-domain.example.org",
               "ab--cd.com", "xn--bcher-kva.ch", "xn--zz.com", "xn--a.com", "example.xn--p1ai", "xn--80ak6aa92e.com",
               "xn--ls8h.la", "XN--BCHER-KVA.CH", "-a.com", "a-.com", "a..com", ".a.com", "a.com.", "com", "localhost",
               "shop.test", "example.invalid", "box.localhost", "printer.local", "abcdefghij.onion", "home.arpa",
               "foo.example", "123.com", "a.123", "192.168.0.1", "[192.168.0.1]", "bücher.ch", "a_b.com",
               "a" * 63 + ".com", "a" * 64 + ".com", ".".join(["abcdefghi"] * 25) + ".com", "x.y", "gmial.com",
               "a.b-c.de", "r3---sn-abc.example.net", "xn--.com", "xn---.com", "xn--a-ecp.ru", "ex ample.com",
               "例え.jp", "a.c0m", "a.co1", "a.1co", "a.xn--1", "test.com", "a.tEsT"]
    texts = [f"{lp}@{d}" for lp in locals_ for d in domains[:: max(1, len(domains) // 12)]]
    texts += [f"ada@{d}" for d in domains] + [f"{lp}@example.com" for lp in locals_]
    pool = string.ascii_letters + string.digits + ".-_+@ \"'(),:;<>[]\\!#$%&*/=?^`{|}~é"
    for _ in range(900):
        t = rng.choice(texts[:200])
        for _ in range(rng.randrange(1, 3)):
            at = rng.randrange(len(t) + 1)
            op = rng.randrange(3)
            if op == 0:
                t = t[:at] + rng.choice(pool) + t[at:]
            elif op == 1 and len(t) > 1:
                t = t[:at] + t[at + 1:]
            else:
                t = t[:at] + rng.choice(pool) + t[at + 1:]
        texts.append(t)
    texts += ["", "@", "ada@", "@example.com", "a@b@example.com", "ada@example.com ", " ada@example.com",
              "a" * 64 + "@" + "b" * 63 + "." + "c" * 63 + "." + "d" * 63 + "." + "e" * 57 + ".com"]
    out, seen = [], set()
    for i, text in enumerate(texts):
        if text in seen:
            continue
        seen.add(text)
        ref, normalized, message = email_reference(text)
        extra = {"normalized": normalized} if ref == "valid" else {}
        name = f"email {i}"
        stripped = text.strip()
        domain = stripped.rsplit("@", 1)[-1].lower() if "@" in stripped else ""
        tld = domain.rsplit(".", 1)[-1]
        if not stripped.isascii():
            mine, why = "invalid", "email-non-ascii"
        elif tld in RESERVED:
            # The documented rule: a well-formed address under a special-use name
            # is accepted with email.reserved. Well-formed: the reference accepts
            # the same address with an ordinary top-level domain.
            swapped = stripped[: len(stripped) - len(tld)] + "com"
            mine = "email.reserved" if email_reference(swapped)[0] == "valid" else "invalid"
            why = "email-reserved" if tld != "example" else "email-reserved-example"
        elif text != stripped and email_reference(stripped)[0] == "valid":
            mine, why = "valid", "email-trimmed"
        elif ref == "valid" and not (tld.isalpha() or tld.startswith("xn--")):
            mine, why = "invalid", "email-tld-letters"
        elif ref == "invalid" and "not valid IDNA" in message and uts46_ok(domain):
            # Well-formed but for IDNA2008's code points: the same address with
            # an ordinary domain is valid to the reference.
            plain = email_reference(stripped.rsplit("@", 1)[0] + "@example.com")[0]
            mine, why = plain, "email-idna-uts46"
        else:
            mine, why = ref, None
        if ref == mine:
            out.append(case(name, text, ref, **extra))
        elif why:
            out.append(case(name, text, ref, why, mine, **extra))
        else:
            out.append(case(name, text, ref, **extra))
    write("email", "email-validator", f"email-validator {version('email-validator')} (validate_email,"
          " check_deliverability=False)", out, advisory=["email.typo"])


# ---------------------------------------------------------------- UUID and dates (Python's standard library)

UUID_SHAPE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\Z")


def uuid_corpus(rng):
    out = []
    texts = []
    for i in range(500):
        u = str(uuid.UUID(int=rng.getrandbits(128)))
        form = i % 10
        if form == 1:
            u = u.upper()
        elif form == 2:
            u = u.replace("-", "")
        elif form == 3:
            u = "{" + u + "}"
        elif form == 4:
            u = "urn:uuid:" + u
        elif form == 5:
            at = rng.randrange(len(u))
            u = u[:at] + rng.choice("ghxz-_ G") + u[at + 1:]
        elif form == 6:
            u = u[: rng.randrange(30, 36)]
        elif form == 7:
            u = u + rng.choice("0a-")
        elif form == 8:
            u = u[:8] + u[9:13] + "-" + u[13:]
        texts.append(u)
    for i, text in enumerate(texts):
        try:
            ref, normalized = "valid", str(uuid.UUID(text))
        except ValueError:
            ref, normalized = "invalid", None
        mine = "valid" if UUID_SHAPE.match(text.strip()) else "invalid"
        extra = {"normalized": normalized} if normalized else {}
        if ref == mine:
            out.append(case(f"uuid {i}", text, ref, **extra))
        elif ref == "valid":
            # uuid.UUID also takes 32 hex digits without hyphens or with them anywhere,
            # in braces, or after urn:uuid:.
            out.append(case(f"uuid {i}", text, ref, "uuid-other-spellings", mine, **extra))
        else:
            raise SystemExit(f"undocumented UUID difference: {text!r}")
    write("uuid", "python-uuid", f"CPython {platform.python_version()} uuid.UUID", out)


DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}\Z", re.ASCII)


def date_corpus(rng):
    out = []
    texts = []
    for i in range(900):
        y, m, d = rng.choice([rng.randrange(1, 10000), rng.randrange(1900, 2100)]), rng.randrange(0, 14), rng.randrange(0, 33)
        form = i % 9
        if form == 0:
            y, m, d = rng.choice([1900, 2000, 2023, 2024, 2100]), 2, rng.choice([28, 29, 30])
        text = f"{y:04d}-{m:02d}-{d:02d}"
        if form == 5:
            text = f"{y:04d}{m:02d}{d:02d}"
        elif form == 6:
            text = f"{y:04d}-W{rng.randrange(1, 54):02d}-{rng.randrange(1, 8)}"
        elif form == 7:
            text = f"{y}-{m}-{d}"
        elif form == 8:
            text = rng.choice([f"{d:02d}/{m:02d}/{y:04d}", f"{y:04d}/{m:02d}/{d:02d}", f"{y:04d}-{m:02d}-{d:02d}T00:00",
                               f"0000-{m:02d}-{d:02d}", f"{y:05d}-{m:02d}-{d:02d}", f"{y:04d}-{m:02d}"])
        texts.append(text)
    for i, text in enumerate(texts):
        try:
            value = datetime.date.fromisoformat(text)
            ref, normalized = "valid", value.isoformat()
        except ValueError:
            ref, normalized = "invalid", None
        mine = "valid" if ref == "valid" and DATE_SHAPE.match(text) else "invalid"
        extra = {"normalized": normalized} if normalized else {}
        if ref == mine:
            out.append(case(f"date {i}", text, ref, **extra))
        else:
            # fromisoformat also takes ISO 8601's basic (20260131) and week (2026-W05-6) forms.
            out.append(case(f"date {i}", text, ref, "date-other-iso-forms", mine, **extra))
    write("date", "python-datetime", f"CPython {platform.python_version()} datetime.date.fromisoformat", out)


def main():
    for make in (vat_corpus, luhn_corpus, brand_corpus, cvv_corpus, country_corpus, postcode_corpus, email_corpus,
                 uuid_corpus, date_corpus):
        make(random.Random(13))


if __name__ == "__main__":
    main()
