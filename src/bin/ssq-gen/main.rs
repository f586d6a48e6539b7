//! The binary: parse arguments, run one command (one file each in `commands/`), and map its
//! outcome to an exit status, here and nowhere else. Every rule, rendering and policy is the
//! library's; the binary only talks to the terminal.

mod cli;
mod commands;
mod ui;

use cli::Cli;
use ssq_gen::report::Status;
use std::process::ExitCode;

/// How a command ended.
pub enum Outcome {
    /// Every command but `lsp`: the documented statuses (`cli::EXIT_STATUS`).
    Done(Status),
    /// `lsp`, as the Language Server Protocol says: 0 when `exit` came after `shutdown`, 1 when
    /// not.
    LspExit { after_shutdown: bool },
}

fn main() -> ExitCode {
    let outcome = match Cli::parse_args() {
        Ok(cli) => {
            let ui = ui::Ui::new(&cli);
            commands::run(cli.command, &ui)
        }
        Err(err) => Outcome::Done(ui::clap_output(&err)),
    };
    ExitCode::from(match outcome {
        Outcome::Done(Status::Success) | Outcome::LspExit { after_shutdown: true } => 0,
        Outcome::Done(Status::Findings) | Outcome::LspExit { after_shutdown: false } => 1,
        Outcome::Done(Status::Trouble) => 2,
    })
}
