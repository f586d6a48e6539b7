#!/usr/bin/env python3
"""The functional peer for benches/lint.sh: the checks a team would script instead of ssq-gen, in
Python with tomllib and the phonenumbers package (libphonenumber's port). Same inputs, same kinds of
finding: TOML syntax, unknown keys, loader choice and shape, required login keys, control
characters, phone validity (with letters refused), email, language tag and plugin list, labels.

Usage: peer_lint.py FOLDER   (exit 1 if any profile has an error)
"""
import json
import os
import re
import subprocess
import sys
import tomllib

import phonenumbers

def schema_words():
    """Each section's keys and the events' actions, from ssq-gen's JSON Schema (`ssq-gen schema`), as
    benches/gen_profiles.py reads them: a key added to ssq-gen is then no unknown key here."""
    here = os.path.dirname(os.path.abspath(__file__))
    binary = os.environ.get("SSQ_GEN", os.path.join(here, "..", "target", "x86_64-unknown-linux-gnu", "dist", "ssq-gen"))
    sections = json.loads(subprocess.check_output([binary, "schema"]))["properties"]
    keys = {name: set(section.get("properties", {})) for name, section in sections.items() if name != "$schema"}
    events = sections["events"]["properties"]
    actions = next(set(schema["enum"]) for schema in events.values() if "enum" in schema)
    return keys, actions


KEYS, ACTIONS = schema_words()
LANGUAGES = {"zh-CN", "en-US", "ru-RU", "zh-HK", "th-TH", "mn", "vi-VN", "ja-JP", "fr", "pt", "ar", "es",
             "de", "ro", "pl", "id", "ko", "nl", "da", "it", "tr", "bn"}
EMAIL = re.compile(r"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?"
                   r"(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")
LANGUAGE_TAG = re.compile(r"^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-[a-zA-Z\d]{5,8}|-\d[a-zA-Z\d]{3})*$")
SCRIPT_URL = re.compile(r"^https://plugin-code\.salesmartly\.com/js/project_\d+_\d+_\d+\.js$")
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def check(path):
    findings = []
    try:
        with open(path, "rb") as f:
            profile = tomllib.load(f)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as err:
        return [("error", "syntax", str(err))]
    for section, keys in profile.items():
        if section not in KEYS:
            findings.append(("error", "unknown-key", section))
            continue
        for key in keys:
            if key not in KEYS[section]:
                findings.append(("error", "unknown-key", "%s.%s" % (section, key)))
    loader = profile.get("loader", {})
    if ("script_url" in loader) == ("license" in loader):
        findings.append(("error", "loader-choice", ""))
    if "license" in loader and not re.fullmatch(r"[A-Za-z0-9]{4,32}", loader["license"]):
        findings.append(("error", "license", loader["license"]))
    if "script_url" in loader and not SCRIPT_URL.match(loader["script_url"]):
        findings.append(("warning", "script-url-shape", loader["script_url"]))
    login = profile.get("login")
    if login is not None:
        for key in ("user_id", "user_name"):
            if not str(login.get(key, "")).strip():
                findings.append(("error", "login-required", key))
        for key, value in login.items():
            if isinstance(value, str) and CONTROL.search(value.replace("\n", "") if key == "description" else value):
                findings.append(("error", "control-character", key))
        if "phone" in login:
            phone = login["phone"]
            if re.search(r"[A-Za-z]", phone):
                findings.append(("error", "phone", "letters"))
            else:
                try:
                    number = phonenumbers.parse(phone, login.get("phone_region"))
                    if not phonenumbers.is_valid_number(number):
                        findings.append(("error", "phone", phone))
                except phonenumbers.NumberParseException:
                    findings.append(("error", "phone-country", phone))
        if "email" in login and not EMAIL.match(login["email"]):
            findings.append(("error", "email", login["email"]))
        if "language" in login:
            if not LANGUAGE_TAG.match(login["language"]):
                findings.append(("error", "language", login["language"]))
            elif login["language"] not in LANGUAGES:
                findings.append(("warning", "language-unsupported", login["language"]))
        labels = login.get("label_names", [])
        if len(set(labels)) != len(labels):
            findings.append(("warning", "label-duplicate", ""))
    for event, action in profile.get("events", {}).items():
        if isinstance(action, str) and action not in ACTIONS:
            findings.append(("error", "unknown-value", event))
    return findings


def main():
    folder = sys.argv[1]
    errors = warnings = files = 0
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if name.endswith(".ssq.toml"):
                files += 1
                for severity, code, detail in check(os.path.join(root, name)):
                    errors += severity == "error"
                    warnings += severity == "warning"
                    print("%s: %s[%s] %s" % (name, severity, code, detail))
    print("checked %d profiles: %d errors, %d warnings" % (files, errors, warnings))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
