//! ssq-gen's library: read a profile, check it against every rule, render the SaleSmartly snippet.
//!
//! ```text
//! bytes ─▶ input::Source ─▶ input::document ─▶ profile::RawProfile ─▶ rules ─▶ profile::ValidProfile ─▶ snippet
//!                                                     └──────────────────┴─▶ Vec<Diagnostic> ─▶ report
//! ```
//! The library never prints and never exits; the binary decides what to show and the exit status.
#![deny(clippy::print_stdout, clippy::print_stderr)]

// The layers, from the bottom up: a module imports only from the layers below its own
// (`tests/cli/layers.rs` holds the table and fails on an import that goes up).
// Leaves.
pub mod atomic;
pub mod checks;
pub mod input;
pub mod sdk;
pub mod suggest;
// Findings, the profile's shape, the rules; then this file's `check`.
pub mod diagnostics;
pub mod profile;
pub mod rules;
// Renderers and reporters.
pub mod report;
pub mod snippet;
// The front ends' library halves: the profile walk and the language server's analysis.
pub mod audit;
pub mod editor;
pub mod lint;

use diagnostics::Diagnostic;
use input::source::{ReadError, Source};
use profile::{RawProfile, ValidProfile};

/// A profile after every rule ran: its findings, and the valid profile if there was no error.
#[derive(Debug)]
pub struct Checked {
    pub source: Source,
    /// In source order.
    pub diagnostics: Vec<Diagnostic>,
    pub profile: Option<ValidProfile>,
    /// After `lint --fix` or `--diff`: the text before the fixes, and how many were applied.
    pub fixed: Option<Fixed>,
}

/// What fixing changed: `source` now holds the fixed text, checked again.
#[derive(Debug)]
pub struct Fixed {
    pub original: String,
    pub count: usize,
}

impl Checked {
    /// `lint --diff`: the fixes as a unified diff, from the text as read to the fixed text; `None`
    /// when nothing was fixed.
    pub fn fixes_diff(&self) -> Option<String> {
        let fixed = self.fixed.as_ref()?;
        let name = &self.source.name;
        let diff = similar::TextDiff::from_lines(&fixed.original, self.source.text());
        Some(diff.unified_diff().context_radius(3).header(name, name).to_string())
    }
}

impl Checked {
    /// A path that could not be read: no text, and one SSQ000 finding.
    pub fn unreadable(err: ReadError) -> Checked {
        let message = err.to_string();
        let help = "check the path and its permissions";
        let diagnostic = Diagnostic::new(&diagnostics::registry::UNREADABLE, 0..0, message, help);
        Checked { source: Source::unreadable(err.name), diagnostics: vec![diagnostic], profile: None, fixed: None }
    }
}

/// Runs every rule over `source`.
pub fn check(source: Source) -> Checked {
    let mut diagnostics = Vec::new();
    let raw = RawProfile::read(&source, &mut diagnostics);
    let ignored = raw.as_ref().map(RawProfile::ignored).unwrap_or_default();
    let profile = raw.and_then(|raw| rules::validate(&raw, source.text(), &mut diagnostics));
    // `[lint] ignore`: the parser let only warnings in.
    diagnostics.retain(|d| !ignored.contains(d.rule));
    diagnostics.sort_by_key(|d| (d.span.start, d.rule.code));
    Checked { source, diagnostics, profile, fixed: None }
}

/// How many rounds of fixes one profile gets: a fix can make another possible (a language tag's
/// separator, then its case), and overlapping fixes wait for the next round.
const FIX_ROUNDS: usize = 10;

/// `checked` with the fixes `take` accepts applied, round after round, and checked again.
pub fn fix(checked: Checked, take: impl Fn(&Diagnostic, &diagnostics::fix::Fix) -> bool) -> Checked {
    let original = checked.source.text().to_string();
    let mut current = checked;
    let mut count = 0;
    for _ in 0..FIX_ROUNDS {
        let fixes = current.diagnostics.iter().filter_map(|d| d.fix.as_deref().filter(|fix| take(d, fix)));
        let (text, applied) = diagnostics::fix::apply(current.source.text(), fixes);
        if applied == 0 {
            break;
        }
        count += applied;
        let Source { name, format, .. } = current.source;
        current = check(Source::from_bytes(name, text.into_bytes(), Some(format)));
    }
    if count > 0 {
        current.fixed = Some(Fixed { original, count });
    }
    current
}
