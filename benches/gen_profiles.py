#!/usr/bin/env python3
"""Writes N realistic ssq-gen profiles (*.ssq.toml) into a folder, deterministically.

Varied names (many scripts), both install forms, phones of many countries (the example numbers of
libphonenumber's metadata, in several spellings), languages, emails, labels and listeners; about 5 %
are invalid in several ways (bad license, invalid phone, letters in a phone, unknown key, syntax
error, bad email, malformed language).

Usage: gen_profiles.py N FOLDER
"""
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
METADATA = os.path.join(HERE, "..", "src", "checks", "phone", "PhoneNumberMetadata.xml")

NAMES = ["Анна Петрова", "李小龙", "Jean-Luc O'Neil", "محمد علي", "Søren Kierkegaard", "山田 太郎",
         "Zoë \"Z\" Smith", "Nguyễn Văn An", "Ελένη", "José Álvarez", "김민준", "Olúwaseun", "Hans Müller",
         "Priya Sharma", "Ivan </script>", "Test User 42"]
LANGUAGES = ["en-US", "ru-RU", "zh-CN", "zh-HK", "ja-JP", "fr", "de", "es", "pt", "it", "tr", "ko", "vi-VN",
             "th-TH", "ar", "nl", "pl", "id", "fr-CA", "pt-BR", "sw-KE"]
LABELS = ["vip", "trial", "wholesale", "returning", "b2b", "newsletter", "support-priority"]

def sdk_words():
    """The event keys and their actions, as ssq-gen's own JSON Schema gives them (`ssq-gen schema`)."""
    binary = os.environ.get("SSQ_GEN", os.path.join(HERE, "..", "target", "x86_64-unknown-linux-gnu", "dist", "ssq-gen"))
    events = json.loads(subprocess.check_output([binary, "schema"]))["properties"]["events"]["properties"]
    listeners = [key for key, schema in events.items() if "enum" in schema]
    return listeners, events[listeners[0]]["enum"]


EVENTS, ACTIONS = sdk_words()


def example_numbers():
    xml = open(METADATA, encoding="utf-8").read()
    numbers = []
    for territory in re.finditer(r'<territory id="([A-Z]{2})"[^>]*?countryCode="(\d+)"(.*?)</territory>', xml, re.S):
        region, code, body = territory.groups()
        for kind in ("fixedLine", "mobile"):
            m = re.search(r"<%s>.*?<exampleNumber>(\d+)</exampleNumber>" % kind, body, re.S)
            if m:
                numbers.append((region, code, m.group(1)))
    return numbers


def spell(rng, code, national):
    digits = "+" + code + national
    style = rng.randrange(4)
    if style == 0:
        return digits
    if style == 1:
        return "+%s %s %s" % (code, national[:3], national[3:])
    if style == 2:
        return "+%s-%s-%s" % (code, national[:4], national[4:])
    return "+%s (%s) %s" % (code, national[:2], national[2:])


def toml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def profile(rng, i, numbers):
    lines = ["[loader]"]
    if rng.random() < 0.5:
        lines.append('license = "%s"' % "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(7)))
    else:
        lines.append('script_url = "https://plugin-code.salesmartly.com/js/project_%d_%d_%d.js"'
                     % (rng.randrange(10**6), rng.randrange(10**6), 1700000000 + rng.randrange(10**8)))
    region, code, national = rng.choice(numbers)
    name = rng.choice(NAMES)
    lines += ["", "[login]",
              "user_id = %s" % toml_string("%08x%05x" % (rng.randrange(16**8), i)),
              "user_name = %s" % toml_string(name),
              "language = %s" % toml_string(rng.choice(LANGUAGES)),
              "phone = %s" % toml_string(spell(rng, code, national)),
              "email = %s" % toml_string("user%d@example-%s.com" % (i, region.lower())),
              'description = """Customer since %d\nRegion %s"""' % (2015 + rng.randrange(10), region),
              "label_names = [%s]" % ", ".join(toml_string(l) for l in rng.sample(LABELS, rng.randrange(0, 4)))]
    lines += ["", "[widget]", "hide_icon = %s" % rng.choice(["true", "false"]), "open_on_load = false", "", "[events]"]
    for event in rng.sample(EVENTS, rng.randrange(1, len(EVENTS) + 1)):
        lines.append('%s = "%s"' % (event, rng.choice(ACTIONS)))
    text = "\n".join(lines) + "\n"
    if rng.random() < 0.05:  # the invalid ones
        breakage = rng.randrange(7)
        if breakage == 0:
            text = re.sub(r'license = "[^"]*"', 'license = "x!"', text).replace("script_url", "license = \"x!\"\nscript_url", 1)
        elif breakage == 1:
            text = re.sub(r'phone = "[^"]*"', 'phone = "+%s 1"' % code, text)
        elif breakage == 2:
            text = re.sub(r'phone = "[^"]*"', 'phone = "+1-800-FLOWERS"', text)
        elif breakage == 3:
            text = text.replace("user_name", "user_nmae")
        elif breakage == 4:
            text = text.replace("[widget]", "[widget")
        elif breakage == 5:
            text = re.sub(r'email = "[^"]*"', 'email = "not an email"', text)
        else:
            text = re.sub(r'language = "[^"]*"', 'language = "english please"', text)
    return text


def main():
    count, folder = int(sys.argv[1]), sys.argv[2]
    os.makedirs(folder, exist_ok=True)
    rng = random.Random(20261127)
    numbers = example_numbers()
    for i in range(count):
        with open(os.path.join(folder, "p%05d.ssq.toml" % i), "w", encoding="utf-8") as f:
            f.write(profile(rng, i, numbers))


if __name__ == "__main__":
    main()
