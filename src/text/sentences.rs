//! Sentence splitting that knows the abbreviations of news copy.

use std::ops::Range;
use std::sync::LazyLock;

/// Abbreviations after which a full stop never ends a sentence.
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm",
    "rev", "hon", "st", "mt", "ft", "fr", "pres", "supt", "insp", "det", "cpl", "maj", "brig", "e.g", "i.e",
    "cf", "vs", "approx", "dept", "est", "fig", "vol", "ch",
];

/// Abbreviations that do not end a sentence when a number follows ("No. 10", "Jan. 5").
const BEFORE_NUMBER: &[&str] = &[
    "no", "nos", "p", "pp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "art", "sec", "para", "ex", "op",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '.', '!', '?', '…'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '«', '(', '[', '„', '¿', '¡'];

/// Split every paragraph of `text` into sentence ranges (trimmed of whitespace).
pub fn split_paragraphs(text: &str, paragraphs: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for p in paragraphs {
        split_into(text, p.clone(), &mut out);
    }
    out
}

/// Split one paragraph into sentence ranges.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    split_into(text, 0..text.len(), &mut out);
    out
}

fn split_into(text: &str, paragraph: Range<usize>, out: &mut Vec<Range<usize>>) {
    let body = &text[paragraph.clone()];
    let base = paragraph.start;
    let mut start = 0;
    let mut at = 0;
    let mut ellipses = Ellipses::new(body);
    while let Some((i, c)) = next_terminator(body, at, &mut ellipses) {
        let mut end = i + c.len_utf8();
        while let Some(d) = body[end..].chars().next().filter(|d| CLOSERS.contains(d)) {
            end += d.len_utf8();
        }
        if is_boundary(body, i, c, end) {
            push_trimmed(body, base, start..end, out);
            start = end;
        }
        at = end;
    }
    push_trimmed(body, base, start..body.len(), out);
}

/// The places of '…' in a paragraph, looked up only as far as the search has gone:
/// most paragraphs have none, and one search of the whole paragraph says so.
struct Ellipses<'a> {
    body: &'a [u8],
    /// The first '…' at or after the last place asked about.
    next: Option<usize>,
}

/// The search for '…', built once.
static ELLIPSIS: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("…".as_bytes()));

impl<'a> Ellipses<'a> {
    fn new(body: &'a str) -> Self {
        let body = body.as_bytes();
        Ellipses {
            body,
            next: ELLIPSIS.find(body),
        }
    }

    /// The first '…' at or after byte `from`.
    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        match self.next {
            Some(i) if i < from => {
                self.next = ELLIPSIS.find(&self.body[from..]).map(|j| from + j);
                self.next
            }
            next => next,
        }
    }
}

/// The first sentence terminator ('.', '!', '?' or '…') at or after byte `from`: the
/// ASCII ones by a vector search, '…' from `ellipses`.
fn next_terminator(body: &str, from: usize, ellipses: &mut Ellipses<'_>) -> Option<(usize, char)> {
    let rest = body.as_bytes().get(from..)?;
    let ascii = memchr::memchr3(b'.', b'!', b'?', rest).map(|i| from + i);
    match (ellipses.at_or_after(from), ascii) {
        (Some(e), Some(a)) if e < a => Some((e, '…')),
        (Some(e), None) => Some((e, '…')),
        (_, Some(a)) => Some((a, char::from(body.as_bytes()[a]))),
        (None, None) => None,
    }
}

fn push_trimmed(body: &str, base: usize, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let trimmed = super::trim_range(body, range);
    if !trimmed.is_empty() {
        out.push(base + trimmed.start..base + trimmed.end);
    }
}

/// Does the terminator `c` at `at`, with closers up to `end`, end a sentence?
fn is_boundary(body: &str, at: usize, c: char, end: usize) -> bool {
    let rest = &body[end..];
    let after_space = rest.trim_start();
    if after_space.is_empty() {
        return true;
    }
    if after_space.len() == rest.len() {
        return false; // no whitespace after: "3.5", "U.S.-led", "Yahoo!'s"
    }
    let next = after_space.chars().next().unwrap_or(' ');
    let starts_sentence = next.is_uppercase() || next.is_ascii_digit() || OPENERS.contains(&next);
    if !starts_sentence {
        return false;
    }
    if c != '.' {
        return true;
    }
    let word = word_before(body, at);
    if is_listed(&NEVER_FINAL_KEYS, word) || is_initialism(word) {
        return false;
    }
    !(next.is_ascii_digit() && is_listed(&BEFORE_NUMBER_KEYS, word))
}

/// [`NEVER_FINAL`] and [`BEFORE_NUMBER`] as sorted [`short_key`]s.
static NEVER_FINAL_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| sorted_keys(NEVER_FINAL));
static BEFORE_NUMBER_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| sorted_keys(BEFORE_NUMBER));

fn sorted_keys(abbreviations: &[&str]) -> Vec<u64> {
    let mut keys: Vec<u64> = abbreviations.iter().filter_map(|a| short_key(a)).collect();
    keys.sort_unstable();
    keys
}

/// A word of at most seven ASCII bytes, lower-cased, with its length, in one integer:
/// two such words are equal in any ASCII case exactly when their keys are.
fn short_key(word: &str) -> Option<u64> {
    if word.len() > 7 || !word.is_ascii() {
        return None;
    }
    let mut key = [0u8; 8];
    for (k, b) in key.iter_mut().zip(word.bytes()) {
        *k = b.to_ascii_lowercase();
    }
    key[7] = word.len() as u8;
    Some(u64::from_le_bytes(key))
}

/// True when `word`, in any case, is one of the lower-case ASCII abbreviations whose
/// keys are `sorted_keys` (each of at most seven bytes). The only non-ASCII letter that
/// lower-cases to ASCII is the Kelvin sign (to "k"), and no abbreviation has a "k", so
/// leaving out words that are not ASCII is exact.
fn is_listed(sorted_keys: &[u64], word: &str) -> bool {
    short_key(word).is_some_and(|key| sorted_keys.binary_search(&key).is_ok())
}

/// The word that ends at byte `at` (letters and inner full stops). ASCII bytes are read
/// one by one; from the first other byte back, characters are.
fn word_before(body: &str, at: usize) -> &str {
    let head = &body[..at];
    let bytes = head.as_bytes();
    let mut start = at;
    while start > 0 {
        let b = bytes[start - 1];
        if !b.is_ascii() {
            start = head[..start]
                .char_indices()
                .rev()
                .find(|&(_, ch)| !(ch.is_alphabetic() || ch == '.'))
                .map_or(0, |(i, ch)| i + ch.len_utf8());
            break;
        }
        if !(b.is_ascii_alphabetic() || b == b'.') {
            break;
        }
        start -= 1;
    }
    &head[start..]
}

/// A single capital ("J.") or letters joined by full stops ("U.S", "a.m").
fn is_initialism(word: &str) -> bool {
    if !word.as_bytes().contains(&b'.') {
        // One part, as most words before a full stop are: only a single capital is one.
        let mut chars = word.chars();
        return matches!((chars.next(), chars.next()), (Some(ch), None) if ch.is_alphabetic() && ch.is_uppercase());
    }
    let mut letters = 0;
    for part in word.split('.') {
        let mut chars = part.chars();
        match (chars.next(), chars.next()) {
            (Some(ch), None) if ch.is_alphabetic() => letters += 1,
            _ => return false,
        }
    }
    letters > 1 || word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            sentences("One here. Two there! Three? Four."),
            ["One here.", "Two there!", "Three?", "Four."]
        );
    }

    #[test]
    fn an_ellipsis_ends_a_sentence_wherever_it_falls() {
        assert_eq!(
            sentences("He paused… Then he left. It was… odd. Was it?… No. “Well…” Done…"),
            [
                "He paused…",
                "Then he left.",
                "It was… odd.",
                "Was it?…",
                "No.",
                "“Well…”",
                "Done…"
            ]
        );
        assert_eq!(sentences("No stops at all here…"), ["No stops at all here…"]);
        assert_eq!(
            sentences("Only. Full stops. Here."),
            ["Only.", "Full stops.", "Here."]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sentences("Dr. Smith met the U.S. President at No. 10 Downing Street. He left."),
            [
                "Dr. Smith met the U.S. President at No. 10 Downing Street.",
                "He left."
            ]
        );
    }

    #[test]
    fn decimals_and_initials() {
        assert_eq!(
            sentences("Growth was 3.5 per cent, said J. K. Rowling. Prices rose."),
            ["Growth was 3.5 per cent, said J. K. Rowling.", "Prices rose."]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said “it was good.” Then he left."),
            ["He said “it was good.”", "Then he left."]
        );
    }

    #[test]
    fn lower_case_after_full_stop_continues() {
        assert_eq!(
            sentences("It cost approx. ten dollars."),
            ["It cost approx. ten dollars."]
        );
        assert_eq!(sentences("See e.g. the report."), ["See e.g. the report."]);
    }

    #[test]
    fn no_terminator_is_one_sentence() {
        assert_eq!(
            sentences("  Discover more from LN247  "),
            ["Discover more from LN247"]
        );
        assert!(sentences("   ").is_empty());
    }

    #[test]
    fn abbreviations_match_in_any_case() {
        assert!(NEVER_FINAL.iter().chain(BEFORE_NUMBER).all(|a| !a.contains('k')));
        for (list, keys) in [
            (NEVER_FINAL, &*NEVER_FINAL_KEYS),
            (BEFORE_NUMBER, &*BEFORE_NUMBER_KEYS),
        ] {
            assert_eq!(keys.len(), list.len(), "every abbreviation fits in a key");
            for a in list {
                assert!(is_listed(keys, a) && is_listed(keys, &a.to_uppercase()), "{a}");
                assert!(!is_listed(keys, &format!("{a}x")), "{a}");
                assert_eq!(is_listed(keys, &a[1..]), list.contains(&&a[1..]), "{a}");
            }
        }
        assert!(!is_listed(&NEVER_FINAL_KEYS, "mr\0") && !is_listed(&NEVER_FINAL_KEYS, "approxim"));
        assert_eq!(
            sentences("PROF. Ng and Fig. 3 agree."),
            ["PROF. Ng and Fig. 3 agree."]
        );
        assert_eq!(
            sentences("Wait… Then “go!” Done… ok? Fine."),
            ["Wait…", "Then “go!”", "Done… ok?", "Fine."]
        );
    }

    #[test]
    fn words_before_full_stops_read_by_bytes_as_by_characters() {
        fn by_chars(body: &str, at: usize) -> &str {
            let head = &body[..at];
            let start = head
                .char_indices()
                .rev()
                .find(|&(_, ch)| !(ch.is_alphabetic() || ch == '.'))
                .map_or(0, |(i, ch)| i + ch.len_utf8());
            &head[start..]
        }
        for body in [
            "said Mr.",
            "Ms.",
            "the U.S.",
            "in Zürich.",
            "São Paulo.",
            "“Über.",
            "a café.",
            "x—y.",
            "ΑΘΗΝΑ.",
            "3.5.",
            ".",
        ] {
            let at = body.len() - 1;
            assert_eq!(word_before(body, at), by_chars(body, at), "{body}");
        }
    }

    #[test]
    fn initialisms_without_full_stops_are_single_capitals() {
        for (word, expected) in [
            ("J", true),
            ("Ö", true),
            ("j", false),
            ("JK", false),
            ("", false),
            ("7", false),
            ("U.S", true),
            ("a.m", true),
            ("J.", false),
            ("Mr.J", false),
        ] {
            assert_eq!(is_initialism(word), expected, "{word}");
        }
    }

    #[test]
    fn number_after_no_but_not_after_ordinary_word() {
        assert_eq!(
            sentences("He was No. 1 in the poll."),
            ["He was No. 1 in the poll."]
        );
        assert_eq!(
            sentences("It ended. 2025 was hard."),
            ["It ended.", "2025 was hard."]
        );
    }
}
