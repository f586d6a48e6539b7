//! The binary: parse arguments, run a command, map its outcome to an exit status.

mod cli;

use clap::Parser;
use cli::{Cli, ColorChoice, Command, InputFormat, SnippetArgs};
use ssq_gen::diagnostic::Severity;
use ssq_gen::render::{self, RenderOptions};
use ssq_gen::source::{Format, Input, Source};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

/// The documented exit statuses (see `cli::EXIT_STATUS`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Status {
    Success = 0,
    Findings = 1,
    Trouble = 2,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ui = Ui {
        color: match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        },
        quiet: cli.quiet,
    };
    let status = match cli.command {
        Command::Snippet(args) => snippet(&args, &ui),
        Command::Rules { markdown } => {
            let text = if markdown { ssq_gen::report::rules_markdown() } else { ssq_gen::report::rules_plain() };
            print_or_trouble(&text)
        }
    };
    ExitCode::from(status as u8)
}

/// How to talk to the person at the terminal.
struct Ui {
    color: bool,
    quiet: bool,
}

impl Ui {
    fn problem(&self, message: impl std::fmt::Display) {
        eprintln!("error: {message}");
    }
}

fn snippet(args: &SnippetArgs, ui: &Ui) -> Status {
    let input = Input::from_arg(args.profile.as_deref());
    let format = args.input_format.map(|f| match f {
        InputFormat::Toml => Format::Toml,
        InputFormat::Json => Format::Json,
    });
    let source = match Source::read(&input, format) {
        Ok(source) => source,
        Err(err) => {
            ui.problem(err);
            return Status::Trouble;
        }
    };
    let checked = ssq_gen::check(source);
    let shown: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| !ui.quiet || d.severity() == Severity::Error || args.deny_warnings)
        .cloned()
        .collect();
    eprint!("{}", ssq_gen::report::human(&checked.source, &shown, ui.color));

    let (errors, warnings) = (checked.count(Severity::Error), checked.count(Severity::Warning));
    let profile = match &checked.profile {
        Some(profile) if !(args.deny_warnings && warnings > 0) => profile,
        _ => {
            let why = match errors {
                0 => format!("{} (--deny-warnings)", plural(warnings, "warning")),
                _ => plural(errors, "error"),
            };
            ui.problem(format_args!("{} has {why}; nothing written", checked.source.name));
            return Status::Findings;
        }
    };
    let profile_name = match input {
        Input::Stdin => "standard input".to_string(),
        Input::Path(_) => checked.source.name.clone(),
    };
    let text = match render::render(profile, &RenderOptions { profile_name: &profile_name }) {
        Ok(text) => text,
        Err(err) => {
            ui.problem(format_args!("internal error while rendering: {err}"));
            return Status::Trouble;
        }
    };
    let written = match &args.output {
        Some(path) => ssq_gen::output::write_atomically(path, text.as_bytes())
            .map_err(|err| format!("cannot write {}: {err}", path.display())),
        None => std::io::stdout()
            .lock()
            .write_all(text.as_bytes())
            .map_err(|err| format!("cannot write to standard output: {err}")),
    };
    if let Err(err) = written {
        ui.problem(err);
        return Status::Trouble;
    }
    if warnings > 0 && !ui.quiet {
        eprintln!("{}: rendered with {}", checked.source.name, plural(warnings, "warning"));
    }
    Status::Success
}

fn print_or_trouble(text: &str) -> Status {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => Status::Success,
        Err(err) => {
            eprintln!("error: cannot write to standard output: {err}");
            Status::Trouble
        }
    }
}

fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        _ => format!("{count} {noun}s"),
    }
}
