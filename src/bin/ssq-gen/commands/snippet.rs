//! `ssq-gen snippet`: the block, printed, written with `-o`, or compared with `--check`.

use super::{accept, remove_unfinished_files_on_signals, render_accepted, write_file};
use crate::cli::SnippetArgs;
use crate::ui::{Ui, print, say};
use ssq_gen::report::{Status, count};
use ssq_gen::snippet::drift::{self, Drift};
use std::path::Path;

pub fn run(args: &SnippetArgs, ui: &Ui) -> Status {
    // `-o -` is standard output, as for most tools.
    let output = args.output.as_deref().filter(|path| path.as_os_str() != "-");
    if let (Some(output), Some(profile)) = (output, &args.profile.profile)
        && same_file(output, profile)
    {
        return ui
            .refuse(format_args!("-o {} is the profile itself: write the snippet somewhere else", output.display()));
    }
    if output.is_some() {
        remove_unfinished_files_on_signals();
    }
    let accepted = match accept(&args.profile, "snippet", ui) {
        Ok(accepted) => accepted,
        Err(status) => return status,
    };
    let text = match render_accepted(&accepted, args.nonce.as_ref(), args.logout, ui) {
        Ok(snippet) => snippet.html,
        Err(status) => return status,
    };
    let status = match (&args.check, output) {
        (Some(path), _) => return check(path, &text, ui),
        (None, Some(path)) => write_file(path, &text, ui),
        (None, None) => print(&text),
    };
    if status == Status::Success && accepted.warnings > 0 && !ui.quiet {
        say!("{}: rendered with {}", accepted.name, count(accepted.warnings, "warning"));
    }
    status
}

/// Whether two paths name the same file (after links); false when either does not exist.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `snippet --check FILE`: whether FILE holds exactly `expected`; a unified diff when not.
fn check(path: &Path, expected: &str, ui: &Ui) -> Status {
    let name = path.display().to_string();
    let regenerate = regenerate_command();
    if path.is_dir() {
        return ui.refuse(format_args!("--check {name}: it is a folder; name the file the block was written to"));
    }
    let current = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            ui.problem(format_args!("{name} does not exist: write it with `{regenerate}`"));
            return Status::Findings;
        }
        Err(err) => return ui.refuse(format_args!("cannot read {name}: {err}")),
    };
    match drift::compare(&name, &current, expected) {
        Drift::Same => Status::Success,
        Drift::LineEndings => {
            ui.problem(format_args!(
                "{name} differs only in its line endings (CRLF): check it out with LF line endings (in .gitattributes: `{} -text`), or regenerate it with `{regenerate}`",
                path.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned())
            ));
            Status::Findings
        }
        Drift::Stale { diff } => {
            ui.problem(format_args!("{name} is out of date: regenerate it with `{regenerate}`"));
            // The verdict stands whether or not the diff could be shown.
            print(&diff).max(Status::Findings)
        }
    }
}

/// The command that writes what `snippet --check FILE` compares: this run's own arguments with
/// `--check FILE` as `-o FILE`, so that every flag the block depends on is kept as it was typed.
fn regenerate_command() -> String {
    let mut words = vec!["ssq-gen".to_string()];
    let mut args = std::env::args_os().skip(1).map(|arg| arg.to_string_lossy().into_owned());
    while let Some(arg) = args.next() {
        let file = match arg.strip_prefix("--check=") {
            Some(file) => Some(file.to_string()),
            None if arg == "--check" => Some(args.next().unwrap_or_default()),
            None => None,
        };
        match file {
            Some(file) => words.extend(["-o".to_string(), shell_word(&file)]),
            None => words.push(shell_word(&arg)),
        }
    }
    words.join(" ")
}

/// `word` as a POSIX shell reads it back: as it is when nothing in it is special, else quoted.
fn shell_word(word: &str) -> String {
    let plain = |c: char| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c);
    match !word.is_empty() && word.chars().all(plain) {
        true => word.to_string(),
        false => format!("'{}'", word.replace('\'', r"'\''")),
    }
}
