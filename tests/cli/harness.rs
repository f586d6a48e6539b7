//! The test runner (libtest-mimic, `harness = false`): each module lists its tests with the
//! programs they need ([`tests!`]), and a trial whose programs are missing is ignored with the
//! reason, or fails under CI ([`crate::tools`]). A test function left out of its module's list is
//! dead code, which the lints refuse.

use libtest_mimic::{Failed, Trial};
use std::sync::LazyLock;
use std::time::Instant;

/// When the trials were made, just before they run.
static RUN_START: LazyLock<Instant> = LazyLock::new(Instant::now);

pub struct Test {
    pub module: &'static str,
    pub name: &'static str,
    pub run: fn(),
    /// Names from `.ci/tools`.
    pub needs: &'static [&'static str],
}

/// `tests! { plain_test, browser_test ["chromium", "python3"] }`: the module's `TESTS`.
macro_rules! tests {
    ($($name:ident $([$($tool:literal),* $(,)?])?),* $(,)?) => {
        pub const TESTS: &[crate::harness::Test] = &[$(crate::harness::Test {
            module: module_path!(),
            name: stringify!($name),
            run: $name,
            needs: &[$($($tool),*)?],
        }),*];
    };
}

impl Test {
    pub fn trial(&'static self) -> Trial {
        LazyLock::force(&RUN_START);
        let module = self.module.strip_prefix("cli::").unwrap_or(self.module);
        let name = format!("{module}::{}", self.name);
        let missing = crate::tools::missing(self.needs);
        if missing.is_empty() {
            let run = self.run;
            return Trial::test(name.clone(), move || {
                let start = Instant::now();
                run();
                // `SSQ_TEST_TIMES=1 cargo test` shows where the suite's time goes, and when (what
                // ran beside what).
                if std::env::var_os("SSQ_TEST_TIMES").is_some() {
                    let since = start.duration_since(*RUN_START).as_secs_f64();
                    eprintln!("time {:8.2} s  {name}  (from {since:.1} s)", start.elapsed().as_secs_f64());
                }
                Ok(())
            });
        }
        let missing = missing.join(", ");
        if std::env::var_os("CI").is_some() {
            return Trial::test(name, move || {
                Err(Failed::from(format!("CI must run every suite; missing: {missing} (.ci/run installs them)")))
            });
        }
        Trial::test(name, || Ok(())).with_ignored_flag(true).with_kind(format!("needs {missing}; .ci/run installs it"))
    }
}
