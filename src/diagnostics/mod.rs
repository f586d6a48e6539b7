//! Findings, and the rules they come from. Every stage (reading, parsing, the rules, `lint`'s
//! discovery) reports through one [`Diagnostic`] type that carries its [`Rule`].

pub mod explain;
pub mod fix;
pub mod registry;

use crate::input::source::Span;
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule's identity. Codes are stable: CI configurations and suppressions name them. Rules are
/// declared in [`registry`], the only place that can make one.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    /// Short kebab-case name, for people.
    pub name: &'static str,
    pub severity: Severity,
    /// One sentence: what the rule checks.
    pub summary: &'static str,
}

/// The project's home, and the README where every rule is explained.
pub const HOME: &str = "https://github.com/ssq-gen/ssq-gen";

impl Rule {
    /// Whether `audit` reports it, about a site's pages (the 500s), rather than a profile's rule.
    pub fn is_audit(&self) -> bool {
        self.code.starts_with("SSQ5")
    }

    /// The rule's row in the README's rule table (its anchor is the code in lower case).
    pub fn help_uri(&self) -> String {
        format!("{HOME}/blob/main/README.md#{}", self.code.to_ascii_lowercase())
    }
}

/// One finding in one profile.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    /// What is wrong, where: the key or value, as a byte range of the source.
    pub span: Span,
    /// Dotted field path, e.g. `login.phone`; empty for the whole file.
    pub field: String,
    pub message: String,
    /// What to do about it.
    pub help: String,
    /// The edits that resolve it, when they are certain enough to offer.
    /// (Boxed: most findings have none, and findings travel in `Result`s.)
    pub fix: Option<Box<crate::diagnostics::fix::Fix>>,
}

impl Diagnostic {
    /// A finding of `rule` about the whole file; name the field with [`Diagnostic::on`].
    pub fn new(rule: &'static Rule, span: Span, message: impl Into<String>, help: impl Into<String>) -> Diagnostic {
        Diagnostic { rule, span, field: String::new(), message: message.into(), help: help.into(), fix: None }
    }

    /// The same finding, about `field` (`login.phone`, `login.label_names[1]`).
    pub fn on(mut self, field: impl Into<String>) -> Diagnostic {
        self.field = field.into();
        self
    }

    /// The same finding, with the fix that resolves it.
    pub fn with_fix(mut self, fix: Option<crate::diagnostics::fix::Fix>) -> Diagnostic {
        self.fix = fix.map(Box::new);
        self
    }

    pub fn severity(&self) -> Severity {
        self.rule.severity
    }
}

/// The rule whose code is `code` (`SSQ204`).
pub fn rule(code: &str) -> Option<&'static Rule> {
    registry::RULES.iter().copied().find(|rule| rule.code == code)
}

/// The rule `text` names, as people write it: its code in any case (`SSQ104`, `ssq104`), its
/// number (`104`), or its name (`script-url-shape`).
pub fn rule_named(text: &str) -> Option<&'static Rule> {
    let text = text.trim();
    let upper = text.to_ascii_uppercase();
    let code = match !upper.is_empty() && upper.chars().all(|c| c.is_ascii_digit()) {
        true => format!("SSQ{upper:0>3}"),
        false => upper,
    };
    registry::RULES.iter().copied().find(|rule| rule.code == code || rule.name.eq_ignore_ascii_case(text))
}

/// Why `text` names no rule, with the closest of the rules `offered` (what the place accepts).
fn no_such_rule(text: &str, offered: impl Fn(&Rule) -> bool) -> String {
    // The slips a code invites: a letter O for a zero, an I or l for a one, a dash or a space.
    let mut typed = text.trim().to_ascii_uppercase().replace([' ', '_'], "");
    if let Some(number) = typed.strip_prefix("SSQ") {
        typed = format!("SSQ{}", number.replace('-', "").replace('O', "0").replace(['I', 'L'], "1"));
    }
    // The slip names a rule this place does not take (an error, for `--ignore`): say so.
    if let Some(rule) = registry::RULES.iter().find(|rule| rule.code == typed && !offered(rule)) {
        return format!(
            "not a rule ssq-gen has; {} ({}) is close, but it is an error, and errors cannot be ignored",
            rule.code, rule.name
        );
    }
    let offered: Vec<&Rule> = registry::RULES.iter().copied().filter(|rule| offered(rule)).collect();
    let exact = offered.iter().find(|rule| rule.code == typed).map(|rule| rule.code);
    let close = || {
        let by_code = crate::suggest::did_you_mean(&typed, offered.iter().map(|rule| rule.code));
        by_code.or_else(|| {
            crate::suggest::did_you_mean(&text.trim().to_ascii_lowercase(), offered.iter().map(|rule| rule.name))
        })
    };
    let known = "`ssq-gen rules` lists them";
    match exact.or_else(close) {
        Some(best) => format!("not a rule ssq-gen has: did you mean `{best}`? ({known})"),
        None => format!("not a rule ssq-gen has ({known})"),
    }
}

/// The rule `text` names (see [`rule_named`]), or why none.
pub fn named(text: &str) -> Result<&'static Rule, String> {
    rule_named(text).ok_or_else(|| no_such_rule(text, |_| true))
}

/// The rule `--ignore CODE` and `[lint] ignore` may name: a warning. An error cannot be ignored,
/// since a profile with an error never gives a block; the reason says so. A did-you-mean offers
/// warnings only.
pub fn ignorable(text: &str) -> Result<&'static Rule, String> {
    match rule_named(text) {
        Some(rule) if rule.severity == Severity::Warning => Ok(rule),
        Some(rule) => Err(format!(
            "{} ({}) is an error, and errors cannot be ignored: a profile with an error never gives a block. Fix the profile instead (`ssq-gen rules {}` explains how)",
            rule.code, rule.name, rule.code
        )),
        None => Err(no_such_rule(text, |rule| rule.severity == Severity::Warning)),
    }
}

/// The codes of the rules that can be ignored, in code order: the warnings.
pub fn ignorable_codes() -> impl Iterator<Item = &'static str> {
    registry::RULES.iter().filter(|rule| rule.severity == Severity::Warning).map(|rule| rule.code)
}

/// A set of rules, by their place in [`registry::RULES`]: small and `Copy`, for a policy.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RuleSet(u128);

const _: () = assert!(registry::RULES.len() <= 128, "RuleSet holds at most 128 rules");

impl RuleSet {
    fn bit(rule: &Rule) -> u128 {
        let place = registry::RULES.iter().position(|r| std::ptr::eq(*r, rule)).expect("every rule is registered");
        1 << place
    }

    pub fn insert(&mut self, rule: &Rule) {
        self.0 |= Self::bit(rule);
    }

    pub fn contains(&self, rule: &Rule) -> bool {
        self.0 & Self::bit(rule) != 0
    }
}

impl FromIterator<&'static Rule> for RuleSet {
    fn from_iter<I: IntoIterator<Item = &'static Rule>>(rules: I) -> RuleSet {
        let mut set = RuleSet::default();
        rules.into_iter().for_each(|rule| set.insert(rule));
        set
    }
}
