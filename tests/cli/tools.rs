//! The programs the suites drive, found when the tests run, not when they are built: the list is
//! `.ci/tools`, which `.ci/run` also reads to install them. A trial whose programs are missing is
//! reported as ignored, with what it needs; under CI (`CI` set, as `.ci/run` has it) it fails
//! instead, since no suite may be skipped there.

use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::sync::OnceLock;

const LIST: &str = include_str!("../../.ci/tools");

pub struct Tool {
    pub name: &'static str,
    /// How `.ci/run` installs it: `apt:PKG`, `pip:SPEC` or `npm`.
    pub install: &'static str,
    /// A shell command that succeeds when the tool is there.
    probe: &'static str,
}

pub fn all() -> Vec<Tool> {
    LIST.lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut columns = line.splitn(3, '\t');
            let mut column =
                || columns.next().unwrap_or_else(|| panic!(".ci/tools: three tab-separated columns: {line}"));
            Tool { name: column(), install: column(), probe: column() }
        })
        .collect()
}

/// Whether each tool is there, probed once, all at the same time (a probe may start Python).
fn found() -> &'static HashMap<&'static str, bool> {
    static FOUND: OnceLock<HashMap<&'static str, bool>> = OnceLock::new();
    FOUND.get_or_init(|| {
        let probes: Vec<_> = all()
            .into_iter()
            .map(|tool| {
                let child = Command::new("sh")
                    .arg("-c")
                    .arg(tool.probe)
                    .current_dir(env!("CARGO_MANIFEST_DIR"))
                    .stdin(Stdio::null())
                    .stdout(Stdio::null())
                    .stderr(Stdio::null())
                    .spawn();
                (tool.name, child)
            })
            .collect();
        probes
            .into_iter()
            .map(|(name, child)| (name, child.and_then(|mut child| child.wait()).is_ok_and(|status| status.success())))
            .collect()
    })
}

/// The tools of `needs` that are missing here; panics on a name `.ci/tools` does not list.
pub fn missing(needs: &[&'static str]) -> Vec<&'static str> {
    let found = found();
    needs
        .iter()
        .copied()
        .filter(|name| !*found.get(name).unwrap_or_else(|| panic!("`{name}` is not in .ci/tools")))
        .collect()
}

fn every_tool_is_listed_once_with_an_install_step() {
    let tools = all();
    let mut names: Vec<_> = tools.iter().map(|tool| tool.name).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), tools.len(), "a tool listed twice in .ci/tools");
    for tool in &tools {
        let known = tool.install == "npm" || tool.install.starts_with("apt:") || tool.install.starts_with("pip:");
        assert!(known, "{}: install with apt:PKG, pip:SPEC or npm, not {}", tool.name, tool.install);
    }
}

/// Under CI every tool must be there, whether or not a trial that needs it was selected.
fn ci_has_every_tool() {
    if std::env::var_os("CI").is_some() {
        let names: Vec<_> = all().iter().map(|tool| tool.name).collect();
        let missing = missing(&names);
        assert!(missing.is_empty(), "CI must run every suite; missing: {missing:?} (.ci/run installs them)");
    }
}

tests! {
    every_tool_is_listed_once_with_an_install_step,
    ci_has_every_tool,
}
