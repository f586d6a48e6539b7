//! `snippet`'s verdict on one profile: its findings written for a person, and the profile when it
//! passed. `snippet`, `csp` and `preview` all judge a profile this way.

use super::{Policy, Reporter, Status, count, human::Human};
use crate::input::source::Source;
use crate::profile::ValidProfile;
use std::io::Write;

/// A profile that passed every rule (and warnings, under `--deny-warnings`), with what the
/// snippet's header says about where it came from.
#[derive(Debug)]
pub struct Accepted {
    pub profile: ValidProfile,
    /// The name findings use (`profile.ssq.toml`, `<stdin>`).
    pub name: String,
    /// The name the block's header shows.
    pub display_name: String,
    pub warnings: usize,
}

/// Checks `source`, writing its findings to `out`, and, when it fails, why nothing was written:
/// the profile when it passes, [`Status::Findings`] when it does not. Writing to `out` is best
/// effort: the verdict stands either way.
pub fn judge(
    source: Source,
    display_name: String,
    policy: Policy,
    color: bool,
    out: &mut dyn Write,
) -> Result<Accepted, Status> {
    let checked = crate::check(source);
    let mut reporter = Reporter::new(Box::new(Human::new(color, false)), policy);
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
