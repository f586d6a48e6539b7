//! "Did you mean" suggestions: the closest known name to one the user typed. A leaf: it knows
//! no profile key, rule or SDK word, only the names it is given.

/// The closest known name, for "did you mean" help; `None` when nothing is close.
pub fn did_you_mean<'a>(unknown: &str, known: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let known: Vec<&'a str> = known.into_iter().collect();
    let close = known
        .iter()
        .map(|candidate| (strsim::jaro_winkler(unknown, candidate), *candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate);
    // A word of a longer name: `url` for `script_url`, `region` for `phone_region`, when only one
    // name has it.
    close.or_else(|| {
        let lower = unknown.to_ascii_lowercase().replace('-', "_");
        let mut words = known.iter().filter(|candidate| candidate.split('_').any(|word| word == lower));
        match (words.next(), words.next()) {
            (Some(only), None) if lower.len() >= 3 => Some(*only),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_catch_typos_and_ignore_strangers() {
        let keys = ["from_page", "user_id", "user_name", "language", "phone", "email", "phone_region"];
        assert_eq!(did_you_mean("user_nmae", keys), Some("user_name"));
        assert_eq!(did_you_mean("phon", keys), Some("phone"));
        assert_eq!(did_you_mean("zzz", keys), None);
        assert_eq!(did_you_mean("url", ["script_url", "license", "load"]), Some("script_url"));
    }
}
