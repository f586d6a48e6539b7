//! `ssq-gen login-data ENGINE`: the fragment a site's templates use to write each visitor.

use super::{remove_unfinished_files_on_signals, write_file};
use crate::ui::{Ui, print};
use ssq_gen::report::Status;
use ssq_gen::snippet::login_data::Engine;
use std::path::Path;

pub fn run(engine: &Engine, output: Option<&Path>, ui: &Ui) -> Status {
    match output.filter(|path| path.as_os_str() != "-") {
        None => print(engine.fragment),
        Some(path) => {
            remove_unfinished_files_on_signals();
            write_file(path, engine.fragment, ui)
        }
    }
}
