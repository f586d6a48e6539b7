//! `ssq-gen csp`: the `script-src` sources the block needs.

use super::{accept, render_accepted};
use crate::cli::CspArgs;
use crate::ui::{Ui, print};
use ssq_gen::report::Status;

pub fn run(args: &CspArgs, ui: &Ui) -> Status {
    if args.trusted_types {
        // A profile named: its `trusted_types_default` adds `default`. None: the block's own policy,
        // which every profile needs.
        if args.profile.profile.is_none() {
            return print(&format!("{}\n", ssq_gen::snippet::csp::trusted_types_directive(None)));
        }
        let result = accept(&args.profile, "csp", ui).map(|accepted| {
            print(&format!("{}\n", ssq_gen::snippet::csp::trusted_types_directive(Some(&accepted.profile))))
        });
        return result.unwrap_or_else(|status| status);
    }
    let result = accept(&args.profile, "csp", ui).and_then(|accepted| {
        let snippet = render_accepted(&accepted, None, args.logout, args.format.unwrap_or_default(), ui)?;
        Ok(print(&format!("{}\n", ssq_gen::snippet::csp::sources(&accepted.profile, &snippet))))
    });
    result.unwrap_or_else(|status| status)
}
