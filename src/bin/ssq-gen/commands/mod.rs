//! One file per command; this file dispatches, and holds what several commands share: reading
//! and judging a profile, and writing an output file.

mod audit;
mod completions;
mod csp;
mod help;
mod import;
mod init;
mod lint;
mod login_data;
mod lsp;
mod man;
mod preview;
mod rules;
mod snippet;

use crate::Outcome;
use crate::cli::{Command, ProfileArgs};
use crate::ui::{Ui, print};
use anyhow::Context as _;
use ssq_gen::input::source::{Input, Source};
use ssq_gen::report::Status;
use ssq_gen::report::verdict::{Accepted, judge};
use ssq_gen::snippet::csp::Nonce;
use ssq_gen::snippet::form::Form;
use ssq_gen::snippet::{RenderOptions, Snippet};
use std::io::IsTerminal;
use std::path::Path;

pub fn run(command: Command, ui: &Ui) -> Outcome {
    let status = match command {
        Command::Snippet(args) => snippet::run(&args, ui),
        Command::Csp(args) => csp::run(&args, ui),
        Command::Lint(args) => lint::run(&args, ui),
        Command::Audit(args) => audit::run(&args, ui),
        Command::Import { file, output } => import::run(&file, output.as_deref(), ui),
        Command::LoginData { engine, output } => login_data::run(engine, output.as_deref(), ui),
        Command::Completions { shell } => print(&completions::script(shell)),
        Command::Init { path, json, force } => init::run(path.as_deref(), json, force, ui),
        Command::Schema => print(&format!("{:#}\n", ssq_gen::profile::schema::json_schema())),
        Command::Man => print(&man::page()),
        Command::Help { command } => help::run(command.as_deref()),
        Command::Rules { code, format } => print(&rules::text(code, format)),
        Command::Lsp => return Outcome::LspExit { after_shutdown: lsp::run() },
        Command::Preview { profile, port, live, open } => preview::run(&preview::Options { profile, port, live, open }),
    };
    Outcome::Done(status)
}

/// The reporter of `lint`'s and `audit`'s `--format`.
fn emitter(format: crate::cli::OutputFormat, ui: &Ui) -> Box<dyn ssq_gen::report::Emitter> {
    use crate::cli::OutputFormat;
    use ssq_gen::report;
    match format {
        OutputFormat::Human => Box::new(report::human::Human::new(ui.color, true)),
        OutputFormat::Json => Box::<report::json::Json>::default(),
        OutputFormat::Github => Box::new(report::github::Github),
        OutputFormat::Sarif => Box::new(match std::env::current_dir() {
            Ok(folder) => report::sarif::Sarif::in_folder(&folder),
            Err(_) => report::sarif::Sarif::default(),
        }),
    }
}

/// What `lint` or `audit` reads: the inputs the walk finds, or the status of a run that cannot
/// start (a bad `--glob`; nothing found without `--allow-empty`, which `nothing` explains).
fn discover(
    walk: &crate::cli::WalkArgs,
    options: &ssq_gen::lint::Options,
    emitter: &mut dyn ssq_gen::report::Emitter,
    ui: &Ui,
    nothing: impl FnOnce(&[std::path::PathBuf], &ssq_gen::lint::Discovered) -> String,
) -> Result<Vec<Result<Input, ssq_gen::input::source::ReadError>>, Status> {
    let paths = walk.paths();
    let discovered = ssq_gen::lint::discover(&paths, options).map_err(|message| cannot_start(emitter, message, ui))?;
    if discovered.inputs.is_empty() && !walk.allow_empty {
        return Err(cannot_start(emitter, nothing(&paths, &discovered), ui));
    }
    Ok(discovered.inputs)
}

/// A run that cannot start: the reason on standard error, and, for JSON and SARIF, in a whole
/// document on standard output, which CI steps that run `if: always()` still read.
fn cannot_start(emitter: &mut dyn ssq_gen::report::Emitter, reason: String, ui: &Ui) -> Status {
    use std::io::Write as _;
    ui.problem(&reason);
    let mut out = std::io::stdout().lock();
    match emitter.failed(&mut out, &reason).and_then(|()| out.flush()) {
        Ok(()) => Status::Trouble,
        Err(err) => crate::ui::output_failed(&err).max(Status::Trouble),
    }
}

/// Reads and checks the profile, showing its findings on standard error; `Err` carries the exit
/// status.
fn accept(args: &ProfileArgs, command: &str, ui: &Ui) -> Result<Accepted, Status> {
    let input = match args.profile.as_deref() {
        Some(path) => Input::from_arg(Some(path)),
        // Waiting silently for a profile to be typed looks like a hang.
        None if std::io::stdin().is_terminal() => {
            return Err(ui.refuse(format_args!(
                "no profile given: name a file (`ssq-gen {command} profile.ssq.toml`), or `-` to type or paste one"
            )));
        }
        None => Input::Stdin,
    };
    let source = Source::read(&input, args.judging.format()).map_err(|err| ui.refuse(err))?;
    let policy = args.judging.policy(ui.quiet);
    judge(source, input.header_name(), policy, ui.color, &mut std::io::stderr().lock())
}

fn render_accepted(
    accepted: &Accepted,
    nonce: Option<&Nonce>,
    logout: bool,
    form: Form,
    ui: &Ui,
) -> Result<Snippet, Status> {
    let options = RenderOptions { profile_name: &accepted.display_name, nonce, logout, form };
    let rendered = ssq_gen::snippet::render(&accepted.profile, &options)
        .with_context(|| format!("internal error while rendering {}", accepted.name));
    rendered.map_err(|err| ui.failed(err))
}

/// Ctrl-C, `kill` or a hang-up while `-o` writes must not leave the temporary file behind.
fn remove_unfinished_files_on_signals() {
    let _ = ctrlc::set_handler(|| {
        ssq_gen::atomic::remove_unfinished();
        std::process::exit(130);
    });
}

/// `-o FILE`: replaced atomically, or left as it was.
fn write_file(path: &Path, text: &str, ui: &Ui) -> Status {
    if let Some(why) = unwritable(path) {
        return ui.refuse(format_args!("cannot write {}: {why}", path.display()));
    }
    let written = ssq_gen::atomic::write_atomically(path, text.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()));
    written.map_or_else(|err| ui.failed(err), |()| Status::Success)
}

/// Why `path` cannot be a file to write, in words that name the path: the OS's own ("entity not
/// found") name neither it nor what to do.
fn unwritable(path: &Path) -> Option<String> {
    if path.is_dir() {
        return Some("it is a folder: name a file in it".to_string());
    }
    let parent = path.parent().filter(|parent| !parent.as_os_str().is_empty())?;
    match parent.is_dir() {
        true => None,
        false if parent.exists() => Some(format!("{} is not a folder", parent.display())),
        false => Some(format!("the folder {} does not exist: create it first", parent.display())),
    }
}
