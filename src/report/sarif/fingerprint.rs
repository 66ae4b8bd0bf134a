//! Partial fingerprints that let code scanning follow a result from commit to commit.

use std::collections::HashMap;
use std::fmt::Write as _;

use sha2::{Digest, Sha256};

/// The `partialFingerprints` key copydesk writes; raised if the hash input changes.
pub const KEY: &str = "copydeskMatch/v1";

/// Hashes rule id, matched text (whitespace collapsed, so line endings and re-wrapping do
/// not matter) and path; the n-th repeat of the same triple in a run gets `:n` appended.
#[derive(Debug, Default)]
pub struct Fingerprints {
    seen: HashMap<String, usize>,
}

impl Fingerprints {
    /// The fingerprint of the next result with this rule, matched text and path.
    pub fn next(&mut self, rule: &str, matched: &str, path: &str) -> String {
        let words = matched.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut hasher = Sha256::new();
        for part in [rule, words.as_str(), path] {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        let mut hash = String::with_capacity(64);
        for byte in hasher.finalize().iter() {
            let _ = write!(hash, "{byte:02x}");
        }
        let count = self.seen.entry(hash.clone()).or_insert(0);
        *count += 1;
        format!("{hash}:{count}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_input_same_hash_and_repeats_are_numbered() {
        let mut a = Fingerprints::default();
        let mut b = Fingerprints::default();
        let first = a.next("copydesk/x", "Comments are\r\nclosed.", "a.txt");
        assert_eq!(first, b.next("copydesk/x", "Comments are closed.", "a.txt"));
        assert!(first.ends_with(":1"));
        let second = a.next("copydesk/x", "Comments are closed.", "a.txt");
        assert_eq!(second, first.replace(":1", ":2"));
    }

    #[test]
    fn rule_text_and_path_all_count() {
        let mut f = Fingerprints::default();
        let base = f.next("p/a", "x", "a.txt");
        assert_ne!(base, f.next("p/b", "x", "a.txt"));
        assert_ne!(base, f.next("p/a", "y", "a.txt"));
        assert_ne!(base, f.next("p/a", "x", "b.txt"));
    }
}
