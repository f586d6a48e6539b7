//! The starter profiles `ssq-gen init` writes: every key explained, valid as written.

use super::{STARTER_TEMPLATE, environment};
use minijinja::Error;
use minijinja::value::{Serde, Value};

/// A commented TOML starter profile that explains every key and validates as written.
pub fn toml(file_name: &str) -> Result<String, Error> {
    use crate::profile::schema::{Example, SECTIONS};
    let sections: Vec<_> = SECTIONS
        .iter()
        .map(|section| {
            let keys: Vec<_> = section
                .keys
                .iter()
                .map(|key| {
                    serde_json::json!({
                        "name": key.name,
                        "doc": key.doc,
                        "example": key.example.to_json(),
                        "in_starter": key.in_starter,
                        // Values a site must replace, as opposed to settings that are fine as they are.
                        "placeholder": matches!(key.example, Example::Placeholder(_)),
                    })
                })
                .collect();
            let active = section.keys.iter().any(|key| key.in_starter);
            serde_json::json!({"name": section.name, "doc": section.doc, "keys": keys, "active": active})
        })
        .collect();
    let context = serde_json::json!({"file": file_name, "sections": sections});
    environment().get_template(STARTER_TEMPLATE)?.render(Value::from(Serde(context)))
}

/// `value` written as TOML: a JSON string, number, boolean or array is also TOML; a table is
/// written inline, `{ "10001" = "gold" }`.
pub(crate) fn toml_value(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Object(map) => {
            let entries: Vec<_> = map
                .iter()
                .map(|(key, value)| format!("{} = {}", serde_json::Value::from(key.as_str()), toml_value(value)))
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
        serde_json::Value::Array(items) => {
            format!("[{}]", items.iter().map(toml_value).collect::<Vec<_>>().join(", "))
        }
        other => other.to_string(),
    }
}

/// The JSON starter profile: the same keys as [`toml`] writes active. JSON has no comments;
/// the schema (`ssq-gen schema`) carries the explanations.
pub fn json() -> String {
    use crate::profile::schema::{SCHEMA_KEY, SECTIONS};
    let mut profile = serde_json::Map::new();
    profile.insert(SCHEMA_KEY.into(), "./ssq-gen.schema.json".into());
    for section in SECTIONS.iter().filter(|section| section.keys.iter().any(|key| key.in_starter)) {
        let keys: serde_json::Map<_, _> = section
            .keys
            .iter()
            .filter(|key| key.in_starter)
            .map(|key| (key.name.to_string(), key.example.to_json()))
            .collect();
        profile.insert(section.name.to_string(), keys.into());
    }
    let mut text = serde_json::to_string_pretty(&profile).expect("a JSON object serializes");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::schema::SECTIONS;

    fn json(value: &toml::de::DeValue<'_>) -> serde_json::Value {
        use toml::de::DeValue;
        match value {
            DeValue::String(s) => s.as_ref().into(),
            DeValue::Integer(i) => i.as_str().parse::<i64>().unwrap().into(),
            DeValue::Boolean(b) => (*b).into(),
            DeValue::Array(items) => items.iter().map(|item| json(item.get_ref())).collect(),
            DeValue::Table(table) => table.iter().map(|(k, v)| (k.get_ref().to_string(), json(v.get_ref()))).collect(),
            other => panic!("no example is {other:?}"),
        }
    }

    #[test]
    fn every_example_is_a_toml_value_of_its_json() {
        for key in SECTIONS.iter().flat_map(|section| section.keys.iter()) {
            let example = key.example.to_json();
            let line = format!("{} = {}", key.name, toml_value(&example));
            let table = toml::de::DeTable::parse(&line).unwrap_or_else(|err| panic!("{line}: {err}"));
            assert_eq!(json(table.get_ref()[key.name].get_ref()), example, "{line}");
        }
    }
}
