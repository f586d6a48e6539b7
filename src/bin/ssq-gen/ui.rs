//! Talking to the person at the terminal: colour, `-q`, messages on standard error, and writes to
//! standard output that end quietly when the reader went away.

use crate::cli::{Cli, ColorChoice, Command};
use ssq_gen::report::Status;
use std::io::{IsTerminal, Write};

/// `eprintln!` that never panics: a message to a full or broken standard error is lost, and the exit
/// status still tells.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
pub(crate) use say;

/// How to talk to the person at the terminal.
pub struct Ui {
    pub color: bool,
    pub quiet: bool,
}

impl Ui {
    pub fn new(cli: &Cli) -> Ui {
        // Diagnostics go to standard error, except for `lint` and `audit`, whose report is their output.
        let terminal = match cli.command {
            Command::Lint(_) | Command::Audit(_) => std::io::stdout().is_terminal(),
            _ => std::io::stderr().is_terminal(),
        };
        let color = match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
            }
        };
        Ui { color, quiet: cli.quiet }
    }

    /// A note that does not change the outcome.
    pub fn problem(&self, message: impl std::fmt::Display) {
        say!("error: {message}");
    }

    /// The run cannot go on (a bad combination of flags, a path that is not what it must be):
    /// the message, and exit status 2.
    pub fn refuse(&self, message: impl std::fmt::Display) -> Status {
        self.problem(message);
        Status::Trouble
    }

    /// An operation that failed: its error, with the context that names what failed, is exit
    /// status 2.
    pub fn failed(&self, err: anyhow::Error) -> Status {
        self.refuse(format_args!("{err:#}"))
    }
}

/// clap's own output: help and version go to standard output (status 0, or 2 when they cannot be
/// written), usage errors to standard error (status 2).
pub fn clap_output(err: &clap::Error) -> Status {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            match err.print().and_then(|()| std::io::stdout().flush()) {
                Ok(()) => Status::Success,
                Err(err) => output_failed(&err),
            }
        }
        _ => {
            let _ = err.print();
            Status::Trouble
        }
    }
}

/// A write to standard output failed: a reader that went away (`| head`) ends the run quietly, as
/// for ripgrep; anything else is an I/O error.
pub fn output_failed(err: &std::io::Error) -> Status {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        return Status::Success;
    }
    say!("error: cannot write to standard output: {err}");
    Status::Trouble
}

/// Writes all of `text` to standard output.
pub fn print(text: &str) -> Status {
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    match written {
        Ok(()) => Status::Success,
        Err(err) => output_failed(&err),
    }
}
