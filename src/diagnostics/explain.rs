//! What `ssq-gen rules CODE` says of a rule beyond its summary: why it exists, how to fix a finding,
//! and a profile that fails and the same profile fixed. The text is `explanations.md`, one section
//! per rule, which GitHub renders for people and this module reads for the command. The examples
//! are files in `examples/`, the one set of rule examples the tests run (each failing one beside its
//! `.expected` finding, each fixed one as `NAME.fixed.toml`); the section links to them, and the
//! build embeds them (`build.rs`).

use super::{Rule, Severity, registry::RULES};

const TEXT: &str = include_str!("explanations.md");

/// `(file name, text)` of every example `explanations.md` links to.
const EXAMPLES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/rule_examples.rs"));

/// One rule's section of `explanations.md`.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Explanation {
    #[serde(skip)]
    pub rule: &'static Rule,
    /// The section with its examples written out, for `--format markdown` and SARIF.
    #[serde(skip)]
    pub markdown: String,
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
    /// Its name in `src/diagnostics/examples/`.
    pub file: &'static str,
    /// `toml` or `json`.
    pub format: &'static str,
    pub text: &'static str,
}

impl Example {
    /// The example a section's `Fails:` or `Passes:` line links to: `[`NAME`](examples/NAME)`.
    fn linked(line: &str) -> Example {
        let name = line.split_once("](examples/").and_then(|(_, rest)| rest.split_once(')')).map(|(name, _)| name);
        let name = name.unwrap_or_else(|| panic!("explanations.md: `{line}` links to no example"));
        let &(file, text) = EXAMPLES.iter().find(|(file, _)| *file == name).expect("build.rs embeds every link");
        Example { file, format: file.rsplit('.').next().expect("a name has an extension"), text }
    }

    /// The example as a fenced block, as a section shows it outside GitHub.
    fn fenced(&self) -> String {
        format!("```{}\n{}```", self.format, self.text)
    }
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
        let mut explanation = Explanation {
            rule,
            markdown: section.trim_end().to_string(),
            why: String::new(),
            fix: String::new(),
            fails: None,
            passes: None,
            example: None,
        };
        let mut rest = body;
        while let Some((label, after)) = rest.split_once(':') {
            let (value, next) = paragraph(after);
            match label.trim() {
                "Why" => explanation.why = unwrap(value),
                "Fix" => explanation.fix = unwrap(value),
                "Example" => explanation.example = Some(unwrap(value)),
                "Fails" => explanation.fails = Some(Example::linked(value)),
                "Passes" => explanation.passes = Some(Example::linked(value)),
                other => panic!("explanations.md, {code}: unknown label `{other}`"),
            }
            rest = next;
        }
        for (label, example) in [("Fails:", &explanation.fails), ("Passes:", &explanation.passes)] {
            if let Some(example) = example {
                let line = explanation.markdown.lines().find(|line| line.starts_with(label)).expect("its line");
                explanation.markdown = explanation.markdown.replace(line, &format!("{label}\n{}", example.fenced()));
            }
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

    #[test]
    fn every_rule_is_explained_once_in_code_order() {
        let codes: Vec<_> = sections().map(|s| s.rule.code).collect();
        let registered: Vec<_> = RULES.iter().map(|r| r.code).collect();
        assert_eq!(codes, registered);
        for section in sections() {
            assert!(!section.why.is_empty() && !section.fix.is_empty(), "{}", section.rule.code);
        }
    }

    /// Each example pair is a rule example and its `.fixed` twin; the tests run both (the failing one
    /// must give its `.expected` finding, the fixed one no error and not that finding:
    /// tests/cli/rules_table.rs).
    #[test]
    fn a_section_links_an_example_and_its_fixed_twin_or_describes_one() {
        for section in sections() {
            let code = section.rule.code;
            match (&section.fails, &section.passes, &section.example) {
                (Some(fails), Some(passes), None) => {
                    assert!(fails.file.starts_with(&format!("{code}-")), "{code}: {}", fails.file);
                    let (stem, format) = fails.file.rsplit_once('.').unwrap();
                    assert_eq!(passes.file, format!("{stem}.fixed.{format}"), "{code}");
                }
                (None, None, Some(_)) => {}
                _ => panic!("{code}: link a failing and a fixed example, or describe one"),
            }
        }
    }

    /// The markdown shows the examples as fenced blocks, as GitHub shows the linked files.
    #[test]
    fn the_markdown_writes_the_examples_out() {
        let explained = explain(&crate::diagnostics::registry::SCRIPT_URL_SHAPE);
        let fails = explained.fails.as_ref().unwrap();
        assert!(explained.markdown.contains(&format!("Fails:\n```toml\n{}```\nPasses:\n```toml\n", fails.text)));
        assert!(!explained.markdown.contains("](examples/"), "{}", explained.markdown);
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
