//! The one place that decides what is shown (`-q`) and what fails a run (`--deny-warnings`).

use super::count;
use crate::diagnostics::registry as rule;
use crate::diagnostics::{Diagnostic, RuleSet, Severity};

/// The documented exit statuses (see the CLI's `EXIT_STATUS`), from best to worst.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    Success = 0,
    /// Errors, or warnings under `--deny-warnings`.
    Findings = 1,
    /// Usage or I/O trouble: a path that could not be read, output that could not be written.
    Trouble = 2,
}

/// What the user asked to see and to fail on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Policy {
    /// `-q`: only what fails the run.
    pub quiet: bool,
    /// `--deny-warnings`: warnings fail the run too.
    pub deny_warnings: bool,
    /// `--ignore`: warnings neither shown nor counted (only warnings get in).
    pub ignore: RuleSet,
}

impl Policy {
    /// Whether a finding of this severity fails the run.
    pub fn fails(&self, severity: Severity) -> bool {
        severity == Severity::Error || self.deny_warnings
    }

    /// Whether the report shows the finding: under `-q`, only those that fail the run, so a run
    /// that fails always says why.
    pub fn shows(&self, diagnostic: &Diagnostic) -> bool {
        !self.quiet || self.fails(diagnostic.severity())
    }
}

/// What a run reads, as its summary line names it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Reading {
    /// `lint`'s.
    #[default]
    Profiles,
    /// `audit`'s pages and scripts.
    Files,
}

/// Counts over a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    /// Profiles read and checked.
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Fixes `lint --fix` applied; `errors` and `warnings` are what remains.
    pub fixed: usize,
    /// Paths that could not be read (also counted in `errors`).
    #[serde(skip)]
    pub unreadable: usize,
    #[serde(skip)]
    pub reading: Reading,
}

impl Summary {
    /// Counts one file's findings (all of them, whatever the report shows).
    pub fn add<'a>(&mut self, diagnostics: impl IntoIterator<Item = &'a Diagnostic>) {
        let mut unreadable = 0;
        for diagnostic in diagnostics {
            unreadable += usize::from(std::ptr::eq(diagnostic.rule, &rule::UNREADABLE));
            match diagnostic.severity() {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
        }
        self.unreadable += unreadable;
        self.files += usize::from(unreadable == 0);
    }

    /// The run in one line: `checked 3 profiles: 1 error, 2 warnings`, with fixes and why warnings
    /// fail the run.
    pub fn line(&self, policy: &Policy) -> String {
        let why = match self.errors == 0 && self.warnings > 0 && policy.deny_warnings {
            true => " (--deny-warnings: warnings fail the run)",
            false => "",
        };
        let findings = format!("{}, {}", count(self.errors, "error"), count(self.warnings, "warning"));
        let noun = match self.reading {
            Reading::Profiles => "profile",
            Reading::Files => "file",
        };
        let profiles = count(self.files, noun);
        match self.fixed {
            0 => format!("checked {profiles}: {findings}{why}"),
            fixed => format!(
                "checked {profiles}: fixed {fixed}, {} remaining ({findings}){why}",
                self.errors + self.warnings
            ),
        }
    }

    pub fn status(&self, policy: &Policy) -> Status {
        if self.unreadable > 0 {
            Status::Trouble
        } else if self.errors > 0 || (policy.fails(Severity::Warning) && self.warnings > 0) {
            Status::Findings
        } else {
            Status::Success
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: &'static crate::diagnostics::Rule) -> Diagnostic {
        Diagnostic::new(rule, 0..0, "m", "h")
    }

    #[test]
    fn quiet_shows_what_fails_the_run() {
        let warning = finding(&rule::EMAIL_DOTLESS);
        let error = finding(&rule::LICENSE);
        let quiet = Policy { quiet: true, ..Policy::default() };
        assert!(quiet.shows(&error) && !quiet.shows(&warning));
        let strict = Policy { quiet: true, deny_warnings: true, ..Policy::default() };
        assert!(strict.shows(&warning), "a warning that fails the run is shown even under -q");
        assert!(Policy::default().shows(&warning));
    }

    #[test]
    fn status() {
        let mut summary = Summary::default();
        summary.add(&[finding(&rule::EMAIL_DOTLESS)]);
        assert_eq!(summary.status(&Policy::default()), Status::Success);
        assert_eq!(summary.status(&Policy { deny_warnings: true, ..Policy::default() }), Status::Findings);
        summary.add(&[finding(&rule::LICENSE)]);
        assert_eq!(summary.status(&Policy::default()), Status::Findings);
        summary.add(&[finding(&rule::UNREADABLE)]);
        assert_eq!(summary.status(&Policy::default()), Status::Trouble);
        assert_eq!((summary.files, summary.errors, summary.warnings, summary.unreadable), (2, 2, 1, 1));
    }
}
