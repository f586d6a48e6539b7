#!/usr/bin/env python3
"""Regenerates PhoneNumberMetadata.xml, beside this script, from libphonenumber's metadata as PyPI's
`phonenumbers` carries it. That package is released in step with libphonenumber (the same version
number, the same metadata, as Python data), and PyPI is a registry this project's machines reach.

    python3 src/checks/phone/metadata.py                  # the pinned release, fetched with pip
    python3 src/checks/phone/metadata.py --installed      # the phonenumbers already importable
    python3 src/checks/phone/metadata.py --version 9.0.33 --output /tmp/9.0.33.xml

To update: change VERSION, run the first command, and pin the same version for the agreement
test's oracle (`.ci/tools`' phonenumbers line, and VERSION in tests/phone/corpus.py); then
`cargo test` (tests/cli/phone_agreement.rs) compares every verdict with that release.

It writes what build.rs and the phonenumber crate's loader read, in libphonenumber's own XML
format: each territory's id, calling code, prefixes, national prefix transform rule, leading
digits, whether it is the main one of its calling code, and every number type's national number
pattern, possible lengths (national and local only) and example number. Formatting rules are left
out: ssq-gen validates and writes E.164, it does not format. Territories are in libphonenumber's
order (by region id, then the non-geographical entities by calling code).
"""
import argparse
import importlib
import os
import re
import subprocess
import sys
import tempfile
from xml.sax.saxutils import escape, quoteattr

VERSION = "9.0.43"
HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = [("fixedLine", "fixed_line"), ("mobile", "mobile"), ("tollFree", "toll_free"),
         ("premiumRate", "premium_rate"), ("sharedCost", "shared_cost"),
         ("personalNumber", "personal_number"), ("voip", "voip"), ("pager", "pager"), ("uan", "uan"),
         ("voicemail", "voicemail")]


def load(version, installed):
    """The phonenumbers module of `version`: the importable one, or a fresh install of its own."""
    if not installed:
        folder = tempfile.mkdtemp(prefix="phonenumbers-")
        subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", folder,
                        "phonenumbers==" + version], check=True)
        sys.path.insert(0, folder)
    module = importlib.import_module("phonenumbers")
    if module.__version__ != version:
        sys.exit("phonenumbers %s is importable, not %s" % (module.__version__, version))
    return module


def lengths(values):
    return ",".join(str(n) for n in sorted(values))


def descriptor(tag, desc, general=False):
    if desc is None or desc.national_number_pattern is None:
        return ""
    out = "      <%s>\n" % tag
    if not general:
        attributes = ""
        if desc.possible_length:
            attributes += " national=%s" % quoteattr(lengths(desc.possible_length))
        if desc.possible_length_local_only:
            attributes += " localOnly=%s" % quoteattr(lengths(desc.possible_length_local_only))
        if attributes:
            out += "        <possibleLengths%s/>\n" % attributes
        if desc.example_number is not None:
            out += "        <exampleNumber>%s</exampleNumber>\n" % escape(desc.example_number)
    out += "        <nationalNumberPattern>%s</nationalNumberPattern>\n" % escape(desc.national_number_pattern)
    return out + "      </%s>\n" % tag


def territory(meta):
    # Python's replacement syntax back to libphonenumber's (`\1` is `$1` in the XML).
    transform = meta.national_prefix_transform_rule
    if transform is not None:
        transform = re.sub(r"\\(\d)", r"$\1", transform)
    attributes = [("id", meta.id), ("countryCode", str(meta.country_code)),
                  ("mainCountryForCode", "true" if meta.main_country_for_code else None),
                  ("leadingDigits", meta.leading_digits), ("internationalPrefix", meta.international_prefix),
                  ("nationalPrefix", meta.national_prefix),
                  ("nationalPrefixForParsing", meta.national_prefix_for_parsing),
                  ("nationalPrefixTransformRule", transform)]
    out = "    <territory%s>\n" % "".join(" %s=%s" % (name, quoteattr(value)) for name, value in attributes
                                           if value is not None)
    out += descriptor("generalDesc", meta.general_desc, general=True)
    for tag, field in TYPES:
        out += descriptor(tag, getattr(meta, field))
    return out + "    </territory>\n"


def generate(pn):
    metas = [pn.PhoneMetadata.metadata_for_region(region) for region in sorted(pn.SUPPORTED_REGIONS)]
    metas += [pn.PhoneMetadata.metadata_for_nongeo_region(code) for code in sorted(pn.COUNTRY_CODES_FOR_NON_GEO_REGIONS)]
    # No XML declaration: the phonenumber crate's loader refuses one (the file is UTF-8).
    head = ("<!-- libphonenumber's metadata, release %s (Apache License 2.0, the Libphonenumber Authors),\n"
            "     as PyPI's phonenumbers %s carries it, written back to libphonenumber's XML format by\n"
            "     src/checks/phone/metadata.py with what ssq-gen validates with. Regenerate, do not edit. -->\n"
            % (pn.__version__, pn.__version__))
    return head + "<phoneNumberMetadata>\n  <territories>\n" + "".join(territory(m) for m in metas) + \
        "  </territories>\n</phoneNumberMetadata>\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=VERSION)
    parser.add_argument("--installed", action="store_true", help="use the importable phonenumbers")
    parser.add_argument("--output", default=os.path.join(HERE, "PhoneNumberMetadata.xml"))
    args = parser.parse_args()
    text = generate(load(args.version, args.installed))
    with open(args.output + ".tmp", "w", encoding="utf-8") as out:
        out.write(text)
    os.replace(args.output + ".tmp", args.output)


if __name__ == "__main__":
    main()
