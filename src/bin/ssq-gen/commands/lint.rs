//! `ssq-gen lint`: every profile the paths name or hold, reported in one of four formats; with
//! `--fix`, fixed in place, and with `--diff`, the fixes shown.

use crate::cli::LintArgs;
use crate::ui::{Ui, output_failed, say};
use ssq_gen::diagnostics::fix::Applicability;
use ssq_gen::input::source::{Input, ReadError, Source};
use ssq_gen::lint::{self, Discovered};
use ssq_gen::report::{Reporter, Status, count};
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn run(args: &LintArgs, ui: &Ui) -> Status {
    let fixing = match (args.fix || args.diff, args.unsafe_fixes) {
        (true, false) => Some(Applicability::Safe),
        (true, true) => Some(Applicability::Unsafe),
        (false, true) => return ui.refuse("--unsafe-fixes adds to --fix or --diff: give one of them"),
        (false, false) => None,
    };
    let options = lint::Options {
        globs: args.walk.glob.clone(),
        defaults: lint::DEFAULT_GLOBS,
        format: args.judging.format(),
        follow_links: args.walk.follow,
        hidden: args.walk.hidden,
        fix: fixing,
        ignore: args.judging.policy(ui.quiet).ignore,
    };
    let paths = args.walk.paths();
    if args.fix && paths.iter().any(|path| path.as_os_str() == "-") {
        return ui.refuse("--fix cannot write back to standard input: use --diff to see the fixes");
    }
    let mut emitter = super::emitter(args.walk.format, ui);
    let nothing = |paths: &[PathBuf], discovered: &Discovered| nothing_found(paths, &args.walk.glob, discovered);
    let inputs = match super::discover(&args.walk, &options, &mut *emitter, ui, nothing) {
        Ok(inputs) => inputs,
        Err(status) => return status,
    };
    if args.diff {
        return diff(inputs, &options, ui);
    }
    let mut reporter = Reporter::new(emitter, args.judging.policy(ui.quiet));
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

/// Why no profile was found, and what would find one: profiles in hidden folders (skipped, as
/// ripgrep skips them), or `.toml` and `.json` files the globs do not take.
fn nothing_found(paths: &[PathBuf], globs: &[String], discovered: &Discovered) -> String {
    let looked_for = match globs.is_empty() {
        true => lint::DEFAULT_GLOBS.join(", "),
        false => globs.join(", "),
    };
    let paths: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
    let hint = match (discovered.hidden, discovered.unmatched.as_slice()) {
        (0, []) => "check the paths and --glob, or pass --allow-empty".to_string(),
        (0, unmatched) => {
            let names: Vec<_> = unmatched.iter().map(|p| p.display().to_string()).collect();
            let extensions: Vec<_> = unmatched
                .iter()
                .filter_map(|p| Some(format!("'*.{}'", p.extension()?.to_string_lossy())))
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            format!(
                "it skipped {} (name profiles `*.ssq.toml`, or lint these with --glob {})",
                names.join(", "),
                extensions.join(" --glob ")
            )
        }
        (n, _) => format!("{} in hidden files or folders were skipped: pass --hidden", count(n, "profile")),
    };
    format!("no profile found in {} (looked for {looked_for}): {hint}", paths.join(", "))
}

/// `lint --fix`: writes a fixed profile back, unless it changed on disk since it was read; whether
/// it was written. When it cannot be, the error is shown and the file as it was read is what gets
/// reported.
fn write_fixes(checked: ssq_gen::Checked, ui: &Ui) -> (ssq_gen::Checked, bool) {
    let Some(fixed) = &checked.fixed else { return (checked, true) };
    let (name, format) = (&checked.source.name, checked.source.format);
    let fixed_text = checked.source.text().as_bytes();
    match ssq_gen::atomic::rewrite_atomically(Path::new(name), fixed.original.as_bytes(), fixed_text) {
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
fn diff(inputs: Vec<Result<Input, ReadError>>, options: &lint::Options, ui: &Ui) -> Status {
    let (mut files, mut fixes, mut unreadable) = (0, 0, false);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = lint::run(inputs, options, |checked| {
        unreadable |= checked.diagnostics.iter().any(|d| d.rule == &ssq_gen::diagnostics::registry::UNREADABLE);
        let Some(diff) = checked.fixes_diff() else { return Ok(()) };
        files += 1;
        fixes += checked.fixed.as_ref().map_or(0, |fixed| fixed.count);
        write!(out, "{diff}")
    })
    .and_then(|()| out.flush());
    if let Err(err) = written {
        return output_failed(&err);
    }
    if !ui.quiet {
        let fixes = if fixes == 1 { "1 fix".to_string() } else { format!("{fixes} fixes") };
        let command = match options.fix {
            Some(Applicability::Unsafe) => "ssq-gen lint --fix --unsafe-fixes",
            _ => "ssq-gen lint --fix",
        };
        say!("{fixes} to apply in {} (`{command}` writes them)", count(files, "profile"));
    }
    match (unreadable, files) {
        (true, _) => Status::Trouble,
        (false, 0) => Status::Success,
        (false, _) => Status::Findings,
    }
}
