//! Integration tests: one binary (faster to build), driving the real `ssq-gen` executable where the
//! executable is what is tested, and the library where it is not. `harness = false`: see
//! [`harness`].

#[macro_use]
mod harness;
mod support;
mod tools;

mod action;
mod bad_input;
pub mod browser;
mod docs;
mod ergonomics;
mod exit_status;
mod hardening;
mod lint;
mod login_data;
mod page_wiring;
mod phone_agreement;
mod rules_table;
mod selector_agreement;
mod snapshots;
mod snippet_js;
mod snippet_lint;

fn main() -> std::process::ExitCode {
    let args = libtest_mimic::Arguments::from_args();
    let suites = [
        tools::TESTS,
        action::TESTS,
        bad_input::TESTS,
        browser::TESTS,
        docs::TESTS,
        ergonomics::TESTS,
        exit_status::TESTS,
        hardening::TESTS,
        lint::TESTS,
        login_data::TESTS,
        page_wiring::TESTS,
        phone_agreement::TESTS,
        rules_table::TESTS,
        selector_agreement::TESTS,
        snapshots::TESTS,
        snippet_js::TESTS,
        snippet_lint::TESTS,
    ];
    let trials = suites.iter().flat_map(|tests| tests.iter()).map(harness::Test::trial).collect();
    let conclusion = libtest_mimic::run(&args, trials);
    // The browser suite's one HTTPS server, shared by its tests, ends with them.
    browser::shutdown();
    conclusion.exit_code()
}
