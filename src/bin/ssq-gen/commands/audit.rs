//! `ssq-gen audit`: the pages and scripts the paths name or hold, each read for hand-written
//! SaleSmartly installs ([`ssq_gen::audit`]), reported as `lint` reports profiles.

use crate::cli::AuditArgs;
use crate::ui::{Ui, output_failed};
use ssq_gen::lint;
use ssq_gen::report::{self, Policy, Reporter, Status};

pub fn run(args: &AuditArgs, ui: &Ui) -> Status {
    let policy =
        Policy { quiet: ui.quiet, deny_warnings: args.deny_warnings, ignore: args.ignore.iter().copied().collect() };
    let options = lint::Options {
        globs: args.walk.glob.clone(),
        defaults: ssq_gen::audit::DEFAULT_GLOBS,
        follow_links: args.walk.follow,
        hidden: args.walk.hidden,
        ignore: policy.ignore,
        ..lint::Options::default()
    };
    let mut emitter = super::emitter(args.walk.format, ui);
    let nothing = |paths: &[std::path::PathBuf], _: &lint::Discovered| {
        let paths: Vec<_> = paths.iter().map(|p| p.display().to_string()).collect();
        let looked_for = match args.walk.glob.is_empty() {
            true => ssq_gen::audit::DEFAULT_GLOBS.join(", "),
            false => args.walk.glob.join(", "),
        };
        format!(
            "no page or script found in {} (looked for {looked_for}): check the paths and --glob, or pass --allow-empty",
            paths.join(", ")
        )
    };
    let inputs = match super::discover(&args.walk, &options, &mut *emitter, ui, nothing) {
        Ok(inputs) => inputs,
        Err(status) => return status,
    };
    let mut reporter = Reporter::new(emitter, policy).reading(report::Reading::Files);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = lint::run_with(inputs, None, ssq_gen::audit::audit, |checked| reporter.file(&mut out, &checked))
        .and_then(|()| reporter.finish(&mut out));
    written.unwrap_or_else(|err| output_failed(&err))
}
