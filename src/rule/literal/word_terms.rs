//! Whole-word, case-sensitive term lists looked up word by word instead of with an
//! automaton run over every byte.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::text::word_starts::{length_bit, starts_upper_or_digit, TermStarts, WordStarts};
use crate::text::words::{at_word_boundaries, word_run_end};

/// Terms looked up by their first run of word characters at the words of a text that
/// may begin one (see [`WordStarts`]): the choice among all whole-word matches (leftmost,
/// then longest) without running an automaton over every byte. For case-sensitive,
/// whole-word terms that begin and end with a word character.
#[derive(Debug, Clone)]
pub struct WordTerms {
    /// The terms by their first run of word characters, longest first.
    by_first_run: FxHashMap<String, Vec<usize>>,
    /// For each first byte of a first run, a bit for each length in bytes such a run has.
    first_run_lens: Box<[u32; 256]>,
    /// The terms whose first byte is neither a capital, a digit nor non-ASCII: where they
    /// occur is searched for, since the words they begin are not skipped to.
    other_starts: Option<TermStarts>,
}

impl WordTerms {
    /// `None` when some term does not begin and end with a word character.
    pub fn new(terms: &[String]) -> Result<Option<Self>, String> {
        let is_word_char = crate::text::words::is_word_char;
        if !terms.iter().all(|t| {
            t.chars().next().is_some_and(is_word_char) && t.chars().next_back().is_some_and(is_word_char)
        }) {
            return Ok(None);
        }
        let mut by_first_run: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        let mut first_run_lens = Box::new([0u32; 256]);
        let mut others: Vec<&str> = Vec::new();
        for (i, term) in terms.iter().enumerate() {
            let run = &term[..word_run_end(term, 0)];
            by_first_run.entry(run.to_owned()).or_default().push(i);
            let first = run.as_bytes()[0];
            first_run_lens[usize::from(first)] |= length_bit(run.len());
            if first.is_ascii() && !starts_upper_or_digit(first) {
                others.push(term);
            }
        }
        for candidates in by_first_run.values_mut() {
            candidates.sort_by_key(|&i| (std::cmp::Reverse(terms[i].len()), i));
        }
        let other_starts = (!others.is_empty())
            .then(|| TermStarts::new(&others))
            .transpose()?;
        Ok(Some(WordTerms {
            by_first_run,
            first_run_lens,
            other_starts,
        }))
    }

    /// Where the terms that begin with neither a capital, a digit nor a non-ASCII
    /// character occur in `span` of `text`, in order: every place one begins, even
    /// inside another.
    pub fn other_starts(&self, text: &str, span: Range<usize>) -> Vec<usize> {
        self.other_starts
            .as_ref()
            .map_or_else(Vec::new, |search| search.in_span(text, span))
    }

    /// The whole-word matches inside `range` of `text`, leftmost first and longest at a
    /// place, none overlapping; word boundaries are those of the whole text. `other_starts`:
    /// [`WordTerms::other_starts`] of a span of `text` that holds `range`.
    pub fn find_in(
        &self,
        text: &str,
        range: Range<usize>,
        terms: &[String],
        other_starts: &[usize],
    ) -> Vec<(Range<usize>, usize)> {
        let hay = &text[..range.end];
        let mut out = Vec::new();
        let first = other_starts.partition_point(|&i| i < range.start);
        let mut words = WordStarts::new(hay, range.start, &other_starts[first..]);
        while let Some(word) = words.next() {
            let first = hay.as_bytes()[word.start];
            if self.first_run_lens[usize::from(first)] & length_bit(word.len()) == 0 {
                continue;
            }
            let Some(candidates) = self.by_first_run.get(&hay[word.clone()]) else {
                continue;
            };
            let found = candidates.iter().find(|&&i| {
                let end = word.start + terms[i].len();
                hay[word.start..].starts_with(terms[i].as_str()) && at_word_boundaries(text, word.start, end)
            });
            if let Some(&i) = found {
                let end = word.start + terms[i].len();
                out.push((word.start..end, i));
                words.skip_to(end);
            }
        }
        out
    }
}
