//! A search for a few dozen short strings in text, with the vector search that rules
//! out the most places at once.

use std::ops::Range;

use aho_corasick::{packed, AhoCorasick, BuildError, MatchKind, Span};

/// Finds a few dozen strings, without overlaps, leftmost first or leftmost longest.
///
/// Where the machine has 256-bit vectors, the search is Teddy, the vector search of
/// `aho-corasick`, and [`Literals::new`] asks for its "fat" form: it sorts the strings
/// into sixteen buckets rather than eight, so far fewer places that merely share a first
/// three bytes with some string are checked in full. On short words such as "one" or
/// "said", which hide inside many longer words, that halves the time of a search.
/// Elsewhere, or for strings such a search does not take (too many of them), an
/// Aho-Corasick automaton with its own prefilter finds exactly the same matches.
#[derive(Debug, Clone)]
pub enum Literals {
    /// Teddy, when the machine and the strings allow it.
    Packed(packed::Searcher),
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
    /// A search for `strings` with sixteen buckets where the machine allows it.
    pub fn new<S: AsRef<[u8]>>(strings: &[S], preference: Preference) -> Result<Self, BuildError> {
        Self::build(strings, preference, Some(true))
    }

    /// A search for `strings` with as many buckets as `aho-corasick` picks (eight for a
    /// few strings): better when the strings are rare in the text.
    pub fn with_chosen_buckets<S: AsRef<[u8]>>(
        strings: &[S],
        preference: Preference,
    ) -> Result<Self, BuildError> {
        Self::build(strings, preference, None)
    }

    fn build<S: AsRef<[u8]>>(
        strings: &[S],
        preference: Preference,
        fat: Option<bool>,
    ) -> Result<Self, BuildError> {
        let packed_kind = match preference {
            Preference::First => packed::MatchKind::LeftmostFirst,
            Preference::Longest => packed::MatchKind::LeftmostLongest,
        };
        let packed = packed::Config::new()
            .match_kind(packed_kind)
            .only_teddy_fat(fat)
            .builder()
            .extend(strings)
            .build();
        match packed {
            Some(packed) => Ok(Literals::Packed(packed)),
            None => Self::without_vectors(strings, preference),
        }
    }

    /// The same search by the automaton alone, as on a machine without vectors.
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
            .build(strings)
            .map(Literals::Automaton)
    }

    /// The matches in `hay`, in order: where each is and the index of its string.
    pub fn find_iter<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = (Range<usize>, usize)> + 'a {
        let (packed, automaton) = match self {
            Literals::Packed(packed) => (Some(packed.find_iter(hay)), None),
            Literals::Automaton(automaton) => (None, Some(automaton.find_iter(hay))),
        };
        let packed = packed
            .into_iter()
            .flatten()
            .map(|m| (m.range(), m.pattern().as_usize()));
        let automaton = automaton
            .into_iter()
            .flatten()
            .map(|m| (m.range(), m.pattern().as_usize()));
        packed.chain(automaton)
    }

    /// True when some string occurs in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        match self {
            Literals::Packed(packed) => packed.find(hay).is_some(),
            Literals::Automaton(automaton) => automaton.is_match(hay),
        }
    }

    /// Where the first match that lies wholly within `span` of `text` begins.
    pub fn first_in(&self, text: &str, span: Range<usize>) -> Option<usize> {
        match self {
            Literals::Packed(packed) => packed.find_in(text, Span::from(span)).map(|m| m.start()),
            Literals::Automaton(automaton) => automaton
                .find(aho_corasick::Input::new(text).range(span))
                .map(|m| m.start()),
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
                    matches!(fast, Literals::Packed(_)),
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
    fn a_search_within_a_span_finds_only_what_fits_in_it() {
        for search in [
            Literals::new(WORDS, Preference::First),
            Literals::with_chosen_buckets(WORDS, Preference::First),
            Literals::without_vectors(WORDS, Preference::First),
        ] {
            let search = search.expect("builds");
            for text in texts() {
                let n = text.len();
                for span in [0..n, n / 3..n, 0..n / 2, n / 4..(n / 4 + 5).min(n)] {
                    let expected = search
                        .find_iter(&text[span.clone()])
                        .next()
                        .map(|(found, _)| span.start + found.start);
                    assert_eq!(
                        search.first_in(&text, span.clone()),
                        expected,
                        "{span:?} of {text:?}"
                    );
                }
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
