#!/usr/bin/env python3
"""The phone agreement corpus: numbers in the spellings people write, with libphonenumber's verdict.

For every territory and non-geographic calling code, and every number type with an example number,
the example in six spellings (E.164, international format, national format with the region, national
digits with the region, digits without `+`, a `(0)` written after the calling code), plus mutations
of it (a digit dropped, added or changed; another calling code), each with and without its region.
Every case gets the verdict of Python's phonenumbers, the reference port of libphonenumber, pinned to
the metadata release ssq-gen vendors (src/checks/phone/metadata.py): the E.164 form of a valid number, or null.

ssq-gen reads a number without `+` and without `phone_region` as international digits (rule SSQ206),
so such a case is judged as `+<digits>`. Spellings with characters ssq-gen refuses by policy (letters,
which libphonenumber maps to keypad digits; `/` and other punctuation) are left out.

Prints one JSON array per line: [text, region or null, e164 or null]. Usage: corpus.py
"""
import json
import random
import re
import sys

import phonenumbers as pn
from phonenumbers import PhoneNumberFormat as F
from phonenumbers import PhoneNumberType as T

VERSION = "9.0.43"
if pn.__version__ != VERSION:
    sys.exit(f"phonenumbers {pn.__version__} is installed; the corpus needs {VERSION} (pip install phonenumbers=={VERSION})")

TYPES = [T.FIXED_LINE, T.MOBILE, T.TOLL_FREE, T.PREMIUM_RATE, T.SHARED_COST, T.VOIP, T.PERSONAL_NUMBER, T.PAGER,
         T.UAN, T.VOICEMAIL]
ALLOWED = re.compile(r"^\+?[0-9 ().-]+$")
rng = random.Random(20261128)
codes = sorted({pn.country_code_for_region(r) for r in pn.SUPPORTED_REGIONS} | set(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS))


def verdict(text, region):
    if region is None and not text.startswith("+"):
        text = "+" + re.sub(r"\D", "", text)
    try:
        number = pn.parse(text, region)
    except pn.NumberParseException:
        return None
    return pn.format_number(number, F.E164) if pn.is_valid_number(number) else None


def mutations(nsn):
    i = rng.randrange(len(nsn))
    yield nsn[:-1]
    yield nsn + str(rng.randrange(10))
    yield nsn[:i] + str((int(nsn[i]) + 1 + rng.randrange(9)) % 10) + nsn[i + 1:]


def spellings(example, region):
    cc, nsn = example.country_code, pn.national_significant_number(example)
    yield f"+{cc}{nsn}", None
    yield pn.format_number(example, F.INTERNATIONAL), None
    yield f"{cc}{nsn}", None
    yield f"+{cc} (0){nsn}", None
    if region:
        yield pn.format_number(example, F.NATIONAL), region
        yield nsn, region
        yield f"+{cc} {nsn}", region
    for mutated in mutations(nsn):
        yield f"+{cc}{mutated}", None
        if region:
            yield mutated, region
    other = rng.choice(codes)
    yield f"+{other}{nsn}", None
    if region:
        yield f"{other}{nsn}", region


def examples():
    for region in sorted(pn.SUPPORTED_REGIONS):
        for kind in TYPES:
            example = pn.example_number_for_type(region, kind)
            if example is not None:
                yield example, region
    for code in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        example = pn.example_number_for_non_geo_entity(code)
        if example is not None:
            yield example, None


seen = set()
for example, region in examples():
    for text, reading_region in spellings(example, region):
        if ALLOWED.match(text) and (text, reading_region) not in seen:
            seen.add((text, reading_region))
            print(json.dumps([text, reading_region, verdict(text, reading_region)]))
