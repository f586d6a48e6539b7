//! Phone numbers judged as libphonenumber judges them: ssq-gen's verdict (valid, and its E.164 form)
//! against Python's phonenumbers, the reference port, at the metadata version ssq-gen carries, over
//! the corpus of tests/phone/corpus.py (more than 16,000 spellings and mutations of every example
//! number of every territory). Not against the phonenumber crate, whose own validator is wrong.

use crate::support::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn every_number_of_the_corpus_gets_libphonenumbers_verdict() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/phone/corpus.py");
    let output = Command::new("python3").arg(script).output().unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let corpus = String::from_utf8(output.stdout).unwrap();
    let mut disagreements = Vec::new();
    let mut cases = 0;
    for line in corpus.lines() {
        let case: Value = serde_json::from_str(line).unwrap();
        let (text, region, reference) = (case[0].as_str().unwrap(), case[1].as_str(), case[2].as_str());
        let ours = ssq_gen::checks::phone::parse(text, region).ok().map(|phone| phone.e164);
        if ours.as_deref() != reference {
            disagreements.push(format!("{text:?} in {region:?}: ours {ours:?}, libphonenumber {reference:?}"));
        }
        cases += 1;
    }
    eprintln!("phone agreement: {} disagreements over {cases} cases", disagreements.len());
    assert!(cases >= 10_000, "only {cases} cases");
    assert!(
        disagreements.is_empty(),
        "{} of {cases} disagree:\n{}",
        disagreements.len(),
        disagreements.iter().take(40).cloned().collect::<Vec<_>>().join("\n")
    );
}

/// The rule reads the same function: a sample through the real binary, E.164 in the snippet.
fn the_rule_sends_what_the_checker_reads() {
    for (phone, region, sent) in [
        ("8 (800) 123-45-67", "RU", "+78001234567"),
        ("8 801 123 4567", "BY", "+3758011234567"),
        ("+44 (0)20 7946 0958", "", "+442079460958"),
    ] {
        let region = if region.is_empty() { String::new() } else { format!("phone_region = \"{region}\"\n") };
        let profile = format!(
            "[loader]\nlicense = \"k7tq2mz\"\n[login]\nuser_id = \"u-1\"\nuser_name = \"n\"\nphone = \"{phone}\"\n{region}"
        );
        let snippet = render("p.toml", &profile);
        assert!(snippet.contains(&format!("\"phone\":\"{sent}\"")), "{phone}: {snippet}");
    }
    for refused in ["+387611234567", "+880271112345", "+243222123456"] {
        let profile = format!(
            "[loader]\nlicense = \"k7tq2mz\"\n[login]\nuser_id = \"u-1\"\nuser_name = \"n\"\nphone = \"{refused}\"\n"
        );
        let dir = temp_profile("p.toml", &profile);
        ssq_gen().arg("snippet").arg(&dir.path).assert().code(1).stderr(predicates::str::contains("SSQ204"));
    }
}

/// The vendored metadata is exactly what src/checks/phone/metadata.py writes from the release the
/// oracle is pinned to: one source, regenerated in one command.
fn the_vendored_metadata_is_what_the_script_writes_from_the_pinned_release() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().unwrap();
    let written = out.path().join("PhoneNumberMetadata.xml");
    let script = root.join("src/checks/phone/metadata.py");
    let pinned = std::fs::read_to_string(&script).unwrap();
    let version = pinned.lines().find_map(|line| line.strip_prefix("VERSION = ")).unwrap().trim_matches('"');
    let run = Command::new("python3")
        .arg(&script)
        .args(["--installed", "--version", version, "--output"])
        .arg(&written)
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let vendored = std::fs::read(root.join("src/checks/phone/PhoneNumberMetadata.xml")).unwrap();
    assert!(std::fs::read(&written).unwrap() == vendored, "stale: run python3 src/checks/phone/metadata.py");
}

/// Numbers that 9.0.33's data refused and libphonenumber 9.0.43 accepts.
fn numbers_of_the_current_release_are_valid() {
    for (text, e164) in [("+34 400 123 456", "+34400123456"), ("+993 72 123456", "+99372123456")] {
        let phone = ssq_gen::checks::phone::parse(text, None).unwrap_or_else(|err| panic!("{text}: {err:?}"));
        assert_eq!(phone.e164, e164);
    }
}

tests! {
    every_number_of_the_corpus_gets_libphonenumbers_verdict ["phonenumbers"],
    the_vendored_metadata_is_what_the_script_writes_from_the_pinned_release ["python3", "phonenumbers"],
    numbers_of_the_current_release_are_valid,
    the_rule_sends_what_the_checker_reads,
}
