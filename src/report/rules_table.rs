//! The rule list, from the registry: `ssq-gen rules`, and the README's table.

use crate::diagnostics::registry::RULES;

/// The rule list as the README shows it; each row is the anchor of its rule's `help_uri`.
pub fn markdown() -> String {
    let mut out = String::from("| code | name | severity | what it checks |\n|---|---|---|---|\n");
    for rule in RULES {
        let anchor = rule.code.to_ascii_lowercase();
        out.push_str(&format!(
            "| <a id=\"{anchor}\"></a>`{}` | `{}` | {} | {} |\n",
            rule.code, rule.name, rule.severity, rule.summary
        ));
    }
    out
}

/// The rule list for a terminal.
pub fn plain() -> String {
    RULES
        .iter()
        .map(|rule| format!("{}  {:<7}  {:<22}  {}\n", rule.code, rule.severity.as_str(), rule.name, rule.summary))
        .collect()
}
