//! Email addresses, by the rule browsers apply to `<input type=email>` (WHATWG HTML), plus the
//! length limits of RFC 5321.

#[derive(Debug, PartialEq, Eq)]
pub enum EmailProblem {
    Invalid(&'static str),
    /// Valid by the WHATWG rule, but `user@localhost`-like: not deliverable on the internet.
    DotlessDomain,
}

/// The first character an address cannot have where it stands, with its place (0-based, in
/// characters): in the part before the last `@`, or in the domain after it.
pub fn first_bad_character(address: &str) -> Option<(usize, char)> {
    let (local, domain) = address.rsplit_once('@')?;
    let local_ok = |c: char| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c);
    if let Some(found) = local.chars().enumerate().find(|&(_, c)| !local_ok(c)) {
        return Some(found);
    }
    let at = local.chars().count() + 1;
    domain
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '-' || c == '.'))
        .map(|(i, c)| (at + i, c))
}

pub fn validate(address: &str) -> Result<(), EmailProblem> {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Err(EmailProblem::Invalid("it has no `@`"));
    };
    if address.len() > 254 {
        return Err(EmailProblem::Invalid("it is longer than 254 characters"));
    }
    if local.is_empty() || local.len() > 64 {
        return Err(EmailProblem::Invalid("the part before `@` must have 1 to 64 characters"));
    }
    if !local.chars().all(|c| c.is_ascii_alphanumeric() || ".!#$%&'*+/=?^_`{|}~-".contains(c)) {
        return Err(EmailProblem::Invalid("the part before `@` has a character addresses cannot have"));
    }
    let label_ok = |label: &str| {
        (1..=63).contains(&label.len())
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    if !domain.split('.').all(label_ok) {
        return Err(EmailProblem::Invalid("the domain is not a valid host name"));
    }
    if !domain.contains('.') {
        return Err(EmailProblem::DotlessDomain);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_what_browsers_accept() {
        assert_eq!(validate("test@example.com"), Ok(()));
        assert_eq!(validate("bob.o'neil+tag@mail.example-shop.co.uk"), Ok(()));
    }

    #[test]
    fn refuses_what_browsers_refuse() {
        for bad in ["", "test", "@example.com", "a@", "a@b..c", "a@-b.com", "a b@c.com", "a@b_c.com", "a@b.com\""] {
            assert!(matches!(validate(bad), Err(EmailProblem::Invalid(_))), "{bad}");
        }
        assert!(matches!(validate(&format!("{}@example.com", "a".repeat(65))), Err(EmailProblem::Invalid(_))));
    }

    #[test]
    fn dotless_domains_are_their_own_finding() {
        assert_eq!(validate("test@test"), Err(EmailProblem::DotlessDomain));
    }
}
