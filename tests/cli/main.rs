//! Integration tests: one binary (faster to build), driving the real `ssq-gen` executable.

mod support;

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
