//! A search for a few dozen short strings in text, with the vector search that rules
//! out the most places at once.

use std::ops::Range;

use aho_corasick::{packed, AhoCorasick, AhoCorasickKind, BuildError, MatchKind};

/// Finds a few dozen strings, without overlaps, leftmost first or leftmost longest.
///
/// Where the machine has 256-bit vectors, the search is a "fat" Teddy search: it sorts
/// the strings into sixteen buckets rather than eight, so far fewer places that merely
/// share a first three bytes with some string are checked in full. On short words such
/// as "one" or "said", which hide inside many longer words, that halves the time of a
/// search. Elsewhere, or for strings such a search does not take, an Aho-Corasick
/// automaton with its own prefilter finds exactly the same matches.
#[derive(Debug, Clone)]
pub enum Literals {
    /// The fat Teddy search, when the machine and the strings allow one.
    Fat(packed::Searcher),
    /// The automaton otherwise.
    Automaton(AhoCorasick),
}

/// Which of the strings that match at the leftmost place is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preference {
    /// The one given first.
    First,
    /// The longest.
    Longest,
}

impl Literals {
    /// A search for `strings`.
    pub fn new<S: AsRef<[u8]>>(strings: &[S], preference: Preference) -> Result<Self, BuildError> {
        let packed_kind = match preference {
            Preference::First => packed::MatchKind::LeftmostFirst,
            Preference::Longest => packed::MatchKind::LeftmostLongest,
        };
        let fat = packed::Config::new()
            .match_kind(packed_kind)
            .only_teddy_fat(Some(true))
            .builder()
            .extend(strings)
            .build();
        match fat {
            Some(fat) => Ok(Literals::Fat(fat)),
            None => Self::without_vectors(strings, preference),
        }
    }

    /// The same search by the automaton alone, as on a machine without 256-bit vectors.
    pub fn without_vectors<S: AsRef<[u8]>>(
        strings: &[S],
        preference: Preference,
    ) -> Result<Self, BuildError> {
        let kind = match preference {
            Preference::First => MatchKind::LeftmostFirst,
            Preference::Longest => MatchKind::LeftmostLongest,
        };
        AhoCorasick::builder()
            .match_kind(kind)
            .kind(Some(AhoCorasickKind::DFA))
            .build(strings)
            .map(Literals::Automaton)
    }

    /// The matches in `hay`, in order: where each is and the index of its string.
    pub fn find_iter<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        let (fat, automaton) = match self {
            Literals::Fat(fat) => (Some(fat.find_iter(hay)), None),
            Literals::Automaton(automaton) => (None, Some(automaton.find_iter(hay))),
        };
        let fat = fat
            .into_iter()
            .flatten()
            .map(|m| (m.range(), m.pattern().as_usize()));
        let automaton = automaton
            .into_iter()
            .flatten()
            .map(|m| (m.range(), m.pattern().as_usize()));
        fat.chain(automaton)
    }

    /// True when some string occurs in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        match self {
            Literals::Fat(fat) => fat.find(hay).is_some(),
            Literals::Automaton(automaton) => automaton.is_match(hay),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORDS: &[&str] = &[
        "one", "two", "three", "thirteen", "thirty", "ten", "often", "tent",
    ];

    fn texts() -> Vec<String> {
        let mut texts: Vec<String> = [
            "",
            "o",
            "one",
            "someone often went to thirteen tents, then thirty-one",
            "Thirteen?  ten. tenten thirtyone onetwothree",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Long enough for every vector width, with matches at the edges of chunks.
        let long: String = (0..200)
            .map(|i| format!("{}x{} ", "ab".repeat(i % 17), WORDS[i % WORDS.len()]))
            .collect();
        texts.push(long);
        texts
    }

    #[test]
    fn the_vector_search_and_the_automaton_find_the_same_matches() {
        for preference in [Preference::First, Preference::Longest] {
            let fast = Literals::new(WORDS, preference).expect("builds");
            let plain = Literals::without_vectors(WORDS, preference).expect("builds");
            #[cfg(target_arch = "x86_64")]
            if std::arch::is_x86_feature_detected!("avx2") {
                assert!(
                    matches!(fast, Literals::Fat(_)),
                    "the vector search is used where it can be"
                );
            }
            for text in texts() {
                let found: Vec<_> = fast.find_iter(&text).collect();
                assert_eq!(
                    found,
                    plain.find_iter(&text).collect::<Vec<_>>(),
                    "{preference:?} in {text:?}"
                );
                assert_eq!(fast.is_match(&text), !found.is_empty());
                assert_eq!(plain.is_match(&text), !found.is_empty());
            }
        }
    }

    #[test]
    fn longest_and_first_differ_where_strings_share_a_start() {
        let text = "thirteen tent";
        let longest: Vec<_> = Literals::new(WORDS, Preference::Longest)
            .expect("builds")
            .find_iter(text)
            .collect();
        assert_eq!(longest, vec![(0..8, 3), (9..13, 7)]);
        // "ten" comes before "tent" in the list, "three" matches nowhere, and "thirteen"
        // is the only string at 0.
        let first: Vec<_> = Literals::new(WORDS, Preference::First)
            .expect("builds")
            .find_iter(text)
            .collect();
        assert_eq!(first, vec![(0..8, 3), (9..12, 5)]);
    }
}
