//! The binary: parse arguments, run a command, map its outcome to an exit status.

mod cli;
mod completions;
mod lsp;
mod man;
mod preview;

use anyhow::Context as _;
use clap::Parser;
use cli::{
    Cli, ColorChoice, Command, CspArgs, InputFormat, LintArgs, OutputFormat, ProfileArgs, RulesFormat, SnippetArgs,
};
use ssq_gen::input::source::{Format, Input, Source};
use ssq_gen::login_data::Engine;
use ssq_gen::profile::ValidProfile;
use ssq_gen::report::{self, Emitter, Policy, Reporter, Status, count};
use ssq_gen::snippet::csp::Nonce;
use ssq_gen::snippet::{self, RenderOptions, Snippet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return ExitCode::from(clap_output(&err) as u8),
    };
    // Diagnostics go to standard error, except for `lint`, whose report is its output.
    let terminal = match cli.command {
        Command::Lint(_) => std::io::stdout().is_terminal(),
        _ => std::io::stderr().is_terminal(),
    };
    let ui = Ui {
        color: match cli.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                terminal
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var_os("TERM").is_none_or(|term| term != "dumb")
            }
        },
        quiet: cli.quiet,
    };
    let status = match cli.command {
        Command::Snippet(args) => snippet(&args, &ui),
        Command::Csp(args) => csp(&args, &ui),
        Command::Lint(args) => lint(&args, &ui),
        Command::LoginData { engine, output } => login_data(engine, output.as_deref(), &ui),
        Command::Completions { shell } => print(&completions::script(shell)),
        Command::Init { path, json, force } => init(path.as_deref(), json, force, &ui),
        Command::Schema => print(&format!("{:#}\n", ssq_gen::profile::schema::json_schema())),
        Command::Man => print(&man::page()),
        Command::Help { command } => help(command.as_deref()),
        Command::Rules { code, format } => print(&rules(code, format)),
        Command::Lsp => return ExitCode::from(lsp::run()),
        Command::Preview { profile, port, live, open } => preview::run(&preview::Options { profile, port, live, open }),
    };
    ExitCode::from(status as u8)
}

/// clap's own output: help and version go to standard output (status 0, or 2 when they cannot be
/// written), usage errors to standard error (status 2).
fn clap_output(err: &clap::Error) -> Status {
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
fn output_failed(err: &std::io::Error) -> Status {
    if err.kind() == std::io::ErrorKind::BrokenPipe {
        return Status::Success;
    }
    say!("error: cannot write to standard output: {err}");
    Status::Trouble
}

/// `eprintln!` that never panics: a message to a full or broken standard error is lost, and the exit
/// status still tells.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}
use say;

/// How to talk to the person at the terminal.
struct Ui {
    color: bool,
    quiet: bool,
}

impl Ui {
    fn problem(&self, message: impl std::fmt::Display) {
        say!("error: {message}");
    }

    /// An operation that failed: its error, with the context that names what failed, is exit
    /// status 2.
    fn failed(&self, err: anyhow::Error) -> Status {
        self.problem(format_args!("{err:#}"));
        Status::Trouble
    }
}

/// A profile that passed every rule (and warnings, under `--deny-warnings`), with what the
/// snippet's header says about where it came from.
pub(crate) struct Accepted {
    profile: ValidProfile,
    name: String,
    display_name: String,
    warnings: usize,
}

/// Reads and checks the profile, showing its findings; `Err` carries the exit status.
fn accept(args: &ProfileArgs, command: &str, ui: &Ui) -> Result<Accepted, Status> {
    let input = match args.profile.as_deref() {
        Some(path) => Input::from_arg(Some(path)),
        // Waiting silently for a profile to be typed looks like a hang.
        None if std::io::stdin().is_terminal() => {
            ui.problem(format_args!(
                "no profile given: name a file (`ssq-gen {command} profile.toml`), or `-` to type or paste one"
            ));
            return Err(Status::Trouble);
        }
        None => Input::Stdin,
    };
    let source = Source::read(&input, input_format(args.input_format)).map_err(|err| {
        ui.problem(err);
        Status::Trouble
    })?;
    let policy =
        Policy { quiet: ui.quiet, deny_warnings: args.deny_warnings, ignore: args.ignore.iter().copied().collect() };
    // Diagnostics on standard error are best effort: the exit status carries the verdict.
    judge(source, input.header_name(), policy, ui.color, &mut std::io::stderr().lock())
}

/// Checks `source` as `snippet` does, writing its findings to `out`, and, when it fails, why
/// nothing was written (as `snippet` says it on standard error): the profile when it passes.
pub(crate) fn judge(
    source: Source,
    display_name: String,
    policy: Policy,
    color: bool,
    out: &mut dyn Write,
) -> Result<Accepted, Status> {
    let checked = ssq_gen::check(source);
    let mut reporter = Reporter::new(Box::new(report::human::Human::new(color, false)), policy);
    let _ = reporter.file(out, &checked);
    let (status, errors, warnings) = (reporter.status(), reporter.summary().errors, reporter.summary().warnings);
    let name = checked.source.name.clone();
    match checked.profile {
        Some(profile) if status == Status::Success => Ok(Accepted { profile, name, display_name, warnings }),
        _ => {
            let why = match errors {
                0 => format!("{} (--deny-warnings)", count(warnings, "warning")),
                _ => count(errors, "error"),
            };
            let _ = writeln!(out, "error: {name} has {why}; nothing written");
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

fn render_accepted(accepted: &Accepted, nonce: Option<&Nonce>, logout: bool, ui: &Ui) -> Result<Snippet, Status> {
    let options = RenderOptions { profile_name: &accepted.display_name, nonce, logout };
    let rendered = snippet::render(&accepted.profile, &options)
        .with_context(|| format!("internal error while rendering {}", accepted.name));
    rendered.map_err(|err| ui.failed(err))
}

fn snippet(args: &SnippetArgs, ui: &Ui) -> Status {
    // `-o -` is standard output, as for most tools.
    let output = args.output.as_deref().filter(|path| path.as_os_str() != "-");
    if let (Some(output), Some(profile)) = (output, &args.profile.profile)
        && same_file(output, profile)
    {
        ui.problem(format_args!("-o {} is the profile itself: write the snippet somewhere else", output.display()));
        return Status::Trouble;
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
        (Some(path), _) => return check_drift(path, &text, ui),
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

/// Ctrl-C, `kill` or a hang-up while `-o` writes must not leave the temporary file behind.
fn remove_unfinished_files_on_signals() {
    let _ = ctrlc::set_handler(|| {
        ssq_gen::output::remove_unfinished();
        std::process::exit(130);
    });
}

/// `snippet --check FILE`: whether FILE holds exactly `expected`; a unified diff when not.
fn check_drift(path: &Path, expected: &str, ui: &Ui) -> Status {
    let name = path.display().to_string();
    let regenerate = regenerate_command();
    if path.is_dir() {
        ui.problem(format_args!("--check {name}: it is a folder; name the file the block was written to"));
        return Status::Trouble;
    }
    let current = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
            ui.problem(format_args!("{name} does not exist: write it with `{regenerate}`"));
            return Status::Findings;
        }
        Err(err) => {
            ui.problem(format_args!("cannot read {name}: {err}"));
            return Status::Trouble;
        }
    };
    if current == expected {
        return Status::Success;
    }
    if current.replace("\r\n", "\n") == expected {
        ui.problem(format_args!(
            "{name} differs only in its line endings (CRLF): check it out with LF line endings (in .gitattributes: `{} -text`), or regenerate it with `{regenerate}`",
            path.file_name().map_or(name.clone(), |n| n.to_string_lossy().into_owned())
        ));
        return Status::Findings;
    }
    let diff = similar::TextDiff::from_lines(&current, expected);
    let diff = diff.unified_diff().context_radius(3).header(&name, &format!("{name} (as rendered now)")).to_string();
    ui.problem(format_args!("{name} is out of date: regenerate it with `{regenerate}`"));
    match print(&diff) {
        // The verdict stands whether or not the diff could be shown.
        Status::Success => Status::Findings,
        status => status.max(Status::Findings),
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

fn lint(args: &LintArgs, ui: &Ui) -> Status {
    use ssq_gen::fix::Applicability;
    use ssq_gen::lint;
    let ignore = args.ignore.iter().copied().collect();
    let fixing = match (args.fix || args.diff, args.unsafe_fixes) {
        (true, false) => Some(Applicability::Safe),
        (true, true) => Some(Applicability::Unsafe),
        (false, true) => {
            ui.problem("--unsafe-fixes adds to --fix or --diff: give one of them");
            return Status::Trouble;
        }
        (false, false) => None,
    };
    let options = lint::Options {
        globs: args.glob.clone(),
        format: input_format(args.input_format),
        follow_links: args.follow,
        hidden: args.hidden,
        fix: fixing,
        ignore,
    };
    // A bare `lint` means the current folder, as for eslint and ruff: in CI, standard input is
    // /dev/null, not a profile.
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths.clone() };
    if args.fix && paths.iter().any(|path| path.as_os_str() == "-") {
        ui.problem("--fix cannot write back to standard input: use --diff to see the fixes");
        return Status::Trouble;
    }
    let mut emitter: Box<dyn Emitter> = match args.format {
        OutputFormat::Human => Box::new(report::human::Human::new(ui.color, true)),
        OutputFormat::Json => Box::<report::json::Json>::default(),
        OutputFormat::Github => Box::new(report::github::Github),
        OutputFormat::Sarif => Box::<report::sarif::Sarif>::default(),
    };
    // The run cannot start: the reason on standard error, and, for JSON and SARIF, in a whole
    // document on standard output, which CI steps that run `if: always()` still read.
    let mut cannot_start = |reason: String| {
        ui.problem(&reason);
        let mut out = std::io::stdout().lock();
        match emitter.failed(&mut out, &reason).and_then(|()| out.flush()) {
            Ok(()) => Status::Trouble,
            Err(err) => output_failed(&err).max(Status::Trouble),
        }
    };
    let inputs = match lint::discover(&paths, &options) {
        Ok(inputs) => inputs,
        Err(message) => return cannot_start(message.to_string()),
    };
    if inputs.is_empty() && !args.allow_empty {
        let looked_for = match args.glob.is_empty() {
            true => lint::DEFAULT_GLOBS.join(", "),
            false => args.glob.join(", "),
        };
        // Profiles that only hidden folders hold were skipped, as ripgrep skips them: say so.
        let in_hidden = match args.hidden {
            false => lint::discover(&paths, &lint::Options { hidden: true, ..options.clone() })
                .map_or(0, |found| found.len()),
            true => 0,
        };
        let paths: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
        let hint = match in_hidden {
            0 => "check the paths and --glob, or pass --allow-empty".to_string(),
            n => format!("{} in hidden files or folders were skipped: pass --hidden", count(n, "profile")),
        };
        return cannot_start(format!("no profile found in {} (looked for {looked_for}): {hint}", paths.join(", ")));
    }
    if args.diff {
        return lint_diff(inputs, &options, ui);
    }
    let policy = Policy { quiet: ui.quiet, deny_warnings: args.deny_warnings, ignore };
    let mut reporter = Reporter::new(emitter, policy);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut unwritten = false;
    let written = lint::run(inputs, &options, |checked| {
        let (checked, written) = write_fixes(checked, ui);
        unwritten |= !written;
        reporter.file(&mut out, &checked)
    })
    .and_then(|()| reporter.finish(&mut out));
    let status = written.unwrap_or_else(|err| output_failed(&err));
    if unwritten { status.max(Status::Trouble) } else { status }
}

/// `lint --fix`: writes a fixed profile back, unless it changed on disk since it was read; whether
/// it was written. When it cannot be, the error is shown and the file as it was read is what gets
/// reported.
fn write_fixes(checked: ssq_gen::Checked, ui: &Ui) -> (ssq_gen::Checked, bool) {
    let Some(fixed) = &checked.fixed else { return (checked, true) };
    let (name, format) = (&checked.source.name, checked.source.format);
    let fixed_text = checked.source.text().as_bytes();
    match ssq_gen::output::rewrite_atomically(Path::new(name), fixed.original.as_bytes(), fixed_text) {
        Ok(()) => (checked, true),
        Err(err) => {
            ui.problem(format_args!("cannot write the fixes to {name}: {err}"));
            let source = Source::from_bytes(name.clone(), fixed.original.clone().into_bytes(), Some(format));
            (ssq_gen::check(source), false)
        }
    }
}

/// `lint --diff`: the fixes as a unified diff per profile, on standard output; exit 1 when there is
/// anything to fix. Nothing is written.
fn lint_diff(
    inputs: Vec<Result<Input, ssq_gen::input::source::ReadError>>,
    options: &ssq_gen::lint::Options,
    ui: &Ui,
) -> Status {
    let (mut files, mut fixes, mut unreadable) = (0, 0, false);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = ssq_gen::lint::run(inputs, options, |checked| {
        unreadable |= checked.diagnostics.iter().any(|d| d.rule == &ssq_gen::diagnostics::registry::UNREADABLE);
        let Some(fixed) = &checked.fixed else { return Ok(()) };
        files += 1;
        fixes += fixed.count;
        let name = &checked.source.name;
        let diff = similar::TextDiff::from_lines(&fixed.original, checked.source.text());
        write!(out, "{}", diff.unified_diff().context_radius(3).header(name, name))
    })
    .and_then(|()| out.flush());
    if let Err(err) = written {
        return output_failed(&err);
    }
    if !ui.quiet {
        let fixes = if fixes == 1 { "1 fix".to_string() } else { format!("{fixes} fixes") };
        say!("{fixes} to apply in {} (`ssq-gen lint --fix` writes them)", report::count(files, "profile"));
    }
    match (unreadable, files) {
        (true, _) => Status::Trouble,
        (false, 0) => Status::Success,
        (false, _) => Status::Findings,
    }
}

fn csp(args: &CspArgs, ui: &Ui) -> Status {
    let result = accept(&args.profile, "csp", ui).and_then(|accepted| {
        let snippet = render_accepted(&accepted, None, args.logout, ui)?;
        Ok(print(&format!("{}\n", snippet::csp::sources(&accepted.profile, &snippet))))
    });
    result.unwrap_or_else(|status| status)
}

fn init(path: Option<&Path>, json: bool, force: bool, ui: &Ui) -> Status {
    let named_format = path.and_then(Format::from_path);
    let format = match (named_format, json) {
        (Some(Format::Toml), true) => {
            ui.problem("--json with a `.toml` name: drop --json for TOML, or name the file `….json`");
            return Status::Trouble;
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
        Format::Json => snippet::starter::json(),
        Format::Toml => {
            match snippet::starter::toml(&name).context("internal error while rendering the starter profile") {
                Ok(text) => text,
                Err(err) => return ui.failed(err),
            }
        }
    };
    if path.as_os_str() == "-" {
        return print(&text);
    }
    if path.is_dir() {
        ui.problem(format_args!(
            "{} is a folder: name the profile to write in it, e.g. `ssq-gen init {}`",
            path.display(),
            path.join(default).display()
        ));
        return Status::Trouble;
    }
    if !force && std::fs::symlink_metadata(path).is_ok() {
        ui.problem(format_args!("{} already exists; use --force to replace it", path.display()));
        return Status::Trouble;
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

fn login_data(engine: &Engine, output: Option<&Path>, ui: &Ui) -> Status {
    match output.filter(|path| path.as_os_str() != "-") {
        None => print(engine.fragment),
        Some(path) => {
            remove_unfinished_files_on_signals();
            write_file(path, engine.fragment, ui)
        }
    }
}

/// `-o FILE`: replaced atomically, or left as it was.
fn write_file(path: &Path, text: &str, ui: &Ui) -> Status {
    if let Some(why) = unwritable(path) {
        ui.problem(format_args!("cannot write {}: {why}", path.display()));
        return Status::Trouble;
    }
    let written = ssq_gen::output::write_atomically(path, text.as_bytes())
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

/// `ssq-gen rules [CODE]`.
fn rules(code: Option<&'static ssq_gen::diagnostics::Rule>, format: RulesFormat) -> String {
    use ssq_gen::diagnostics::explain::{explain, sections};
    match (code.map(explain), format) {
        (Some(rule), RulesFormat::Text) => rule.plain(),
        (Some(rule), RulesFormat::Markdown) => format!("{}\n", rule.markdown),
        (Some(rule), RulesFormat::Json) => format!("{:#}\n", rule.to_json()),
        (None, RulesFormat::Text) => report::rules_table::plain(),
        (None, RulesFormat::Markdown) => report::rules_table::markdown(),
        (None, RulesFormat::Json) => {
            format!("{:#}\n", serde_json::Value::from_iter(sections().map(|rule| rule.to_json())))
        }
    }
}

fn help(command: Option<&str>) -> Status {
    use clap::CommandFactory as _;
    let mut cli = Cli::command();
    cli.build();
    let mut target = match command {
        Some(name) => cli.find_subcommand_mut(name).expect("clap checked the name").clone(),
        None => cli,
    };
    print(&target.render_long_help().to_string())
}

/// Writes all of `text` to standard output.
fn print(text: &str) -> Status {
    let mut out = std::io::stdout().lock();
    let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
    match written {
        Ok(()) => Status::Success,
        Err(err) => output_failed(&err),
    }
}
