//! Linting many profiles: finding them (explicit files, or folders walked with .gitignore rules),
//! then checking them in parallel and handing the results on in path order, a batch at a time, so
//! that memory stays flat however many profiles there are.

use crate::diagnostics::RuleSet;
use crate::diagnostics::fix::Applicability;
use crate::input::source::{Format, Input, ReadError, Source};
use crate::{Checked, check};
use rayon::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// How many profiles are checked, and held, at once.
const BATCH: usize = 256;

/// Files in a folder that count as profiles unless `--glob` says otherwise. A naming convention,
/// so that a repository's unrelated `package.json` or `Cargo.toml` is never taken for a profile.
pub const DEFAULT_GLOBS: &[&str] = &["*.ssq.toml", "*.ssq.json"];

#[derive(Debug, Clone)]
pub struct Options {
    /// Patterns for files found in folders; empty means [`Options::defaults`].
    pub globs: Vec<String>,
    /// The files a folder is walked for without `--glob`: [`DEFAULT_GLOBS`], or `audit`'s.
    pub defaults: &'static [&'static str],
    pub format: Option<Format>,
    /// Follow symbolic links found while walking (`-L`). Off by default, as for ripgrep: a link in
    /// a pull request must not make CI read `/proc/self/environ` or hang on a FIFO.
    pub follow_links: bool,
    /// `--hidden`: walk hidden files and folders too (`.github/`, `.config/`).
    pub hidden: bool,
    /// `--fix` / `--diff`: apply fixes (and with `--unsafe-fixes`, the unsafe ones too).
    pub fix: Option<Applicability>,
    /// `--ignore`: the fixes of ignored warnings are not applied either.
    pub ignore: RuleSet,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            globs: Vec::new(),
            defaults: DEFAULT_GLOBS,
            format: None,
            follow_links: false,
            hidden: false,
            fix: None,
            ignore: RuleSet::default(),
        }
    }
}

/// What a walk found, and what it passed over that a person may have meant.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Profiles to check, and paths that could not be walked, in place.
    pub inputs: Vec<Result<Input, ReadError>>,
    /// Files the globs take that sit in hidden files or folders, skipped without `--hidden`;
    /// counted only when nothing else was found.
    pub hidden: usize,
    /// `.toml` and `.json` files the globs do not take (`profile.toml`), first names first.
    pub unmatched: Vec<PathBuf>,
}

/// Folders that never hold a profile and can be large: not walked even with `--hidden`.
const NEVER_WALKED: &[&str] = &[".git", ".hg", ".svn"];

/// The inputs `paths` stand for: `-` is standard input, files are read as named, folders are walked
/// once, noting what the globs or `--hidden` left out. A file reached twice (`site` and
/// `./site/a.ssq.toml`) counts once, under its first name. A path that cannot be walked comes back
/// as an error, in place.
pub fn discover(paths: &[PathBuf], options: &Options) -> Result<Discovered, String> {
    // `!glob` excludes, as in ripgrep; with only exclusions, the convention still says what is in.
    let includes = options.globs.iter().any(|glob| !glob.starts_with('!'));
    let globs: Vec<String> = match includes {
        true => options.globs.clone(),
        false => options.defaults.iter().map(|g| g.to_string()).chain(options.globs.iter().cloned()).collect(),
    };
    let mut builder = ignore::overrides::OverrideBuilder::new("/");
    for glob in &globs {
        // Match on the file name wherever it is, as `*.ssq.toml` reads.
        let (not, pattern) = match glob.strip_prefix('!') {
            Some(pattern) => ("!", pattern),
            None => ("", glob.as_str()),
        };
        let anchored = if pattern.contains('/') { format!("{not}{pattern}") } else { format!("{not}**/{pattern}") };
        builder.add(&anchored).map_err(|err| format!("bad --glob `{glob}`: {err}"))?;
    }
    // Compiled only when there is a folder to walk: profiles named one by one need no globs.
    let mut matcher = None;

    let mut found = Discovered::default();
    let mut hidden_entries = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            found.inputs.push(Ok(Input::Stdin));
        } else if path.is_dir() {
            let matcher = match &mut matcher {
                Some(matcher) => matcher,
                None => matcher.insert(builder.build().map_err(|err| err.to_string())?),
            };
            let skipped = walk(path, matcher, options, &mut found.inputs, &mut found.unmatched);
            hidden_entries.extend(skipped.into_iter().map(|entry| (path.clone(), entry, matcher.clone())));
        } else {
            found.inputs.push(Ok(Input::Path(path.clone())));
        }
    }
    // Nothing found: look into the hidden entries the walks passed over, to say whether profiles
    // are there. Only then, and only into them: a tree's `.next/` or `.venv/` is not walked on
    // every run.
    if found.inputs.is_empty() {
        found.hidden =
            hidden_entries.iter().map(|(folder, entry, matcher)| count_profiles(folder, entry, matcher, options)).sum();
    }
    // One path walked without following links cannot reach a file twice: only then is there
    // anything to look up.
    if paths.len() > 1 || options.follow_links {
        let mut seen = HashSet::new();
        found.inputs.retain(|input| match input {
            Ok(Input::Path(path)) => seen.insert(std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())),
            _ => true,
        });
    }
    Ok(found)
}

/// How many unmatched names [`Discovered::unmatched`] keeps: enough to show what was meant.
const UNMATCHED_KEPT: usize = 5;

/// Walks `folder` for profiles, without hidden entries unless `--hidden`: those are returned, for
/// [`count_profiles`] to look into if nothing is found.
fn walk(
    folder: &Path,
    matcher: &ignore::overrides::Override,
    options: &Options,
    found: &mut Vec<Result<Input, ReadError>>,
    unmatched: &mut Vec<PathBuf>,
) -> Vec<PathBuf> {
    let skipped = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let noted = std::sync::Arc::clone(&skipped);
    let show_hidden = options.hidden;
    // .gitignore applies whether or not the folder is in a git checkout.
    let walker = ignore::WalkBuilder::new(folder)
        .require_git(false)
        .follow_links(options.follow_links)
        .hidden(false)
        .filter_entry(move |entry| {
            let name = entry.file_name();
            if NEVER_WALKED.iter().any(|never| name == *never) {
                return false;
            }
            let hidden = entry.depth() > 0 && name.to_string_lossy().starts_with('.');
            if hidden && !show_hidden {
                noted.lock().map(|mut noted| noted.push(entry.path().to_path_buf())).unwrap_or_default();
                return false;
            }
            true
        })
        .build();
    for entry in walker {
        match entry {
            // Regular files only: a link is a link unless followed, and a FIFO, socket or device
            // found in a tree is never a profile (and a FIFO would block the run).
            Ok(entry) if entry.file_type().is_some_and(|t| t.is_file()) => {
                let path = entry.path();
                let relative = path.strip_prefix(folder).unwrap_or(path);
                // `lint .` reports `sub/a.ssq.toml`, as a repository-relative path for CI annotations.
                let reported = || path.strip_prefix("./").unwrap_or(path).to_path_buf();
                if matcher.matched(relative, false).is_whitelist() {
                    found.push(Ok(Input::Path(reported())));
                } else if unmatched.len() < UNMATCHED_KEPT && Format::from_path(path).is_some() {
                    unmatched.push(reported());
                }
            }
            Ok(_) => {}
            Err(err) => found.push(Err(walk_error(folder, &err))),
        }
    }
    std::mem::take(&mut *skipped.lock().unwrap_or_else(|poisoned| poisoned.into_inner()))
}

/// The profiles the globs take in `entry`, a hidden file or folder [`walk`] passed over in
/// `folder`.
fn count_profiles(folder: &Path, entry: &Path, matcher: &ignore::overrides::Override, options: &Options) -> usize {
    let walker = ignore::WalkBuilder::new(entry)
        .require_git(false)
        .follow_links(options.follow_links)
        .hidden(false)
        .filter_entry(|entry| !NEVER_WALKED.iter().any(|never| entry.file_name() == *never))
        .build();
    walker
        .flatten()
        .filter(|entry| entry.file_type().is_some_and(|t| t.is_file()))
        .filter(|entry| {
            let path = entry.path();
            matcher.matched(path.strip_prefix(folder).unwrap_or(path), false).is_whitelist()
        })
        .count()
}

/// A walk error as SSQ000 against the file it is about, in words (not "IO error for operation
/// on …"): the link loop, or the entry that could not be read.
fn walk_error(folder: &Path, err: &ignore::Error) -> ReadError {
    match err {
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => walk_error(folder, err),
        ignore::Error::WithPath { path, err } => {
            let inner = walk_error(path, err);
            ReadError { name: path.strip_prefix("./").unwrap_or(path).display().to_string(), error: inner.error }
        }
        ignore::Error::Loop { ancestor, child } => ReadError {
            name: child.strip_prefix("./").unwrap_or(child).display().to_string(),
            error: std::io::Error::other(format!(
                "a symbolic link loop: it leads back to {} (-L follows links)",
                ancestor.display()
            )),
        },
        ignore::Error::Io(io) => {
            ReadError { name: folder.display().to_string(), error: std::io::Error::new(io.kind(), io.to_string()) }
        }
        other => ReadError { name: folder.display().to_string(), error: std::io::Error::other(other.to_string()) },
    }
}

/// The name an input is reported under, borrowed where it can be.
fn name(input: &Result<Input, ReadError>) -> std::borrow::Cow<'_, str> {
    match input {
        Ok(Input::Path(path)) => path.to_string_lossy(),
        Ok(Input::Stdin) => Input::Stdin.display_name().into(),
        Err(err) => err.name.as_str().into(),
    }
}

/// Reads and checks every input, in parallel, and hands each result to `report` in path order;
/// stops at the first error `report` returns.
pub fn run<E>(
    inputs: Vec<Result<Input, ReadError>>,
    options: &Options,
    report: impl FnMut(Checked) -> Result<(), E>,
) -> Result<(), E> {
    let check_one = |source: Source| match options.fix {
        None => check(source),
        Some(most) => crate::fix(check(source), |diagnostic, fix| {
            fix.applicability <= most && !options.ignore.contains(diagnostic.rule)
        }),
    };
    run_with(inputs, options.format, check_one, report)
}

/// Reads every input and hands it to `analyse`, in parallel, then each result to `report` in path
/// order; stops at the first error `report` returns. `lint` checks profiles with it, `audit` pages.
pub fn run_with<E>(
    mut inputs: Vec<Result<Input, ReadError>>,
    format: Option<Format>,
    analyse: impl Fn(Source) -> Checked + Sync,
    mut report: impl FnMut(Checked) -> Result<(), E>,
) -> Result<(), E> {
    inputs.sort_by(|a, b| name(a).cmp(&name(b)));
    let mut inputs = inputs.into_iter();
    loop {
        let batch: Vec<_> = inputs.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            return Ok(());
        }
        let check_one = |input: Result<Input, ReadError>| match input.and_then(|input| Source::read(&input, format)) {
            Ok(source) => analyse(source),
            Err(err) => Checked::unreadable(err),
        };
        // One profile (a pre-commit hook, an editor) is checked here: starting the thread pool
        // would cost more than the check.
        let checked: Vec<Checked> = match batch.len() {
            1 => batch.into_iter().map(check_one).collect(),
            _ => batch.into_par_iter().map(check_one).collect(),
        };
        checked.into_iter().try_for_each(&mut report)?;
    }
}
