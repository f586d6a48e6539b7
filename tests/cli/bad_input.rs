//! Whatever the input, ssq-gen answers with an exit status and a message naming the file: never a
//! panic, a hang, or partial output.

use crate::support::*;
use std::path::PathBuf;
use std::time::Duration;

enum Input {
    Bytes(&'static str, Vec<u8>),
    Folder,
    Missing,
    BrokenLink,
}

fn cases() -> Vec<(&'static str, Input, i32, &'static str)> {
    let deep_json_array = "[".repeat(100_000).into_bytes();
    let deep_json_object = "{\"a\":".repeat(100_000).into_bytes();
    let deep_toml_array = format!("a = {}", "[".repeat(100_000)).into_bytes();
    let deep_toml_table = format!("a = {}", "{b = ".repeat(100_000)).into_bytes();
    // PowerShell 5's `>`: UTF-16 little-endian with a byte-order mark.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("[loader]\nlicense = \"g1vfb1b\"\n".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let garbage: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    vec![
        ("toml syntax error", Input::Bytes("p.toml", b"[loader\nlicense = \"g1vfb1b\"".to_vec()), 1, "SSQ001"),
        ("json syntax error", Input::Bytes("p.json", b"{\"loader\": {\"license\": }".to_vec()), 1, "SSQ001"),
        ("wrong types", Input::Bytes("p.toml", b"loader = 5\n[widget]\nhide_icon = [1]\n".to_vec()), 1, "SSQ004"),
        ("json array profile", Input::Bytes("p.json", b"[1, 2]".to_vec()), 1, "SSQ004"),
        ("binary garbage", Input::Bytes("p.toml", garbage.clone()), 1, "SSQ002"),
        ("binary garbage as json", Input::Bytes("p.json", garbage), 1, "SSQ002"),
        ("invalid utf-8", Input::Bytes("p.toml", b"[loader]\nlicense = \"\xc3\x28\"".to_vec()), 1, "SSQ002"),
        ("nul byte", Input::Bytes("p.toml", b"[loader]\nlicense = \"g1\0vfb1b\"".to_vec()), 1, "SSQ001"),
        ("empty toml", Input::Bytes("p.toml", Vec::new()), 1, "SSQ101"),
        ("empty json", Input::Bytes("p.json", Vec::new()), 1, "SSQ001"),
        ("50 MB", Input::Bytes("p.toml", vec![b'#'; 50 * 1024 * 1024]), 1, "SSQ003"),
        ("json nested 100,000 deep", Input::Bytes("p.json", deep_json_array), 1, "recursion limit"),
        ("json objects nested 100,000 deep", Input::Bytes("p.json", deep_json_object), 1, "recursion limit"),
        ("toml arrays nested 100,000 deep", Input::Bytes("p.toml", deep_toml_array), 1, "SSQ001"),
        ("toml tables nested 100,000 deep", Input::Bytes("p.toml", deep_toml_table), 1, "SSQ001"),
        // What a new user brings: each named for what it is, with what to do.
        (
            "a JSON comment",
            Input::Bytes("p.json", b"{\n  // chat\n  \"loader\": {\"license\": \"g1vfb1b\"}\n}\n".to_vec()),
            1,
            "JSON has no comments",
        ),
        ("UTF-16 from PowerShell 5", Input::Bytes("p.toml", utf16), 1, "UTF-16 text, not UTF-8"),
        ("YAML", Input::Bytes("p.toml", b"loader:\n  license: g1vfb1b\n".to_vec()), 1, "this looks like YAML"),
        ("a folder", Input::Folder, 2, "is a directory"),
        ("a missing file", Input::Missing, 2, "no such file"),
        ("a broken symbolic link", Input::BrokenLink, 2, "no such file"),
    ]
}

fn every_bad_input_gets_its_status_and_a_message() {
    let mut failures = Vec::new();
    for (name, input, status, says) in cases() {
        let dir = tempfile::tempdir().unwrap();
        let path: PathBuf = match input {
            Input::Bytes(file, bytes) => {
                let path = dir.path().join(file);
                std::fs::write(&path, bytes).unwrap();
                path
            }
            Input::Folder => dir.path().join("folder.toml"),
            Input::Missing => dir.path().join("missing.toml"),
            Input::BrokenLink => dir.path().join("link.toml"),
        };
        if name == "a folder" {
            std::fs::create_dir(&path).unwrap();
        }
        #[cfg(unix)]
        if name == "a broken symbolic link" {
            std::os::unix::fs::symlink(dir.path().join("nowhere.toml"), &path).unwrap();
        }
        // A generous guard against hangs, not a speed check (benches/ measures speed).
        let output = ssq_gen().arg("snippet").arg(&path).timeout(Duration::from_secs(20)).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        let file_name = path.file_name().unwrap().to_string_lossy();
        let ok = output.status.code() == Some(status)
            && stderr.contains(says)
            && stderr.contains(file_name.as_ref())
            && !stderr.contains("panicked")
            && output.stdout.is_empty();
        if !ok {
            let shown: String = stderr.chars().take(600).collect();
            failures
                .push(format!("{name}: want exit {status} saying {says:?}, got {:?}:\n{shown}", output.status.code()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

tests! {
    every_bad_input_gets_its_status_and_a_message,
}
