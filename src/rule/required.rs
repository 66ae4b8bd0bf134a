//! Literals that every match of a pattern holds: a line that holds none of them cannot
//! match, so the regex need not run. Whole-line patterns with no first-letter gate
//! ("… © 2024 …", "Theme by …") would otherwise run on every short line of a document.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex_syntax::hir::{Class, Hir, HirKind};

use crate::text::RareChars;

/// Non-ASCII characters that a case-insensitive pattern matches for an ASCII letter
/// (simple case folding: the long s for `s`, the Kelvin sign for `k`). An ASCII
/// case-insensitive search cannot see them, so a line holding one is not ruled out.
const FOLDS_TO_ASCII: [char; 2] = ['\u{17F}', '\u{212A}'];

/// The search for [`FOLDS_TO_ASCII`].
static FOLDING_TO_ASCII: LazyLock<RareChars> = LazyLock::new(|| RareChars::new(&FOLDS_TO_ASCII));

/// A test that rules out lines no match of some patterns can be in.
#[derive(Debug, Clone)]
pub struct Required {
    /// The literals, lower-cased as ASCII.
    literals: Vec<Finder<'static>>,
}

impl Required {
    /// The test for `patterns` (an alternation of them), or `None` when some match of
    /// some pattern need hold no literal this test can look for.
    pub fn of(patterns: &[String]) -> Option<Self> {
        let mut literals = Vec::new();
        for pattern in patterns {
            let hir = regex_syntax::parse(pattern).ok()?;
            literals.extend(required(&hir)?);
        }
        let mut literals: Vec<String> = literals.iter().map(|l| l.to_ascii_lowercase()).collect();
        literals.sort();
        literals.dedup();
        let literals = literals
            .iter()
            .map(|l| Finder::new(l.as_bytes()).into_owned())
            .collect();
        Some(Required { literals })
    }

    /// False when `line` holds none of the literals, in any case, so no match can be in it.
    /// `lower` is `line` lower-cased as ASCII: in it, a search for the lower-cased
    /// literals finds them in any case.
    pub fn may_match(&self, line: &str, lower: &str) -> bool {
        self.literals.iter().any(|l| l.find(lower.as_bytes()).is_some()) || FOLDING_TO_ASCII.in_text(line)
    }
}

/// A set of literals one of which every match of `hir` holds, if there is one.
fn required(hir: &Hir) -> Option<Vec<String>> {
    match hir.kind() {
        HirKind::Literal(literal) => {
            let text = std::str::from_utf8(&literal.0).ok()?;
            caseless_search_finds(text).then(|| vec![text.to_owned()])
        }
        HirKind::Class(Class::Unicode(class)) => match class.ranges() {
            [one] if one.start() == one.end() => {
                let text = one.start().to_string();
                caseless_search_finds(&text).then(|| vec![text])
            }
            _ => None,
        },
        HirKind::Capture(capture) => required(&capture.sub),
        HirKind::Repetition(repetition) if repetition.min >= 1 => required(&repetition.sub),
        // Any part's literals will do; the most selective set is taken to be the one
        // whose shortest literal is longest, then the one with fewer literals.
        HirKind::Concat(parts) => parts.iter().filter_map(required).max_by_key(|set| {
            let shortest = set.iter().map(String::len).min().unwrap_or(0);
            (shortest, std::cmp::Reverse(set.len()))
        }),
        HirKind::Alternation(branches) => {
            let mut all = Vec::new();
            for branch in branches {
                all.extend(required(branch)?);
            }
            Some(all)
        }
        _ => None,
    }
}

/// True when an ASCII case-insensitive search for `text` finds it in every case a
/// case-insensitive pattern would match: ASCII text, or characters without case.
fn caseless_search_finds(text: &str) -> bool {
    !text.is_empty()
        && text.chars().all(|c| {
            c.is_ascii()
                || (c.to_lowercase().eq(std::iter::once(c)) && c.to_uppercase().eq(std::iter::once(c)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(patterns: &[&str]) -> Option<Vec<String>> {
        let mut all = Vec::new();
        for p in patterns {
            all.extend(required(&regex_syntax::parse(p).ok()?)?);
        }
        all.sort();
        Some(all)
    }

    #[test]
    fn a_literal_every_match_holds() {
        assert_eq!(
            literals(&[r"(?:[a-z0-9.,&' -]+|x)\s?©.*\b(?:19|20)\d{2}\b.*"]),
            Some(vec!["©".into()])
        );
        assert_eq!(
            literals(&["theme: .+ by .+|(?:[a-z]+ )?theme by [a-z]+", "hosted by .+"]),
            Some(vec!["hosted by ".into(), "theme by ".into(), "theme: ".into()])
        );
    }

    #[test]
    fn no_literal_when_some_match_needs_none() {
        assert_eq!(literals(&[r"\d+ of \d+"]), Some(vec![" of ".into()]));
        assert_eq!(literals(&["(?:share)?.*"]), None);
        assert_eq!(literals(&["a|.*"]), None);
        assert_eq!(literals(&["(?:abc)*"]), None);
        // "É" has a lower case an ASCII search would not find.
        assert_eq!(literals(&["École"]), None);
    }

    #[test]
    fn lines_without_the_literals_are_ruled_out() {
        let may_match =
            |required: &Required, line: &str| required.may_match(line, &line.to_ascii_lowercase());
        let required = Required::of(&["Theme by .+".into(), "© .+".into()]).expect("literals");
        assert!(may_match(&required, "WordPress THEME BY Example"));
        assert!(may_match(&required, "© 2024"));
        assert!(!may_match(&required, "The theme of the day"));
        // The Kelvin sign matches `k` in a case-insensitive pattern.
        assert!(may_match(
            &Required::of(&["kelvin".into()]).expect("literals"),
            "\u{212A}elvin"
        ));
    }

    #[test]
    fn only_the_listed_characters_fold_to_ascii_letters() {
        let ascii_letter = regex::Regex::new("(?i)^[a-z]$").expect("regex");
        let folding: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| ascii_letter.is_match(c.encode_utf8(&mut [0; 4])))
            .collect();
        assert_eq!(folding, FOLDS_TO_ASCII);
    }
}
