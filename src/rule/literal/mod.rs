//! Many literal terms matched in one pass, with word boundaries checked by hand.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::{Regex, RegexBuilder};

use crate::text::words::at_word_boundaries;

mod word_terms;

use word_terms::WordTerms;

/// A compiled set of literal terms.
#[derive(Debug, Clone)]
pub struct Literals {
    matcher: Matcher,
    terms: Vec<String>,
    word_boundary: bool,
}

#[derive(Debug, Clone)]
enum Matcher {
    /// Whole-word, case-sensitive terms that begin and end with a word character,
    /// looked up word by word.
    Words(WordTerms),
    /// One automaton for all terms (exact or ASCII case-insensitive).
    Automaton(Automata),
    /// Case-insensitive terms with non-ASCII letters need Unicode case folding.
    Folded(Regex),
}

/// The leftmost-longest automaton answers almost every search in one fast pass; the one
/// that reports every overlapping match is built only when a match cuts a word, since a
/// shorter or later term may then be the right one.
#[derive(Debug, Clone)]
struct Automata {
    longest: Option<AhoCorasick>,
    /// The same search as `longest` with a DFA, shared by the clones of a rule.
    later: Arc<LaterDfa>,
    all: OnceLock<Option<AhoCorasick>>,
    terms: Vec<String>,
    case_sensitive: bool,
}

/// A DFA for a leftmost-longest search, built once the terms have been searched for in
/// more than [`DFA_AFTER_BYTES`] of text (when the DFA would not be too big). The search
/// that passes the mark builds it; searches on other threads go on with the NFA
/// meanwhile instead of waiting.
#[derive(Debug, Default)]
struct LaterDfa {
    /// Bytes of text searched so far.
    searched: AtomicUsize,
    /// Set by the search that builds the DFA.
    building: AtomicBool,
    dfa: OnceLock<Option<AhoCorasick>>,
}

/// After this much text, a DFA for the terms pays for its building: it takes several
/// times longer to build than the NFA (milliseconds for a thousand terms) and searches
/// about three times faster.
const DFA_AFTER_BYTES: usize = 1 << 20;

/// No DFA for an NFA larger than this: the DFA grows to some twenty times its size.
const DFA_MAX_NFA_BYTES: usize = 512 * 1024;

impl Automata {
    fn new(terms: &[String], case_sensitive: bool) -> Result<Self, String> {
        // Terms that differ only in case would tie in a leftmost-longest search: keep
        // to the overlapping search, which orders them as written.
        let distinct = case_sensitive || {
            let mut lower: Vec<String> = terms.iter().map(|t| t.to_ascii_lowercase()).collect();
            lower.sort();
            lower.windows(2).all(|w| w[0] != w[1])
        };
        let longest = if distinct {
            Some(build(terms, case_sensitive, MatchKind::LeftmostLongest)?)
        } else {
            None
        };
        let automata = Automata {
            longest,
            later: Arc::default(),
            all: OnceLock::new(),
            terms: terms.to_vec(),
            case_sensitive,
        };
        if automata.longest.is_none() {
            automata
                .all
                .get_or_init(|| build(terms, case_sensitive, MatchKind::Standard).ok());
        }
        Ok(automata)
    }

    /// The leftmost-longest automaton to search `len` more bytes with.
    fn longest_for(&self, len: usize) -> Option<&AhoCorasick> {
        let nfa = self.longest.as_ref()?;
        let later = &*self.later;
        if let Some(dfa) = later.dfa.get() {
            return Some(dfa.as_ref().unwrap_or(nfa));
        }
        if later.searched.fetch_add(len, Ordering::Relaxed) + len <= DFA_AFTER_BYTES
            || later.building.swap(true, Ordering::AcqRel)
        {
            return Some(nfa);
        }
        let dfa = (nfa.memory_usage() <= DFA_MAX_NFA_BYTES)
            .then(|| {
                build_as(
                    &self.terms,
                    self.case_sensitive,
                    MatchKind::LeftmostLongest,
                    AhoCorasickKind::DFA,
                )
            })
            .and_then(Result::ok);
        let dfa = later.dfa.get_or_init(|| dfa);
        Some(dfa.as_ref().unwrap_or(nfa))
    }

    fn all(&self) -> Option<&AhoCorasick> {
        self.all
            .get_or_init(|| build(&self.terms, self.case_sensitive, MatchKind::Standard).ok())
            .as_ref()
    }
}

/// A contiguous NFA builds several times faster than a DFA and still searches quickly:
/// start-up matters more than peak speed here.
fn build(terms: &[String], case_sensitive: bool, kind: MatchKind) -> Result<AhoCorasick, String> {
    build_as(terms, case_sensitive, kind, AhoCorasickKind::ContiguousNFA)
}

fn build_as(
    terms: &[String],
    case_sensitive: bool,
    kind: MatchKind,
    automaton: AhoCorasickKind,
) -> Result<AhoCorasick, String> {
    AhoCorasickBuilder::new()
        .kind(Some(automaton))
        .match_kind(kind)
        .ascii_case_insensitive(!case_sensitive)
        .build(terms)
        .map_err(|e| format!("cannot build the term automaton: {e}"))
}

impl Literals {
    /// Compile `terms` into one matcher.
    pub fn new(terms: &[String], case_sensitive: bool, word_boundary: bool) -> Result<Self, String> {
        if let Some(empty) = terms.iter().position(|t| t.is_empty()) {
            return Err(format!("term {} is empty", empty + 1));
        }
        let ascii_only = terms.iter().all(|t| t.is_ascii());
        let matcher = if let Some(words) = (case_sensitive && word_boundary)
            .then(|| WordTerms::new(terms))
            .transpose()?
            .flatten()
        {
            Matcher::Words(words)
        } else if case_sensitive || ascii_only {
            Matcher::Automaton(Automata::new(terms, case_sensitive)?)
        } else {
            let alternation: Vec<String> = terms.iter().map(|t| regex::escape(t)).collect();
            let regex = RegexBuilder::new(&alternation.join("|"))
                .case_insensitive(true)
                .build()
                .map_err(|e| format!("cannot compile terms: {e}"))?;
            Matcher::Folded(regex)
        };
        Ok(Literals {
            matcher,
            terms: terms.to_vec(),
            word_boundary,
        })
    }

    /// Non-overlapping matches inside `range` of `text`: leftmost first, longest at a
    /// position, skipping candidates that would cut a word. Yields the match range and
    /// the index of the term that matched.
    pub fn find_in(&self, text: &str, range: Range<usize>) -> Vec<(Range<usize>, usize)> {
        if let Matcher::Words(words) = &self.matcher {
            let other_starts = words.other_starts(text, range.clone());
            return words.find_in(text, range, &self.terms, &other_starts);
        }
        if let Some(longest) = match &self.matcher {
            Matcher::Automaton(automata) => automata.longest_for(range.len()),
            Matcher::Folded(_) | Matcher::Words(_) => None,
        } {
            let base = range.start;
            let found: Vec<(Range<usize>, usize)> = longest
                .find_iter(&text[range.clone()])
                .map(|m| (base + m.start()..base + m.end(), m.pattern().as_usize()))
                .collect();
            // When every leftmost-longest match is a whole word, it is also what the
            // choice among all overlapping matches below would make.
            if !self.word_boundary
                || found
                    .iter()
                    .all(|(r, _)| at_word_boundaries(text, r.start, r.end))
            {
                return found;
            }
        }
        let mut candidates = self.candidates(text, range);
        candidates.retain(|(r, _)| !self.word_boundary || at_word_boundaries(text, r.start, r.end));
        candidates.sort_by(|(a, _), (b, _)| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
        let mut out: Vec<(Range<usize>, usize)> = Vec::new();
        for (r, i) in candidates {
            if out.last().is_none_or(|(last, _)| r.start >= last.end) {
                out.push((r, i));
            }
        }
        out
    }

    /// [`Literals::find_in`] for each of `units` of `text` in turn, handing each match to
    /// `each`; what the search of the whole text can share is done once.
    pub fn find_in_units(
        &self,
        text: &str,
        units: &[Range<usize>],
        mut each: impl FnMut(Range<usize>, usize),
    ) {
        if let Matcher::Words(words) = &self.matcher {
            let span = units.iter().map(|u| u.start).min().unwrap_or(0)
                ..units.iter().map(|u| u.end).max().unwrap_or(0);
            let other_starts = words.other_starts(text, span);
            for unit in units {
                for (range, i) in words.find_in(text, unit.clone(), &self.terms, &other_starts) {
                    each(range, i);
                }
            }
        } else {
            for unit in units {
                for (range, i) in self.find_in(text, unit.clone()) {
                    each(range, i);
                }
            }
        }
    }

    fn candidates(&self, text: &str, range: Range<usize>) -> Vec<(Range<usize>, usize)> {
        let hay = &text[range.clone()];
        let base = range.start;
        match &self.matcher {
            Matcher::Words(_) => self.find_in(text, range),
            Matcher::Automaton(automata) => automata.all().map_or_else(Vec::new, |ac| {
                ac.find_overlapping_iter(hay)
                    .map(|m| (base + m.start()..base + m.end(), m.pattern().as_usize()))
                    .collect()
            }),
            Matcher::Folded(regex) => regex
                .find_iter(hay)
                .map(|m| {
                    let found = m.as_str().to_lowercase();
                    let index = self
                        .terms
                        .iter()
                        .position(|t| t.to_lowercase() == found)
                        .unwrap_or(0);
                    (base + m.start()..base + m.end(), index)
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_longest_match_that_cuts_a_word_gives_way_to_a_shorter_one() {
        let lit = Literals::new(&terms(&["Olena", "Olena Zelenskaya"]), true, true).unwrap();
        let text = "Olena Zelenskayas met Olena Zelenskaya.";
        let found: Vec<&str> = lit
            .find_in(text, 0..text.len())
            .iter()
            .map(|(r, _)| &text[r.clone()])
            .collect();
        assert_eq!(found, ["Olena", "Olena Zelenskaya"]);
    }

    #[test]
    fn whole_words_only() {
        let lit = Literals::new(&terms(&["Kiev"]), true, true).unwrap();
        let text = "Kiev and Kievan Rus and Kiev's";
        let found: Vec<_> = lit
            .find_in(text, 0..text.len())
            .into_iter()
            .map(|(r, _)| r)
            .collect();
        assert_eq!(found, [0..4, 24..28]);
    }

    #[test]
    fn the_dfa_taken_after_much_text_finds_what_the_nfa_found() {
        let literals = Literals::new(
            &terms(&["Zelensky", "Zelenskyy", "Kyiv", "Kyiv Oblast"]),
            false,
            true,
        )
        .unwrap();
        let text = "Zelenskyy in Kyiv Oblast, Zelensky in Kyiv; Zelenskyys and xKyiv. ";
        let before = literals.find_in(text, 0..text.len());
        let Matcher::Automaton(automata) = &literals.matcher else {
            panic!("ASCII case-insensitive terms take the automaton")
        };
        assert!(automata.later.dfa.get().is_none());
        let long = text.repeat(DFA_AFTER_BYTES / text.len() + 1);
        let many = literals.find_in(&long, 0..long.len());
        assert_eq!(many.len(), before.len() * (DFA_AFTER_BYTES / text.len() + 1));
        assert!(automata
            .later
            .dfa
            .get()
            .is_some_and(|dfa| dfa.as_ref().is_some_and(|d| d.kind() == AhoCorasickKind::DFA)));
        assert_eq!(
            automata.longest_for(text.len()).map(AhoCorasick::kind),
            Some(AhoCorasickKind::DFA)
        );
        assert_eq!(literals.find_in(text, 0..text.len()), before);
    }

    #[test]
    fn searches_go_on_with_the_nfa_while_the_dfa_is_built() {
        let literals = Literals::new(&terms(&["Kyiv", "Kyiv Oblast"]), false, true).unwrap();
        let text = "Kyiv Oblast and Kyiv, not xKyiv. ";
        let before = literals.find_in(text, 0..text.len());
        let Matcher::Automaton(automata) = &literals.matcher else {
            panic!("ASCII case-insensitive terms take the automaton")
        };
        // As if another thread had started building the DFA.
        automata.later.building.store(true, Ordering::Release);
        let long = text.repeat(DFA_AFTER_BYTES / text.len() + 1);
        let many = literals.find_in(&long, 0..long.len());
        assert_eq!(many.len(), before.len() * (DFA_AFTER_BYTES / text.len() + 1));
        assert!(
            automata.later.dfa.get().is_none(),
            "nothing waited for the DFA or built a second one"
        );
        assert_eq!(literals.find_in(text, 0..text.len()), before);
    }

    #[test]
    fn longest_wins_at_a_position() {
        let lit = Literals::new(&terms(&["New", "New York"]), true, true).unwrap();
        let text = "New York";
        assert_eq!(lit.find_in(text, 0..8), [(0..8, 1)]);
    }

    #[test]
    fn shorter_term_when_longer_cuts_a_word() {
        let lit = Literals::new(&terms(&["share", "share this"]), false, true).unwrap();
        let text = "Share thistle";
        assert_eq!(lit.find_in(text, 0..text.len()), [(0..5, 0)]);
    }

    #[test]
    fn unicode_case_folding() {
        let lit = Literals::new(&terms(&["Zürich"]), false, true).unwrap();
        let text = "in ZÜRICH today";
        assert_eq!(lit.find_in(text, 0..text.len()), [(3..10, 0)]);
    }

    #[test]
    fn empty_term_is_rejected() {
        assert!(Literals::new(&terms(&["a", ""]), true, true).is_err());
    }

    /// The automaton's choice among all whole-word matches, for the same terms.
    fn by_automaton(list: &[&str]) -> Literals {
        let terms = terms(list);
        Literals {
            matcher: Matcher::Automaton(Automata::new(&terms, true).unwrap()),
            terms,
            word_boundary: true,
        }
    }

    #[test]
    fn word_lookup_finds_what_the_automaton_finds_in_every_range() {
        let list = [
            "Kyiv",
            "Kyiv Oblast",
            "Oblast",
            "al Qaeda",
            "al-Sisi",
            "el-Sisi",
            "Sisi",
            "Zürich",
            "Évian",
            "7-Eleven",
            "O'Brien",
            "New York",
            "New York City",
            "York",
            "_id",
        ];
        let words = Literals::new(&terms(&list), true, true).unwrap();
        assert!(matches!(words.matcher, Matcher::Words(_)));
        let automaton = by_automaton(&list);
        for text in [
            "Kyiv Oblast and Kyiv, not xKyiv or Kyivan. Oblast.",
            "al Qaeda, normal al-Sisi; real el-Sisi and Sisi's al-Sisis",
            "New York City, New Yorker, New York Cityscape, York.",
            "Zürich and Züricher, Évian and Éviann; 7-Eleven and 17-Eleven",
            "O'Brien, O'Briens, _id and a_id, Kyiv_ ÉvianKyiv",
        ] {
            let bounds: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for (k, &start) in bounds.iter().enumerate() {
                for &end in &bounds[k..] {
                    assert_eq!(
                        words.find_in(text, start..end),
                        automaton.find_in(text, start..end),
                        "{:?}",
                        &text[start..end]
                    );
                }
            }
        }
    }

    #[test]
    fn terms_that_do_not_begin_and_end_with_a_word_character_take_the_automaton() {
        for list in [["Kyiv", "#tag"], ["Kyiv", "Inc."]] {
            let literals = Literals::new(&terms(&list), true, true).unwrap();
            assert!(matches!(literals.matcher, Matcher::Automaton(_)), "{list:?}");
        }
        let whole_words_off = Literals::new(&terms(&["Kyiv"]), true, false).unwrap();
        assert!(matches!(whole_words_off.matcher, Matcher::Automaton(_)));
    }
}
