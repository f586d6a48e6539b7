//! `snippet --check FILE`: whether a committed block is what the profile renders now.

/// How a file differs from the block rendered now.
#[derive(Debug, PartialEq, Eq)]
pub enum Drift {
    Same,
    /// The same text with CRLF line endings: a checkout's doing, not the profile's.
    LineEndings,
    /// Different: a unified diff from the file to the block, with `name` in its header.
    Stale {
        diff: String,
    },
}

/// Compares `current` (the file's bytes) with `expected` (the block rendered now).
pub fn compare(name: &str, current: &[u8], expected: &str) -> Drift {
    let current = String::from_utf8_lossy(current);
    if current == expected {
        return Drift::Same;
    }
    if current.replace("\r\n", "\n") == expected {
        return Drift::LineEndings;
    }
    let diff = similar::TextDiff::from_lines(current.as_ref(), expected);
    let diff = diff.unified_diff().context_radius(3).header(name, &format!("{name} (as rendered now)")).to_string();
    Drift::Stale { diff }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_line_endings_and_stale_are_told_apart() {
        assert_eq!(compare("a.html", b"one\ntwo\n", "one\ntwo\n"), Drift::Same);
        assert_eq!(compare("a.html", b"one\r\ntwo\r\n", "one\ntwo\n"), Drift::LineEndings);
        let Drift::Stale { diff } = compare("a.html", b"one\nold\n", "one\nnew\n") else { panic!("stale") };
        assert!(diff.starts_with("--- a.html\n+++ a.html (as rendered now)\n"), "{diff}");
        assert!(diff.contains("-old\n+new\n"), "{diff}");
    }
}
