//! `ssq-gen init`: a starter profile, TOML or JSON.

use super::{remove_unfinished_files_on_signals, write_file};
use crate::ui::{Ui, print, say};
use anyhow::Context as _;
use ssq_gen::input::source::Format;
use ssq_gen::report::Status;
use ssq_gen::snippet::starter;
use std::path::Path;

pub fn run(path: Option<&Path>, json: bool, force: bool, ui: &Ui) -> Status {
    let named_format = path.and_then(Format::from_path);
    let format = match (named_format, json) {
        (Some(Format::Toml), true) => {
            return ui.refuse("--json with a `.toml` name: drop --json for TOML, or name the file `….json`");
        }
        (Some(format), _) => format,
        (None, true) => Format::Json,
        (None, false) => Format::Toml,
    };
    let default = match format {
        Format::Json => "profile.ssq.json",
        Format::Toml => "profile.ssq.toml",
    };
    let path = path.unwrap_or(Path::new(default));
    let name = match path.as_os_str() == "-" {
        true => default.into(),
        false => path.file_name().map_or(default.into(), |n| n.to_string_lossy()),
    };
    let text = match format {
        Format::Json => starter::json(),
        Format::Toml => match starter::toml(&name).context("internal error while rendering the starter profile") {
            Ok(text) => text,
            Err(err) => return ui.failed(err),
        },
    };
    if path.as_os_str() == "-" {
        return print(&text);
    }
    if path.is_dir() {
        return ui.refuse(format_args!(
            "{} is a folder: name the profile to write in it, e.g. `ssq-gen init {}`",
            path.display(),
            path.join(default).display()
        ));
    }
    if !force && std::fs::symlink_metadata(path).is_ok() {
        return ui.refuse(format_args!("{} already exists; use --force to replace it", path.display()));
    }
    remove_unfinished_files_on_signals();
    if write_file(path, &text, ui) != Status::Success {
        return Status::Trouble;
    }
    if !ui.quiet {
        say!("wrote {}: replace the example values, then run: ssq-gen snippet {}", path.display(), path.display());
        if format == Format::Json {
            say!("for editor completion, write the schema beside it: ssq-gen schema > ssq-gen.schema.json");
        }
    }
    Status::Success
}
