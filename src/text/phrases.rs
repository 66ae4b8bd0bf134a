//! Word lists from rule files, compiled once: each phrase split into words, indexed by its
//! first word, so a sentence is matched with one hash look-up per word.

use std::ops::Range;

use rustc_hash::FxHashMap;

/// A word of a phrase: exact, or a stem (`explain*` matches every word it begins).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Exact(String),
    Stem(String),
}

impl Part {
    fn parse(word: &str) -> Part {
        match word.strip_suffix('*') {
            Some(stem) => Part::Stem(stem.to_lowercase()),
            None => Part::Exact(word.to_lowercase()),
        }
    }

    fn fits(&self, word: &str) -> bool {
        match self {
            Part::Exact(w) => w == word,
            Part::Stem(s) => word.starts_with(s.as_str()),
        }
    }
}

/// A compiled list of phrases.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<Vec<Part>>,
    by_first: FxHashMap<String, Vec<usize>>,
    stem_first: Vec<usize>,
}

impl PhraseSet {
    /// Compile `list` (phrases of lower- or mixed-case words).
    pub fn new(list: &[String]) -> Self {
        let mut set = PhraseSet::default();
        for phrase in list {
            let parts: Vec<Part> = phrase.split_whitespace().map(Part::parse).collect();
            let Some(first) = parts.first().cloned() else {
                continue;
            };
            let id = set.phrases.len();
            match first {
                Part::Exact(w) => set.by_first.entry(w).or_default().push(id),
                Part::Stem(_) => set.stem_first.push(id),
            }
            set.phrases.push(parts);
        }
        set
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Every match in lower-case `words`: (index of the first word, number of words).
    pub fn find(&self, words: &[(Range<usize>, String)]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (i, (_, word)) in words.iter().enumerate() {
            let exact = self.by_first.get(word.as_str()).into_iter().flatten();
            for &id in exact.chain(&self.stem_first) {
                let parts = &self.phrases[id];
                let fits = words.len() - i >= parts.len()
                    && parts.iter().zip(&words[i..]).all(|(p, (_, w))| p.fits(w));
                if fits {
                    out.push((i, parts.len()));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// True when any phrase occurs in `words`.
    pub fn any(&self, words: &[(Range<usize>, String)]) -> bool {
        !self.find(words).is_empty()
    }

    /// True when `word` alone is one of the phrases.
    pub fn contains_word(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|ids| ids.iter().any(|&id| self.phrases[id].len() == 1))
            || self
                .stem_first
                .iter()
                .any(|&id| self.phrases[id].len() == 1 && self.phrases[id][0].fits(word))
    }
}

/// Lower-case words of `range` in `text`, with their places.
pub fn lower_words(text: &str, range: Range<usize>) -> Vec<(Range<usize>, String)> {
    crate::text::capitalised::words(text, range)
        .map(|r| {
            let w = text[r.clone()].to_lowercase();
            (r, w)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn phrases_and_stems() {
        let set = PhraseSet::new(&list(&[
            "reports suggest",
            "critics say",
            "explain*",
            "say so now",
        ]));
        let text = "Reports suggest that critics say so, she explained.";
        let words = lower_words(text, 0..text.len());
        assert_eq!(set.find(&words), [(0, 2), (3, 2), (7, 1)]);
        assert!(set.contains_word("explains") && !set.contains_word("critics"));
    }
}
