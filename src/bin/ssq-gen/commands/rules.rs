//! `ssq-gen rules [CODE]`: the rule table, or one rule explained.

use crate::cli::RulesFormat;
use ssq_gen::diagnostics::Rule;
use ssq_gen::diagnostics::explain::{explain, sections};
use ssq_gen::report::rules_table;

pub fn text(code: Option<&'static Rule>, format: RulesFormat) -> String {
    match (code.map(explain), format) {
        (Some(rule), RulesFormat::Text) => rule.plain(),
        (Some(rule), RulesFormat::Markdown) => format!("{}\n", rule.markdown),
        (Some(rule), RulesFormat::Json) => format!("{:#}\n", rule.to_json()),
        (None, RulesFormat::Text) => rules_table::plain(),
        (None, RulesFormat::Markdown) => rules_table::markdown(),
        (None, RulesFormat::Json) => {
            format!("{:#}\n", serde_json::Value::from_iter(sections().map(|rule| rule.to_json())))
        }
    }
}
