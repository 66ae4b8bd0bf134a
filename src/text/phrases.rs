//! Word lists from rule files, compiled once: each phrase split into words, indexed by its
//! first word (or, for a stem, by the stem), so a sentence is matched with a few hash
//! look-ups per word.

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

/// Lower-case words that a [`PhraseSet`] can be matched against.
pub trait LowerWords {
    /// The number of words.
    fn count(&self) -> usize;
    /// The lower-case form of word `i`.
    fn lower(&self, i: usize) -> &str;
}

impl LowerWords for [(Range<usize>, String)] {
    fn count(&self) -> usize {
        self.len()
    }

    fn lower(&self, i: usize) -> &str {
        &self[i].1
    }
}

impl LowerWords for Vec<(Range<usize>, String)> {
    fn count(&self) -> usize {
        self.len()
    }

    fn lower(&self, i: usize) -> &str {
        &self[i].1
    }
}

/// A compiled list of phrases.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<Vec<Part>>,
    index: Box<FirstWords>,
}

/// Where to look a word up: the phrases by their first word.
#[derive(Debug, Clone, Default)]
struct FirstWords {
    by_first: FxHashMap<String, Vec<usize>>,
    /// Phrases whose first word is a stem, by that stem.
    by_stem: FxHashMap<String, Vec<usize>>,
    /// The distinct byte lengths of those stems, shortest first.
    stem_lens: Vec<usize>,
    /// A cheap test before the hash look-ups: for each first byte, a bit for each byte
    /// length of the exact first words (bit 31 for 31 and more), or all bits when a stem
    /// begins with that byte.
    first_byte_lens: Vec<u32>,
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
            set.index.first_byte_lens.resize(256, 0);
            match first {
                Part::Exact(w) => {
                    if let Some(&b) = w.as_bytes().first() {
                        set.index.first_byte_lens[usize::from(b)] |= length_bit(w.len());
                    }
                    set.index.by_first.entry(w).or_default().push(id);
                }
                Part::Stem(s) => {
                    match s.as_bytes().first() {
                        Some(&b) => set.index.first_byte_lens[usize::from(b)] = u32::MAX,
                        None => set.index.first_byte_lens.fill(u32::MAX),
                    }
                    set.index.stem_lens.push(s.len());
                    set.index.by_stem.entry(s).or_default().push(id);
                }
            }
            set.phrases.push(parts);
        }
        set.index.stem_lens.sort_unstable();
        set.index.stem_lens.dedup();
        set
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// The phrases whose first word fits `word`.
    fn starting_with<'a>(&'a self, word: &'a str) -> impl Iterator<Item = usize> + 'a {
        let word = self.may_start(word).then_some(word);
        let exact = word
            .and_then(|w| self.index.by_first.get(w))
            .into_iter()
            .flatten();
        let stems = word.into_iter().flat_map(move |word| {
            self.index
                .stem_lens
                .iter()
                .take_while(move |&&len| len <= word.len())
                .filter(move |&&len| word.is_char_boundary(len))
                .filter_map(move |&len| self.index.by_stem.get(&word[..len]))
                .flatten()
        });
        exact.chain(stems).copied()
    }

    /// False when no phrase can start with `word`, by its first byte and length alone.
    fn may_start(&self, word: &str) -> bool {
        match word.as_bytes().first() {
            Some(&b) => self
                .index
                .first_byte_lens
                .get(usize::from(b))
                .is_some_and(|lens| lens & length_bit(word.len()) != 0),
            None => !self.phrases.is_empty(),
        }
    }

    /// True when phrase `id` occurs in `words` from word `i` on.
    fn fits_at<W: LowerWords + ?Sized>(&self, id: usize, words: &W, i: usize) -> bool {
        let parts = &self.phrases[id];
        words.count() - i >= parts.len() && parts.iter().enumerate().all(|(k, p)| p.fits(words.lower(i + k)))
    }

    /// Every match in lower-case `words`: (index of the first word, number of words).
    pub fn find<W: LowerWords + ?Sized>(&self, words: &W) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        if self.phrases.is_empty() {
            return out;
        }
        for i in 0..words.count() {
            for id in self.starting_with(words.lower(i)) {
                if self.fits_at(id, words, i) {
                    out.push((i, self.phrases[id].len()));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// True when any phrase occurs in `words`.
    pub fn any<W: LowerWords + ?Sized>(&self, words: &W) -> bool {
        !self.phrases.is_empty()
            && (0..words.count()).any(|i| {
                self.starting_with(words.lower(i))
                    .any(|id| self.fits_at(id, words, i))
            })
    }

    /// True when `word` alone is one of the phrases.
    pub fn contains_word(&self, word: &str) -> bool {
        self.starting_with(word).any(|id| self.phrases[id].len() == 1)
    }
}

/// The bit of [`FirstWords::first_byte_lens`] for a word of `len` bytes.
fn length_bit(len: usize) -> u32 {
    1 << len.min(31)
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

/// The words of stretches of text with their lower-case forms, kept in one buffer: the
/// same words as [`lower_words`], without an allocation per word.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    lower: String,
    /// Each word: its place in the text, and its lower-case form's place in `lower`.
    words: Vec<(Range<usize>, Range<usize>)>,
}

impl WordList {
    /// The words of `range` in `text`.
    pub fn of(text: &str, range: Range<usize>) -> Self {
        let mut list = WordList::default();
        list.push_words(text, range);
        list
    }

    /// Add the words of `range` in `text`.
    pub fn push_words(&mut self, text: &str, range: Range<usize>) {
        each_word(text, range, |r| self.push_word(text, r));
    }

    fn push_word(&mut self, text: &str, r: Range<usize>) {
        let word = &text[r.clone()];
        let start = self.lower.len();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower[start..].make_ascii_lowercase();
        } else {
            self.lower.push_str(&word.to_lowercase());
        }
        self.words.push((r, start..self.lower.len()));
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words `range` (by index) as a list of their own.
    pub fn slice(&self, range: Range<usize>) -> WordSlice<'_> {
        WordSlice {
            lower: &self.lower,
            words: &self.words[range],
        }
    }

    /// All the words.
    pub fn all(&self) -> WordSlice<'_> {
        self.slice(0..self.words.len())
    }
}

/// The words of `range` of `text`, with ASCII taken byte by byte: the same ranges as
/// [`crate::text::capitalised::words`] (letters, with an inner apostrophe followed by a
/// letter, except a possessive "'s" that ends the word).
fn each_word(text: &str, range: Range<usize>, mut each: impl FnMut(Range<usize>)) {
    let end = range.end;
    let bytes = text.as_bytes();
    // The length of the character at `i` and whether it is a letter.
    let char_at = |i: usize| -> (usize, bool) {
        match bytes.get(i) {
            Some(&b) if b < 0x80 => (1, b.is_ascii_alphabetic()),
            _ => text
                .get(i..end)
                .and_then(|rest| rest.chars().next())
                .map_or((1, false), |c| (c.len_utf8(), c.is_alphabetic())),
        }
    };
    let letter = |i: usize| i < end && char_at(i).1;
    let mut i = range.start;
    while i < end {
        let (len, is_letter) = char_at(i);
        if !is_letter {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < end {
            let (len, is_letter) = char_at(i);
            if is_letter {
                i += len;
                continue;
            }
            let apostrophe = match bytes[i] {
                b'\'' => 1,
                _ if text[i..end].starts_with('’') => '’'.len_utf8(),
                _ => break,
            };
            if !letter(i + apostrophe) {
                break;
            }
            // "Zelensky's" ends the word; "O'Brien" goes on.
            if bytes[i + apostrophe] == b's' && !letter(i + apostrophe + 1) {
                break;
            }
            i += apostrophe;
        }
        each(start..i);
    }
}

/// A run of consecutive words of a [`WordList`].
#[derive(Debug, Clone, Copy)]
pub struct WordSlice<'a> {
    lower: &'a str,
    words: &'a [(Range<usize>, Range<usize>)],
}

impl WordSlice<'_> {
    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Where word `i` is in the text.
    pub fn range(&self, i: usize) -> Range<usize> {
        self.words[i].0.clone()
    }

    /// Where every word is in the text.
    pub fn ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.words.iter().map(|(r, _)| r.clone())
    }
}

impl LowerWords for WordSlice<'_> {
    fn count(&self) -> usize {
        self.words.len()
    }

    fn lower(&self, i: usize) -> &str {
        &self.lower[self.words[i].1.clone()]
    }
}

/// The words of every sentence of a document, built once.
#[derive(Debug, Clone, Default)]
pub struct SentenceWords {
    list: WordList,
    /// Sentence `k` holds words `bounds[k]..bounds[k + 1]`.
    bounds: Vec<usize>,
}

impl SentenceWords {
    /// The words of each of `sentences` of `text`.
    pub fn new(text: &str, sentences: &[Range<usize>]) -> Self {
        let mut list = WordList {
            lower: String::with_capacity(text.len()),
            words: Vec::with_capacity(text.len() / 5),
        };
        let mut bounds = Vec::with_capacity(sentences.len() + 1);
        bounds.push(0);
        for sentence in sentences {
            list.push_words(text, sentence.clone());
            bounds.push(list.len());
        }
        SentenceWords { list, bounds }
    }

    /// The words of sentence `k` (none past the last sentence).
    pub fn sentence(&self, k: usize) -> WordSlice<'_> {
        match (self.bounds.get(k), self.bounds.get(k + 1)) {
            (Some(&start), Some(&end)) => self.list.slice(start..end),
            _ => self.list.slice(0..0),
        }
    }
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

    #[test]
    fn long_words_and_empty_stems() {
        let long = "a".repeat(40);
        let set = PhraseSet::new(&list(&[&long, "*"]));
        assert!(set.contains_word(&long) && set.contains_word("zebra"));
        let set = PhraseSet::new(&list(&[&long]));
        assert!(!set.contains_word(&"a".repeat(35)) && set.contains_word(&long));
        assert!(!PhraseSet::new(&[]).contains_word("a"));
    }

    #[test]
    fn stems_of_several_lengths_and_multi_word_stems() {
        let set = PhraseSet::new(&list(&["say*", "s*", "warn* of", "ασ*"]));
        let text = "Sources SAYING it warned of Ασκήσεις";
        let words = WordList::of(text, 0..text.len());
        let all = words.all();
        assert_eq!(set.find(&all), [(0, 1), (1, 1), (3, 2), (5, 1)]);
        assert!(set.any(&all));
        assert!(!set.contains_word("warning") && set.contains_word("sun"));
        assert!(!PhraseSet::new(&list(&["warn* of"])).any(&WordList::of("warned", 0..6).all()));
    }

    #[test]
    fn word_list_matches_lower_words() {
        let text = "O'Brien SAID Zelensky's ΣΟΦΟΣ plan, İstanbul-based KELVIN";
        let reference = lower_words(text, 0..text.len());
        let list = WordList::of(text, 0..text.len());
        let all = list.all();
        assert_eq!(all.len(), reference.len());
        for (i, (range, lower)) in reference.iter().enumerate() {
            assert_eq!((all.range(i), all.lower(i)), (range.clone(), lower.as_str()));
        }
    }

    #[test]
    fn byte_split_matches_the_general_split() {
        let samples = [
            "O'Brien's team didn't say it's 'fine' - a's b''c d' 'e x'sy",
            "  rock'n'roll, Zelensky's aide; 3.5m people's  q's",
            "'s",
            "a'",
            "'",
            "",
            "a",
            "ab's",
            "ab'st",
            "x'",
            "it's.",
            "end'",
            "Zelensky’s £5m İstanbul-based ΣΟΦΟΣ’ aide’sx café’ é’s 日本語 — 🙂 l’été",
        ];
        for sample in samples {
            for start in (0..sample.len()).filter(|&i| sample.is_char_boundary(i)) {
                for end in (start..=sample.len()).filter(|&i| sample.is_char_boundary(i)) {
                    let mut fast = Vec::new();
                    each_word(sample, start..end, |r| fast.push(r));
                    let general: Vec<_> = crate::text::capitalised::words(sample, start..end).collect();
                    assert_eq!(fast, general, "{sample:?} {start}..{end}");
                }
            }
        }
    }

    #[test]
    fn sentence_words_split_by_sentence() {
        let text = "Critics say no. She said yes.";
        let sentences = crate::text::sentences::split(text);
        let words = SentenceWords::new(text, &sentences);
        assert_eq!(words.sentence(1).lower(1), "said");
        assert_eq!(words.sentence(0).len(), 3);
        assert!(words.sentence(2).is_empty());
    }
}
