//! Word lists from rule files, compiled once: each phrase split into words, indexed by its
//! first word (or, for a stem, by the stem), so a sentence is matched with a few hash
//! look-ups per word.

use std::ops::{ControlFlow, Range};
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::capitalised::{each_word, each_word_until};
use super::literals::{Literals, Preference};
use super::word_starts::length_bit;
use super::RareChars;
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

/// A compiled list of phrases.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    phrases: Vec<Vec<Part>>,
    /// The number of words of the longest phrase.
    most_words: usize,
    index: Box<FirstWords>,
}

/// The words of a [`PhraseSet`] as one ASCII case-insensitive automaton, and for each
/// phrase the set of its words (as bits) that a text must hold for it to occur.
#[derive(Debug, Clone)]
struct Anchors {
    /// The [`anchor_word`] of each phrase, for a first, fast test.
    anchor_words: Literals,
    words: AhoCorasick,
    phrases: Vec<u64>,
}

impl Anchors {
    /// True when `lower` holds every word (that is looked for) of some phrase.
    fn all_words_of_a_phrase(&self, lower: &str) -> bool {
        let mut present = 0u64;
        for found in self.words.find_overlapping_iter(lower) {
            let bit = 1u64 << found.pattern().as_usize();
            if present & bit == 0 {
                present |= bit;
                if self.phrases.iter().any(|needs| needs & !present == 0) {
                    return true;
                }
            }
        }
        false
    }
}

/// The word a phrase is first looked for by: its longest, and of several as long, the
/// first. A phrase's later words are more often the verbs that are everywhere in news
/// copy: "some have said" is looked for by "some", not by "said", which one sentence in
/// six holds.
fn anchor_word(parts: &[Part]) -> Option<&str> {
    parts.iter().rev().map(word_of).max_by_key(|w| w.len())
}

/// The text of a word of a phrase, without its stem mark.
fn word_of(part: &Part) -> &str {
    match part {
        Part::Exact(word) | Part::Stem(word) => word,
    }
}

impl Anchors {
    /// None when some phrase has a word no text search can stand for (an empty stem, a
    /// non-ASCII word) or the phrases have more than 64 distinct words.
    fn new(phrases: &[Vec<Part>]) -> Option<Anchors> {
        let mut words: Vec<&str> = Vec::new();
        let mut anchor_words: Vec<&str> = Vec::new();
        let mut masks = Vec::with_capacity(phrases.len());
        for parts in phrases {
            anchor_words.push(anchor_word(parts)?);
            let mut mask = 0u64;
            // Words of one or two letters ("it", "to") are everywhere: a phrase with a
            // longer word is looked for by its longer words alone.
            let long = parts.iter().any(|p| word_of(p).len() >= 3);
            for word in parts.iter().map(word_of).filter(|w| !long || w.len() >= 3) {
                if word.is_empty() || !word.is_ascii() {
                    return None;
                }
                let index = match words.iter().position(|w| *w == word) {
                    Some(i) => i,
                    None => {
                        words.push(word);
                        words.len() - 1
                    }
                };
                mask |= 1u64.checked_shl(u32::try_from(index).ok()?)?;
            }
            masks.push(mask);
        }
        let words = AhoCorasick::builder()
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(words)
            .ok()?;
        let anchor_words = Literals::new(&anchor_words, Preference::First).ok()?;
        Some(Anchors {
            anchor_words,
            words,
            phrases: masks,
        })
    }
}

/// How many first bytes of a stem key [`FirstWords::stem_lens_by_key`].
const STEM_KEY: usize = 3;

/// The first [`STEM_KEY`] bytes of `word`, when it has as many.
fn stem_key(word: &str) -> Option<[u8; STEM_KEY]> {
    word.as_bytes().get(..STEM_KEY)?.try_into().ok()
}

/// Where to look a word up: the phrases by their first word.
#[derive(Debug, Clone, Default)]
struct FirstWords {
    by_first: FxHashMap<String, Vec<usize>>,
    /// Phrases whose first word is a stem, by that stem.
    by_stem: FxHashMap<String, Vec<usize>>,
    /// The distinct byte lengths of the stems shorter than [`STEM_KEY`] bytes, shortest
    /// first.
    short_stem_lens: Vec<usize>,
    /// For the other stems, by their first [`STEM_KEY`] bytes: the distinct lengths of
    /// those that begin so, shortest first. A word is looked up by the stems that share
    /// its first bytes, not by every stem length.
    stem_lens_by_key: FxHashMap<[u8; STEM_KEY], Vec<usize>>,
    /// A cheap test before the hash look-ups: for each first byte, a bit for each byte
    /// length of the exact first words (bit 31 for 31 and more), or all bits when a stem
    /// begins with that byte.
    first_byte_lens: Vec<u32>,
    /// The prefilter of [`PhraseSet::may_occur`], made when first needed.
    anchors: std::sync::OnceLock<Option<Anchors>>,
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
                    match stem_key(&s) {
                        Some(key) => set.index.stem_lens_by_key.entry(key).or_default().push(s.len()),
                        None => set.index.short_stem_lens.push(s.len()),
                    }
                    set.index.by_stem.entry(s).or_default().push(id);
                }
            }
            set.most_words = set.most_words.max(parts.len());
            set.phrases.push(parts);
        }
        let index = &mut set.index;
        for lens in std::iter::once(&mut index.short_stem_lens).chain(index.stem_lens_by_key.values_mut()) {
            lens.sort_unstable();
            lens.dedup();
        }
        set
    }

    /// True when the list is empty.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// False when no phrase can occur in `text`, because for each phrase some word of
    /// it is nowhere in `text`, in any case: a test far cheaper than splitting `text`
    /// into words.
    pub fn may_occur(&self, text: &str) -> bool {
        self.may_occur_lowered(text, &text.to_ascii_lowercase())
    }

    /// [`PhraseSet::may_occur`] with `lower`, `text` lower-cased as ASCII, given: a
    /// document lower-cases its prose once for every check.
    pub fn may_occur_lowered(&self, text: &str, lower: &str) -> bool {
        if self.phrases.is_empty() {
            return false;
        }
        let Some(anchors) = self.index.anchors.get_or_init(|| Anchors::new(&self.phrases)) else {
            return true;
        };
        // Lower-cased as ASCII, the text is searched case-sensitively, which lets the
        // first search skip ahead with a vector prefilter.
        if !anchors.anchor_words.is_match(lower) {
            return has_ascii_lower_case_of_other(text);
        }
        anchors.all_words_of_a_phrase(lower) || has_ascii_lower_case_of_other(text)
    }

    /// [`PhraseSet::may_occur_lowered`] for each of `ranges` of `text` (in order and not
    /// overlapping), with `lower` the whole text lower-cased as ASCII.
    ///
    /// The anchor words are searched for once in the whole text, leftmost first and
    /// without overlaps, with a vector prefilter. A word that search passes over starts
    /// inside one it found, so a range holding an anchor word meets some word found; only
    /// those ranges are searched for every word.
    pub fn may_occur_in_each(&self, text: &str, lower: &str, ranges: &[Range<usize>]) -> Vec<bool> {
        let anchors = match self.index.anchors.get_or_init(|| Anchors::new(&self.phrases)) {
            Some(anchors) if !self.phrases.is_empty() && !has_ascii_lower_case_of_other(text) => anchors,
            _ => {
                return ranges
                    .iter()
                    .map(|r| self.may_occur_lowered(&text[r.clone()], &lower[r.clone()]))
                    .collect()
            }
        };
        let found: Vec<Range<usize>> = anchors
            .anchor_words
            .find_iter(lower)
            .map(|(found, _)| found)
            .collect();
        ranges
            .iter()
            .map(|range| {
                let first = found.partition_point(|m| m.end <= range.start);
                found.get(first).is_some_and(|m| m.start < range.end)
                    && anchors.all_words_of_a_phrase(&lower[range.clone()])
            })
            .collect()
    }

    /// Hand `each` the phrases whose first word fits `word` (exact first words, then
    /// stems shortest first), until it breaks. A loop rather than an iterator: it runs
    /// for every word of every sentence read, and the chained iterator cost several
    /// times as much.
    fn each_starting_with<B>(
        &self,
        word: &str,
        mut each: impl FnMut(usize) -> ControlFlow<B>,
    ) -> ControlFlow<B> {
        if !self.may_start(word) {
            return ControlFlow::Continue(());
        }
        for &id in self.index.by_first.get(word).into_iter().flatten() {
            each(id)?;
        }
        let keyed = stem_key(word).and_then(|key| self.index.stem_lens_by_key.get(&key));
        // Short stems first: every stem a word has is then met shortest first.
        for &len in self
            .index
            .short_stem_lens
            .iter()
            .chain(keyed.into_iter().flatten())
        {
            if len > word.len() {
                break;
            }
            if !word.is_char_boundary(len) {
                continue;
            }
            for &id in self.index.by_stem.get(&word[..len]).into_iter().flatten() {
                each(id)?;
            }
        }
        ControlFlow::Continue(())
    }

    /// True when `fits` holds for some phrase whose first word fits `word`.
    fn any_starting_with(&self, word: &str, mut fits: impl FnMut(usize) -> bool) -> bool {
        self.each_starting_with(word, |id| {
            if fits(id) {
                ControlFlow::Break(())
            } else {
                ControlFlow::Continue(())
            }
        })
        .is_break()
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
            let _ = self.each_starting_with(words.lower(i), |id| {
                if self.fits_at(id, words, i) {
                    out.push((i, self.phrases[id].len()));
                }
                ControlFlow::<()>::Continue(())
            });
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// True when any phrase occurs in `words`.
    pub fn any<W: LowerWords + ?Sized>(&self, words: &W) -> bool {
        !self.phrases.is_empty() && (0..words.count()).any(|i| self.occurs_at(words, i))
    }

    /// [`PhraseSet::any`] over the words of `range` of `text`, which are read only up to
    /// the first phrase found.
    pub fn any_in(&self, text: &str, range: Range<usize>) -> bool {
        if self.phrases.is_empty() {
            return false;
        }
        let mut list = WordList::with_room(range.len());
        // The first word not yet tested as the start of a phrase: a start is tested once
        // the words of the longest phrase have been read after it.
        let mut next = 0;
        let found = each_word_until(text, range, |word| {
            list.push_word(text, word);
            while next + self.most_words <= list.len() {
                if self.occurs_at(&list.all(text), next) {
                    return ControlFlow::Break(());
                }
                next += 1;
            }
            ControlFlow::Continue(())
        });
        found.is_break() || (next..list.len()).any(|i| self.occurs_at(&list.all(text), i))
    }

    /// True when some phrase occurs in `words` from word `i` on.
    fn occurs_at<W: LowerWords + ?Sized>(&self, words: &W, i: usize) -> bool {
        self.any_starting_with(words.lower(i), |id| self.fits_at(id, words, i))
    }

    /// True when `word` alone is one of the phrases.
    pub fn contains_word(&self, word: &str) -> bool {
        self.any_starting_with(word, |id| self.phrases[id].len() == 1)
    }
}

/// True when `text` holds one of the two non-ASCII characters whose lower case holds
/// ASCII letters (the Kelvin sign and the dotted capital I), which an ASCII
/// case-insensitive search cannot see.
fn has_ascii_lower_case_of_other(text: &str) -> bool {
    static OTHERS: LazyLock<RareChars> = LazyLock::new(|| RareChars::new(&['\u{212A}', '\u{130}']));
    OTHERS.in_text(text)
}

/// The words of stretches of text ([`super::capitalised::words`]) with their lower-case
/// forms, kept in one buffer rather than a string per word.
#[derive(Debug, Clone, Default)]
pub struct WordList {
    /// The lower-case forms that the text does not hold as they are.
    lower: String,
    words: Vec<ListedWord>,
}

/// A word of a [`WordList`].
#[derive(Debug, Clone)]
struct ListedWord {
    /// Its place in the text.
    at: Range<usize>,
    /// Its lower-case form's place in the list's `lower`; none when the word is its own
    /// lower-case form (ASCII without capitals, as most words are), read from the text.
    lower: Option<Range<usize>>,
}

impl WordList {
    /// The words of `range` in `text`.
    pub fn of(text: &str, range: Range<usize>) -> Self {
        let mut list = WordList::with_room(range.len());
        list.push_words(text, range);
        list
    }

    /// An empty list with room for the words of `bytes` bytes of text: words average
    /// more than four bytes with their spaces.
    fn with_room(bytes: usize) -> Self {
        WordList {
            lower: String::with_capacity(bytes),
            words: Vec::with_capacity(bytes / 4 + 1),
        }
    }

    /// Add the words of `range` in `text`.
    pub fn push_words(&mut self, text: &str, range: Range<usize>) {
        each_word(text, range, |r| self.push_word(text, r));
    }

    fn push_word(&mut self, text: &str, r: Range<usize>) {
        let word = &text[r.clone()];
        let start = self.lower.len();
        let lower = if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
            None
        } else {
            if word.is_ascii() {
                self.lower.push_str(word);
                self.lower[start..].make_ascii_lowercase();
            } else {
                self.lower.push_str(&word.to_lowercase());
            }
            Some(start..self.lower.len())
        };
        self.words.push(ListedWord { at: r, lower });
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// True when there are no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The words `range` (by index) as a list of their own, with `text` the text the
    /// list was made from.
    pub fn slice<'a>(&'a self, text: &'a str, range: Range<usize>) -> WordSlice<'a> {
        WordSlice {
            text,
            lower: &self.lower,
            words: &self.words[range],
        }
    }

    /// All the words, with `text` the text the list was made from.
    pub fn all<'a>(&'a self, text: &'a str) -> WordSlice<'a> {
        self.slice(text, 0..self.words.len())
    }
}

/// A run of consecutive words of a [`WordList`].
#[derive(Debug, Clone, Copy)]
pub struct WordSlice<'a> {
    text: &'a str,
    lower: &'a str,
    words: &'a [ListedWord],
}

impl<'a> WordSlice<'a> {
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
        self.words[i].at.clone()
    }

    /// Where every word is in the text.
    pub fn ranges(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        self.words.iter().map(|w| w.at.clone())
    }

    /// The lower-case form of word `i`.
    pub fn word(&self, i: usize) -> &'a str {
        let word = &self.words[i];
        match &word.lower {
            Some(lower) => &self.lower[lower.clone()],
            None => &self.text[word.at.clone()],
        }
    }
}

impl LowerWords for WordSlice<'_> {
    fn count(&self) -> usize {
        self.words.len()
    }

    fn lower(&self, i: usize) -> &str {
        self.word(i)
    }
}

/// The words of every sentence of a document, each sentence's built the first time a
/// check asks for it: most checks read only the few sentences a cheap test picked.
#[derive(Debug, Default)]
pub struct SentenceWords {
    sentences: Vec<Range<usize>>,
    built: Vec<std::sync::OnceLock<WordList>>,
}

impl SentenceWords {
    /// The words of each of `sentences`, to be built when asked for.
    pub fn new(sentences: &[Range<usize>]) -> Self {
        SentenceWords {
            sentences: sentences.to_vec(),
            built: (0..sentences.len()).map(|_| std::sync::OnceLock::new()).collect(),
        }
    }

    /// The words of sentence `k` of `text`, the text the sentences were split from
    /// (none past the last sentence).
    pub fn sentence<'a>(&'a self, text: &'a str, k: usize) -> WordSlice<'a> {
        match (self.built.get(k), self.sentences.get(k)) {
            (Some(cell), Some(range)) => cell.get_or_init(|| WordList::of(text, range.clone())).all(text),
            _ => WordSlice {
                text: "",
                lower: "",
                words: &[],
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lower-case words of `range` in `text`, with their places, a string for each: the
    /// plain reading that [`WordList`] must match.
    fn lower_words(text: &str, range: Range<usize>) -> Vec<(Range<usize>, String)> {
        crate::text::capitalised::words(text, range)
            .map(|r| {
                let w = text[r.clone()].to_lowercase();
                (r, w)
            })
            .collect()
    }

    impl LowerWords for Vec<(Range<usize>, String)> {
        fn count(&self) -> usize {
            self.len()
        }

        fn lower(&self, i: usize) -> &str {
            &self[i].1
        }
    }

    fn list(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_word_starts_the_phrases_whose_first_word_fits_it_shortest_stem_first() {
        let phrases = [
            "s*", "sa*", "say*", "sayi*", "said", "é*", "éc*", "écr*", "écrit*", "t* x", "tell*", "told",
        ];
        let set = PhraseSet::new(&list(&phrases));
        for word in [
            "s", "sa", "say", "saying", "said", "sayings", "é", "écrire", "écrit", "tell", "t", "x", "",
        ] {
            let mut got = Vec::new();
            let _ = set.each_starting_with(word, |id| {
                got.push(id);
                ControlFlow::<()>::Continue(())
            });
            let stem_len = |id: &usize| match &set.phrases[*id][0] {
                Part::Exact(_) => 0,
                Part::Stem(stem) => stem.len(),
            };
            let mut expected: Vec<usize> = (0..phrases.len())
                .filter(|&id| set.phrases[id][0].fits(word))
                .collect();
            expected.sort_by_key(stem_len);
            assert_eq!(got, expected, "{word}");
        }
    }

    #[test]
    fn a_phrase_is_anchored_by_the_first_of_its_longest_words() {
        let parts = |phrase: &str| phrase.split_whitespace().map(Part::parse).collect::<Vec<_>>();
        assert_eq!(anchor_word(&parts("some have said")), Some("some"));
        assert_eq!(anchor_word(&parts("rumours suggest")), Some("rumours"));
        assert_eq!(anchor_word(&parts("many believe")), Some("believe"));
        assert_eq!(anchor_word(&parts("explain* it")), Some("explain"));
        assert_eq!(anchor_word(&[]), None);
    }

    #[test]
    fn ranges_tested_together_get_what_each_gets_alone() {
        let set = PhraseSet::new(&list(&[
            "reports suggest",
            "sources say",
            "some say",
            "it is understood",
        ]));
        // Longest words that overlap ("sourcesome", "reportsuggest") or are cut by a range's
        // end, a word found only inside another, and upper case.
        let text = "Sourcesome SAY, reportsuggest; it is understood. Nothing, Some\nsay sources say so";
        let lower = text.to_ascii_lowercase();
        let cuts: Vec<usize> = (0..=text.len()).collect();
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b > a) {
                let alone = set.may_occur_lowered(&text[a..b], &lower[a..b]);
                let range = a..b;
                let one = std::slice::from_ref(&range);
                assert_eq!(set.may_occur_in_each(text, &lower, one), [alone], "{a}..{b}");
            }
        }
        let mut sentences = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices([',', ';', '.', '\n']) {
            sentences.push(start..i + 1);
            start = i + 1;
        }
        sentences.push(start..text.len());
        let alone: Vec<bool> = sentences
            .iter()
            .map(|r| set.may_occur_lowered(&text[r.clone()], &lower[r.clone()]))
            .collect();
        assert_eq!(set.may_occur_in_each(text, &lower, &sentences), alone);
        assert!(alone.contains(&true) && alone.contains(&false));
        // The Kelvin sign is a `k` to a case-insensitive search: every range is tested alone.
        let kelvin = "w\u{212A} and some say so";
        let kelvin_lower = kelvin.to_ascii_lowercase();
        assert_eq!(
            set.may_occur_in_each(kelvin, &kelvin_lower, &[0..4, 4..kelvin.len()]),
            [true, true]
        );
    }

    #[test]
    fn reading_words_up_to_the_first_phrase_finds_what_reading_them_all_finds() {
        let set = PhraseSet::new(&list(&[
            "according to the",
            "said",
            "told*",
            "in a statement",
            "o'brien says",
        ]));
        // Phrases at the very start and end, cut by a range's ends, overlapping ("in a
        // in a statement"), after an apostrophe and after non-ASCII letters.
        let text = "Said Ana. Ésta told; in a in a statement, according to\nthe O'Brien says according to";
        let cuts: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        let mut seen = [false, false];
        for &a in &cuts {
            for &b in cuts.iter().filter(|&&b| b >= a) {
                let all = set.any(&WordList::of(text, a..b).all(text));
                assert_eq!(set.any_in(text, a..b), all, "{a}..{b}");
                seen[usize::from(all)] = true;
            }
        }
        assert_eq!(seen, [true, true]);
        assert!(!PhraseSet::new(&[]).any_in(text, 0..text.len()));
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
        let all = words.all(text);
        assert_eq!(set.find(&all), [(0, 1), (1, 1), (3, 2), (5, 1)]);
        assert!(set.any(&all));
        assert!(!set.contains_word("warning") && set.contains_word("sun"));
        assert!(!PhraseSet::new(&list(&["warn* of"])).any(&WordList::of("warned", 0..6).all("warned")));
    }

    #[test]
    fn word_list_matches_lower_words() {
        let text = "O'Brien SAID Zelensky's ΣΟΦΟΣ plan, İstanbul-based KELVIN";
        let reference = lower_words(text, 0..text.len());
        let list = WordList::of(text, 0..text.len());
        let all = list.all(text);
        assert_eq!(all.len(), reference.len());
        for (i, (range, lower)) in reference.iter().enumerate() {
            assert_eq!((all.range(i), all.lower(i)), (range.clone(), lower.as_str()));
        }
    }

    #[test]
    fn sentence_words_split_by_sentence() {
        let text = "Critics say no. She said yes.";
        let sentences = crate::text::sentences::split(text);
        let words = SentenceWords::new(&sentences);
        assert_eq!(words.sentence(text, 1).lower(1), "said");
        assert_eq!(words.sentence(text, 0).len(), 3);
        assert!(words.sentence(text, 2).is_empty());
    }
}
