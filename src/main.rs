//! The binary: parse arguments, run a command, map its outcome to an exit status.

mod cli;
mod completions;

use clap::Parser;
use cli::{Cli, ColorChoice, Command, InputFormat, LintArgs, OutputFormat, ProfileArgs, SnippetArgs};
use ssq_gen::input::source::{Format, Input, Source};
use ssq_gen::profile::ValidProfile;
use ssq_gen::report::{self, Emitter, Policy, Reporter, Status, count};
use ssq_gen::snippet::{self, RenderOptions, Snippet};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Diagnostics go to standard error, except for `lint`, whose report is its output.
    let terminal = match cli.command {
        Command::Lint(_) => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    };
    let ui = Ui {
        color: match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        },
        quiet: cli.quiet,
    };
    let status = match cli.command {
        Command::Snippet(args) => snippet(&args, &ui),
        Command::Csp(args) => csp(&args, &ui),
        Command::Lint(args) => lint(&args, &ui),
        Command::Completions { shell } => print(&completions::script(shell)),
        Command::Init { path, json, force } => init(path.as_deref(), json, force, &ui),
        Command::Schema => print(&format!("{:#}\n", ssq_gen::profile::schema::json_schema())),
        Command::Man => man(),
        Command::Rules { markdown } => {
            print(&if markdown { report::rules_table::markdown() } else { report::rules_table::plain() })
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

/// A profile that passed every rule (and warnings, under `--deny-warnings`), with what the
/// snippet's header says about where it came from.
struct Accepted {
    profile: ValidProfile,
    name: String,
    display_name: String,
    warnings: usize,
}

/// Reads and checks the profile, showing its findings; `Err` carries the exit status.
fn accept(args: &ProfileArgs, ui: &Ui) -> Result<Accepted, Status> {
    let input = Input::from_arg(args.profile.as_deref());
    let source = Source::read(&input, input_format(args.input_format)).map_err(|err| {
        ui.problem(err);
        Status::Trouble
    })?;
    let checked = ssq_gen::check(source);
    let policy = Policy { quiet: ui.quiet, deny_warnings: args.deny_warnings };
    let mut reporter = Reporter::new(Box::new(report::human::Human::new(ui.color, false)), policy);
    // Diagnostics on standard error are best effort: the exit status carries the verdict.
    let _ = reporter.file(&mut std::io::stderr().lock(), &checked);

    let (status, errors, warnings) = (reporter.status(), reporter.summary().errors, reporter.summary().warnings);
    let name = checked.source.name.clone();
    match checked.profile {
        Some(profile) if status == Status::Success => {
            let display_name = match input {
                Input::Stdin => "standard input".to_string(),
                Input::Path(_) => name.clone(),
            };
            Ok(Accepted { profile, name, display_name, warnings })
        }
        _ => {
            let why = match errors {
                0 => format!("{} (--deny-warnings)", count(warnings, "warning")),
                _ => count(errors, "error"),
            };
            ui.problem(format_args!("{name} has {why}; nothing written"));
            Err(Status::Findings)
        }
    }
}

fn input_format(format: Option<InputFormat>) -> Option<Format> {
    format.map(|f| match f {
        InputFormat::Toml => Format::Toml,
        InputFormat::Json => Format::Json,
    })
}

fn render_accepted(accepted: &Accepted, nonce: Option<&str>, logout: bool, ui: &Ui) -> Result<Snippet, Status> {
    let options = RenderOptions { profile_name: &accepted.display_name, nonce, logout };
    snippet::render(&accepted.profile, &options).map_err(|err| {
        ui.problem(format_args!("internal error while rendering: {err}"));
        Status::Trouble
    })
}

fn snippet(args: &SnippetArgs, ui: &Ui) -> Status {
    let result = accept(&args.profile, ui).and_then(|accepted| {
        let text = render_accepted(&accepted, args.nonce.as_deref(), args.logout, ui)?.html;
        if let Some(path) = &args.check {
            return check_drift(path, &text, ui).map(|()| accepted);
        }
        let written = match &args.output {
            Some(path) => ssq_gen::output::write_atomically(path, text.as_bytes())
                .map_err(|err| format!("cannot write {}: {err}", path.display())),
            None => std::io::stdout()
                .lock()
                .write_all(text.as_bytes())
                .map_err(|err| format!("cannot write to standard output: {err}")),
        };
        written.map_err(|err| {
            ui.problem(err);
            Status::Trouble
        })?;
        Ok(accepted)
    });
    match result {
        Ok(accepted) => {
            if accepted.warnings > 0 && !ui.quiet {
                eprintln!("{}: rendered with {}", accepted.name, count(accepted.warnings, "warning"));
            }
            Status::Success
        }
        Err(status) => status,
    }
}

/// `snippet --check FILE`: whether FILE holds exactly `expected`; a unified diff when not.
fn check_drift(path: &std::path::Path, expected: &str, ui: &Ui) -> Result<(), Status> {
    let current = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(err) => {
            ui.problem(format_args!("cannot read {}: {err}", path.display()));
            return Err(Status::Trouble);
        }
    };
    if current == expected {
        return Ok(());
    }
    let name = path.display().to_string();
    let diff = similar::TextDiff::from_lines(&current, expected);
    print!("{}", diff.unified_diff().context_radius(3).header(&name, &format!("{name} (as rendered now)")));
    ui.problem(format_args!("{name} is out of date: regenerate it with `ssq-gen snippet … -o {name}`"));
    Err(Status::Findings)
}

fn lint(args: &LintArgs, ui: &Ui) -> Status {
    use ssq_gen::lint;
    let options = lint::Options { globs: args.glob.clone(), format: input_format(args.input_format) };
    let inputs = match lint::discover(&args.paths, &options) {
        Ok(inputs) => inputs,
        Err(message) => {
            ui.problem(message);
            return Status::Trouble;
        }
    };
    let emitter: Box<dyn Emitter> = match args.format {
        OutputFormat::Human => Box::new(report::human::Human::new(ui.color, true)),
        OutputFormat::Json => Box::<report::json::Json>::default(),
        OutputFormat::Github => Box::new(report::github::Github),
        OutputFormat::Sarif => Box::<report::sarif::Sarif>::default(),
    };
    let mut reporter = Reporter::new(emitter, Policy { quiet: ui.quiet, deny_warnings: args.deny_warnings });
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = lint::run(inputs, &options, |checked| reporter.file(&mut out, &checked))
        .and_then(|()| reporter.finish(&mut out));
    written.unwrap_or_else(|err| {
        ui.problem(format_args!("cannot write to standard output: {err}"));
        Status::Trouble
    })
}

fn csp(args: &ProfileArgs, ui: &Ui) -> Status {
    let result = accept(args, ui).and_then(|accepted| {
        let snippet = render_accepted(&accepted, None, false, ui)?;
        Ok(print(&format!("{}\n", snippet::csp::sources(&accepted.profile, &snippet))))
    });
    result.unwrap_or_else(|status| status)
}

fn init(path: Option<&std::path::Path>, json: bool, force: bool, ui: &Ui) -> Status {
    let default = if json { "profile.ssq.json" } else { "profile.ssq.toml" };
    let path = path.unwrap_or(std::path::Path::new(default));
    let name = match path.as_os_str() == "-" {
        true => default.into(),
        false => path.file_name().map_or(default.into(), |n| n.to_string_lossy()),
    };
    let text = match json {
        true => snippet::starter::json(),
        false => match snippet::starter::toml(&name) {
            Ok(text) => text,
            Err(err) => {
                ui.problem(format_args!("internal error while rendering the starter profile: {err}"));
                return Status::Trouble;
            }
        },
    };
    if path.as_os_str() == "-" {
        return print(&text);
    }
    if !force && std::fs::symlink_metadata(path).is_ok() {
        ui.problem(format_args!("{} already exists; use --force to replace it", path.display()));
        return Status::Trouble;
    }
    if let Err(err) = ssq_gen::output::write_atomically(path, text.as_bytes()) {
        ui.problem(format_args!("cannot write {}: {err}", path.display()));
        return Status::Trouble;
    }
    if !ui.quiet {
        eprintln!("wrote {}: replace the example values, then run: ssq-gen snippet {}", path.display(), path.display());
        if json {
            eprintln!("for editor completion, write the schema beside it: ssq-gen schema > ssq-gen.schema.json");
        }
    }
    Status::Success
}

fn man() -> Status {
    use clap::CommandFactory as _;
    let mut page = Vec::new();
    match clap_mangen::Man::new(Cli::command()).render(&mut page) {
        Ok(()) => print(&String::from_utf8_lossy(&page)),
        Err(err) => {
            eprintln!("error: cannot render the man page: {err}");
            Status::Trouble
        }
    }
}

fn print(text: &str) -> Status {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => Status::Success,
        Err(err) => {
            eprintln!("error: cannot write to standard output: {err}");
            Status::Trouble
        }
    }
}
