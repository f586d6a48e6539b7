//! `ssq-gen snippet`: the block, printed, written with `-o`, or compared with `--check`.

use super::{accept, remove_unfinished_files_on_signals, render_accepted, write_file};
use crate::cli::SnippetArgs;
use crate::ui::{Ui, print, say};
use ssq_gen::report::{Status, count};
use ssq_gen::snippet::drift::{self, Drift};
use ssq_gen::snippet::form::Form;
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
    let checked = match &args.check {
        Some(path) => match read_checked(path, ui) {
            Ok(current) => Some((path.as_path(), current)),
            Err(status) => return status,
        },
        None => None,
    };
    let form = args.format.unwrap_or_else(|| match (&checked, output) {
        (Some((path, current)), _) => current
            .as_deref()
            .and_then(|bytes| Form::held_in(&String::from_utf8_lossy(bytes)))
            .unwrap_or_else(|| form_for(path)),
        (None, Some(path)) => form_for(path),
        (None, None) => Form::default(),
    });
    if args.nonce.is_some() && !form.row().writes_element {
        let row = form.row();
        return ui.refuse(format_args!(
            "--nonce does not apply to the {} form: {}; or write the html form",
            row.name, row.nonce_goes
        ));
    }
    if output.is_some() {
        remove_unfinished_files_on_signals();
    }
    let accepted = match accept(&args.profile, "snippet", ui) {
        Ok(accepted) => accepted,
        Err(status) => return status,
    };
    let text = match render_accepted(&accepted, args.nonce.as_ref(), args.logout, form, ui) {
        Ok(snippet) => snippet.text,
        Err(status) => return status,
    };
    let status = match (checked, output) {
        (Some((path, current)), _) => return check(path, current, &text, regenerate_command(form, path), ui),
        (None, Some(path)) => write_file(path, &text, ui),
        (None, None) => print(&text),
    };
    if status == Status::Success && accepted.warnings > 0 && !ui.quiet {
        say!("{}: rendered with {}", accepted.name, count(accepted.warnings, "warning"));
    }
    status
}

/// The form a file gets when `--format` does not say: by its extension, else the default.
fn form_for(path: &Path) -> Form {
    Form::for_path(path).unwrap_or_default()
}

/// Whether two paths name the same file (after links); false when either does not exist.
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// `--check FILE`'s current bytes; `None` when FILE does not exist (a finding, not a usage error).
fn read_checked(path: &Path, ui: &Ui) -> Result<Option<Vec<u8>>, Status> {
    let name = path.display();
    if path.is_dir() {
        return Err(ui.refuse(format_args!("--check {name}: it is a folder; name the file the block was written to")));
    }
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(ui.refuse(format_args!("cannot read {name}: {err}"))),
    }
}

/// `snippet --check FILE`: whether FILE holds exactly `expected`; a unified diff when not.
fn check(path: &Path, current: Option<Vec<u8>>, expected: &str, regenerate: String, ui: &Ui) -> Status {
    let name = path.display().to_string();
    let Some(current) = current else {
        ui.problem(format_args!("{name} does not exist: write it with `{regenerate}`"));
        return Status::Findings;
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
/// `--check FILE` as `-o FILE`, so that every flag the block depends on is kept as it was typed,
/// and `--format` where FILE holds a form its name would not choose.
fn regenerate_command(form: Form, checked: &Path) -> String {
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
    let format_given =
        std::env::args_os().any(|arg| arg == "--format" || arg.to_string_lossy().starts_with("--format="));
    if !format_given && form != form_for(checked) {
        words.extend(["--format".to_string(), form.row().name.to_string()]);
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
