//! `ssq-gen import FILE`: the profile of a page's hand-written install ([`ssq_gen::audit::import`]),
//! printed or written; audit's findings, and what was not translated, on standard error.

use super::{remove_unfinished_files_on_signals, write_file};
use crate::ui::{Ui, output_failed, print};
use ssq_gen::input::source::{Format, Input, Source};
use ssq_gen::report::{self, Emitter, Status};
use std::path::Path;

pub fn run(file: &Path, output: Option<&Path>, ui: &Ui) -> Status {
    let source = match Source::read(&Input::Path(file.to_path_buf()), None) {
        Ok(source) => source,
        Err(err) => return ui.refuse(err),
    };
    let (checked, profile) = ssq_gen::audit::import(source);
    let mut human = report::human::Human::new(ui.color, false);
    let mut err = std::io::stderr().lock();
    let shown: Vec<_> = checked.diagnostics.iter().collect();
    if !ui.quiet
        && let Err(error) = human.file(&mut err, &checked.source, &shown)
    {
        return output_failed(&error);
    }
    if profile.is_empty() {
        ui.problem(format_args!("no SaleSmartly install in {}: nothing to import", file.display()));
        return Status::Findings;
    }
    let output = output.filter(|path| path.as_os_str() != "-");
    let format = match output.and_then(Format::from_path) {
        Some(Format::Json) => Format::Json,
        _ => Format::Toml,
    };
    let text = profile.text(format, |span| checked.source.position(span.start).line);
    match output {
        None => print(&text),
        Some(path) => {
            remove_unfinished_files_on_signals();
            write_file(path, &text, ui)
        }
    }
}
