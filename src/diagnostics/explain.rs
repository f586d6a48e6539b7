//! What `ssq-gen rules CODE` says of a rule beyond its summary: why it exists, how to fix a finding,
//! and a profile that fails and the same profile fixed. The text is `explanations.md`, one section
//! per rule, which GitHub renders for people and this module reads for the command; the tests run
//! every example.

use super::{Rule, Severity, registry::RULES};

const TEXT: &str = include_str!("explanations.md");

/// One rule's section of `explanations.md`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Explanation {
    #[serde(skip)]
    pub rule: &'static Rule,
    /// The section as written, for `--format markdown`.
    #[serde(skip)]
    pub markdown: &'static str,
    /// Paragraphs, each on one line.
    pub why: String,
    pub fix: String,
    /// A profile that gives the finding, and the same profile fixed.
    pub fails: Option<Example>,
    pub passes: Option<Example>,
    /// For the rules no profile text can show (an unreadable path, a huge file): a description.
    pub example: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Example {
    /// `toml` or `json`.
    pub format: &'static str,
    pub text: &'static str,
}

/// The rule's explanation; every registered rule has one (a test makes sure).
pub fn explain(rule: &'static Rule) -> Explanation {
    sections().find(|section| section.rule == rule).unwrap_or_else(|| panic!("explanations.md explains {}", rule.code))
}

/// Every section of `explanations.md`, in its order.
pub fn sections() -> impl Iterator<Item = Explanation> {
    TEXT.split("\n## ").skip(1).map(|section| {
        let (code, body) = section.split_once('\n').expect("a section has a heading line");
        let rule = RULES.iter().copied().find(|rule| rule.code == code.trim()).expect("a section names a rule");
        let markdown = section.trim_end();
        let mut explanation = Explanation {
            rule,
            markdown,
            why: String::new(),
            fix: String::new(),
            fails: None,
            passes: None,
            example: None,
        };
        let mut rest = body;
        while let Some((label, after)) = rest.split_once(':') {
            let (value, next) = match label.trim() {
                "Fails" | "Passes" => {
                    let block = after.trim_start().strip_prefix("```").expect("an example is a fenced block");
                    let (format, block) = block.split_once('\n').expect("a fence names its format");
                    let (text, next) = block.split_once("```").expect("the fence is closed");
                    let example = Example { format, text };
                    match label.trim() {
                        "Fails" => explanation.fails = Some(example),
                        _ => explanation.passes = Some(example),
                    }
                    rest = next;
                    continue;
                }
                _ => {
                    let (value, next) = paragraph(after);
                    (unwrap(value), next)
                }
            };
            match label.trim() {
                "Why" => explanation.why = value,
                "Fix" => explanation.fix = value,
                "Example" => explanation.example = Some(value),
                other => panic!("explanations.md, {code}: unknown label `{other}`"),
            }
            rest = next;
        }
        explanation
    })
}

/// The text up to the next labelled line, trimmed; and what follows.
fn paragraph(text: &'static str) -> (&'static str, &'static str) {
    let labels = ["\nFix:", "\nFails:", "\nPasses:", "\nExample:"];
    let end = labels.iter().filter_map(|label| text.find(label)).min().unwrap_or(text.len());
    (text[..end].trim(), &text[end..])
}

impl Explanation {
    /// Whether `--ignore` and `[lint] ignore` accept the rule, and what to write.
    pub fn ignoring(&self) -> String {
        match self.rule.severity {
            Severity::Warning if self.rule.is_audit() => format!("yes: `ssq-gen audit --ignore {}`", self.rule.code),
            Severity::Error if self.rule.is_audit() => {
                "no: it is an error, which breaks the chat or opens a hole".to_string()
            }
            Severity::Warning => format!(
                "yes: `--ignore {code}`, or `[lint] ignore = [\"{code}\"]` in the profile",
                code = self.rule.code
            ),
            Severity::Error => "no: it is an error, and a profile with an error never gives a block".to_string(),
        }
    }

    /// The explanation for a terminal, as `ssq-gen rules CODE` prints it.
    pub fn plain(&self) -> String {
        let rule = self.rule;
        let mut out = format!("{} {} ({})\n\n{}\n\n", rule.code, rule.name, rule.severity, unwrap(rule.summary));
        out.push_str(&format!("Why: {}\n\n", self.why));
        out.push_str(&format!("How to fix it: {}\n\n", self.fix));
        for (label, example) in [("Fails", &self.fails), ("Passes", &self.passes)] {
            if let Some(example) = example {
                out.push_str(&format!("{label} ({}):\n", example.format));
                example.text.lines().for_each(|line| out.push_str(&format!("    {line}\n")));
                out.push('\n');
            }
        }
        if let Some(example) = &self.example {
            out.push_str(&format!("For example: {example}\n\n"));
        }
        out.push_str(&format!("Can it be ignored? {}\n", self.ignoring()));
        out.push_str(&format!("More: {}\n", rule.help_uri()));
        out
    }

    /// The rule and its explanation, for `ssq-gen rules --format json`.
    pub fn to_json(&self) -> serde_json::Value {
        let rule = self.rule;
        let mut value = serde_json::json!({
            "code": rule.code,
            "name": rule.name,
            "severity": rule.severity,
            "summary": rule.summary,
            "ignorable": rule.severity == Severity::Warning,
            "url": rule.help_uri(),
        });
        let explained = serde_json::to_value(self).expect("an explanation is plain data");
        value.as_object_mut().expect("an object").extend(explained.as_object().expect("an object").clone());
        value
    }
}

/// A paragraph wrapped in the source as one line.
fn unwrap(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::source::{Format, Source};

    fn check(example: &Example) -> Vec<&'static str> {
        let format = if example.format == "json" { Format::Json } else { Format::Toml };
        let source = Source::from_bytes("example".into(), example.text.as_bytes().to_vec(), Some(format));
        crate::check(source).diagnostics.iter().map(|d| d.rule.code).collect()
    }

    #[test]
    fn every_rule_is_explained_once_in_code_order() {
        let codes: Vec<_> = sections().map(|s| s.rule.code).collect();
        let registered: Vec<_> = RULES.iter().map(|r| r.code).collect();
        assert_eq!(codes, registered);
        for section in sections() {
            assert!(!section.why.is_empty() && !section.fix.is_empty(), "{}", section.rule.code);
        }
    }

    /// The failing example gives the finding; the passing one gives no error, and not that finding.
    #[test]
    fn examples_fail_and_pass_as_they_say() {
        for section in sections() {
            let code = section.rule.code;
            match (&section.fails, &section.passes, &section.example) {
                (Some(fails), Some(passes), None) => {
                    assert!(check(fails).contains(&code), "{code}'s failing example gives {:?}", check(fails));
                    let passing = check(passes);
                    let errors: Vec<_> =
                        passing.iter().filter(|c| super::super::rule(c).unwrap().severity == Severity::Error).collect();
                    assert!(
                        !passing.contains(&code) && errors.is_empty(),
                        "{code}'s passing example gives {passing:?}"
                    );
                }
                (None, None, Some(_)) => {}
                _ => panic!("{code}: give a failing and a passing example, or a described one"),
            }
        }
    }

    #[test]
    fn the_terminal_text_says_whether_a_rule_can_be_ignored() {
        let text = explain(&crate::diagnostics::registry::SCRIPT_URL_SHAPE).plain();
        assert!(text.starts_with("SSQ104 script-url-shape (warning)\n"), "{text}");
        assert!(text.contains("Can it be ignored? yes: `--ignore SSQ104`"), "{text}");
        assert!(text.contains("Fails (toml):\n    [loader]\n"), "{text}");
        let text = explain(&crate::diagnostics::registry::PHONE).plain();
        assert!(text.contains("Can it be ignored? no:"), "{text}");
    }
}
