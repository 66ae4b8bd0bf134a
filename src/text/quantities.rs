//! Quantities in prose: numbers with their scale, unit, qualifier and counted noun,
//! widened into an interval when the text hedges ("about", "more than", "300-400").
//!
//! Years used as dates, ordinals, times, phone numbers, "No. 10" and model names
//! ("Boeing 737") are not quantities.

use std::ops::Range;
use std::sync::LazyLock;

use super::literals::{Literals, Preference};
use super::scan::{next_stop, Stops};

/// What a quantity measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unit {
    /// Money in a currency (ISO code: USD, EUR, GBP, JPY).
    Money(&'static str),
    /// A percentage.
    Percent,
    /// A person's age in years.
    Age,
    /// A span of time, in the unit written ("days", "years").
    Duration(String),
    /// A number of things; the noun counted, when it follows.
    Count(Option<String>),
}

/// How the text hedges a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    /// "about", "around", "some", "roughly": within 10% either way.
    About,
    /// "nearly", "almost", "just under": up to 10% below.
    Nearly,
    /// "more than", "over", "at least": the value or more.
    AtLeast,
    /// "up to", "less than", "under", "fewer than", "at most": the value or less.
    AtMost,
}

/// One quantity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// The whole mention (qualifier, currency and scale included), in prose offsets.
    pub range: Range<usize>,
    /// The value as written, scale applied.
    pub value: f64,
    /// Lowest value the text allows.
    pub low: f64,
    /// Highest value the text allows.
    pub high: f64,
    /// What it measures.
    pub unit: Unit,
    /// The hedge, if any.
    pub qualifier: Option<Qualifier>,
}

impl Quantity {
    /// True when the two intervals share a value.
    pub fn overlaps(&self, other: &Quantity) -> bool {
        self.low <= other.high && other.low <= self.high
    }
}

/// Number words written as one word.
const NUMBER_WORDS: &[(&str, f64)] = &[
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("thousand", 1000.0),
];

/// Finds the number words, the longest at each place, in text lower-cased as ASCII (so
/// in any ASCII case in the original; a case-sensitive search can skip ahead with a
/// vector search).
static NUMBER_WORD_FINDER: LazyLock<Literals> = LazyLock::new(|| {
    let words: Vec<&str> = NUMBER_WORDS.iter().map(|(w, _)| *w).collect();
    Literals::new(&words, Preference::Longest).unwrap_or_else(|e| panic!("number words: {e}"))
});

const SCALES: &[(&str, f64)] = &[
    ("trillion", 1e12),
    ("billion", 1e9),
    ("million", 1e6),
    ("thousand", 1e3),
    ("tn", 1e12),
    ("bn", 1e9),
    ("m", 1e6),
    ("k", 1e3),
];

const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
];
const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("dollars", "USD"),
    ("dollar", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("pounds", "GBP"),
    ("pound", "GBP"),
    ("yen", "JPY"),
];
const DURATIONS: &[&str] = &[
    "seconds", "minutes", "hours", "days", "weeks", "months", "years", "decades",
];
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("over", Qualifier::AtLeast),
    ("upwards of", Qualifier::AtLeast),
    ("up to", Qualifier::AtMost),
    ("less than", Qualifier::AtMost),
    ("fewer than", Qualifier::AtMost),
    ("under", Qualifier::AtMost),
    ("at most", Qualifier::AtMost),
    ("nearly", Qualifier::Nearly),
    ("almost", Qualifier::Nearly),
    ("just under", Qualifier::Nearly),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("some", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("an estimated", Qualifier::About),
    ("almost", Qualifier::Nearly),
];
/// Words after which a number names a thing, not an amount ("No. 10", "Flight 370").
const NAMING_WORDS: &[&str] = &[
    "no", "no.", "number", "flight", "route", "room", "page", "chapter", "article", "section",
];
/// Nouns that follow a number but are not what it counts.
const NOT_NOUNS: &[&str] = &[
    "per",
    "percent",
    "of",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "a",
    "an",
    "the",
    "from",
    "for",
    "by",
    "with",
    "as",
    "than",
    "was",
    "were",
    "is",
    "are",
    "has",
    "had",
    "will",
    "said",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Every quantity in `text` within `range` (a sentence, say).
pub fn quantities(text: &str, range: Range<usize>) -> Vec<Quantity> {
    let hits = number_words(&text[range.clone()].to_ascii_lowercase());
    quantities_with(text, range, &hits)
}

/// A number word found: its place and its index in the list of number words.
pub type NumberWord = (Range<usize>, usize);

/// The number words of `lower` (text lower-cased as ASCII), leftmost and longest first,
/// whether or not they stand as words.
pub fn number_words(lower: &str) -> Vec<NumberWord> {
    NUMBER_WORD_FINDER.find_iter(lower).collect()
}

/// The quantities of each of `sentences` of `text`, with `lower` the text lower-cased as
/// ASCII: the number words are searched for once, in the whole text. A sentence that a
/// number word found runs into is searched on its own, so each sentence gets what a
/// search of it alone finds.
pub fn sentence_quantities(text: &str, lower: &str, sentences: &[Range<usize>]) -> Vec<Vec<Quantity>> {
    let hits = number_words(lower);
    sentences
        .iter()
        .map(|sentence| {
            let first = hits.partition_point(|(r, _)| r.end <= sentence.start);
            let mut own = Vec::new();
            for (r, pattern) in hits[first..].iter().take_while(|(r, _)| r.start < sentence.end) {
                if r.start < sentence.start || r.end > sentence.end {
                    return quantities_with(text, sentence.clone(), &number_words(&lower[sentence.clone()]));
                }
                own.push((r.start - sentence.start..r.end - sentence.start, *pattern));
            }
            quantities_with(text, sentence.clone(), &own)
        })
        .collect()
}

/// [`quantities`] with the number words of `range`, relative to its start, given.
fn quantities_with(text: &str, range: Range<usize>, number_words: &[NumberWord]) -> Vec<Quantity> {
    let hay = &text[..range.end];
    let bytes = hay.as_bytes();
    let mut out = Vec::new();
    let mut at = range.start;
    let digits = Stops {
        digits: true,
        ..Stops::default()
    };
    loop {
        let start = next_stop(bytes, at, digits);
        if start >= bytes.len() {
            break;
        }
        let num_end = number_end(bytes, start);
        let to = range_end(bytes, num_end);
        let end = to.map_or(num_end, |(_, to_end)| to_end);
        at = end;
        let to = to.map(|(to_start, to_end)| &hay[to_start..to_end]);
        if let Some(q) = read(hay, start, end, &hay[start..num_end], to) {
            out.push(q);
        }
    }
    out.extend(word_numbers(hay, number_words, range));
    out.sort_by_key(|q| q.range.start);
    out
}

/// Where the number written in digits at `start` ends: "1,234,567.89" (groups of three
/// after a comma) or "1234.5".
fn number_end(bytes: &[u8], start: usize) -> usize {
    let digits_from = |i: usize| {
        bytes
            .get(i..)
            .map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let group_at = |i: usize| bytes.get(i) == Some(&b',') && digits_from(i + 1) >= 3;
    let mut end = start + digits_from(start);
    if end - start <= 3 && group_at(end) {
        while group_at(end) {
            end += 4;
        }
    }
    if bytes.get(end) == Some(&b'.') && digits_from(end + 1) > 0 {
        end += 1 + digits_from(end + 1);
    }
    end
}

/// The second number of a range that starts at `from`, just after a first number
/// ("5-7", "5 – 7", "5 to 7"): where it starts and ends.
fn range_end(bytes: &[u8], from: usize) -> Option<(usize, usize)> {
    let blanks = |i: usize| {
        i + bytes[i..]
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count()
    };
    let rest = &bytes[blanks(from)..];
    let dash = ["-", "–", "to"].iter().find(|d| rest.starts_with(d.as_bytes()))?;
    let start = blanks(bytes.len() - rest.len() + dash.len());
    bytes
        .get(start)
        .is_some_and(u8::is_ascii_digit)
        .then(|| (start, number_end(bytes, start)))
}
fn parse(number: &str) -> Option<f64> {
    if number.contains(',') {
        number.replace(',', "").parse().ok()
    } else {
        number.parse().ok()
    }
}

fn read(hay: &str, start: usize, end: usize, num: &str, to: Option<&str>) -> Option<Quantity> {
    let before = &hay[..start];
    let after = &hay[end..];
    if not_a_quantity(before, after, num, to.is_some()) {
        return None;
    }
    let mut value = parse(num)?;
    let mut upper = to.and_then(parse);
    let mut end = end;
    let mut start = start;
    // Scale: "5bn", "1.2 million".
    let next = NextWord::after(&hay[end..]);
    if let Some((word, factor)) = SCALES.iter().find(|(w, _)| next.is(w, w.len() > 2)) {
        end += next.skip + word.len();
        value *= factor;
        upper = upper.map(|u| u * factor);
    }
    // Currency before or after.
    let mut unit = None;
    if let Some((sign, code)) = CURRENCY_BEFORE.iter().find(|(s, _)| before.ends_with(s)) {
        start -= sign.len();
        unit = Some(Unit::Money(code));
    }
    let rest = &hay[end..];
    if unit.is_none() {
        let next = NextWord::after(rest);
        if let Some((word, code)) = CURRENCY_AFTER.iter().find(|(w, _)| next.is(w, true)) {
            end += next.skip + word.len();
            unit = Some(Unit::Money(code));
        }
    }
    let rest = &hay[end..];
    if unit.is_none() {
        unit = percent(rest, &mut end)
            .or_else(|| age(before, rest, &mut end))
            .or_else(|| duration(rest))
            .or_else(|| Some(Unit::Count(counted_noun(rest))));
    }
    let (low, high) = match upper {
        Some(u) => (value.min(u), value.max(u)),
        None => (value, value),
    };
    let mut q = Quantity {
        range: start..end,
        value,
        low,
        high,
        unit: unit.unwrap_or(Unit::Count(None)),
        qualifier: None,
    };
    qualify(hay, &mut q);
    Some(q)
}

/// Years, ordinals, times, phone numbers, named numbers and model names.
fn not_a_quantity(before: &str, after: &str, num: &str, ranged: bool) -> bool {
    let prev_char = before.chars().next_back();
    let next_char = after.chars().next();
    let glued = prev_char.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/' | ':' | '.' | ','))
        || next_char.is_some_and(|c| {
            c.is_alphabetic()
                && !after.starts_with(['m', 'k'])
                && !after.starts_with("bn")
                && !after.starts_with("tn")
        })
        || after.starts_with(':')
        || after.starts_with('/');
    let ordinal = ["st ", "nd ", "rd ", "th "].iter().any(|s| after.starts_with(s));
    // "a 30-second speech", "a 10-day event": a compound adjective, not an amount.
    let compound = after.starts_with('-')
        && after[1..].starts_with(|c: char| c.is_alphabetic())
        && !after.starts_with("-year-old")
        && !after.starts_with("-years-old");
    let year = !ranged
        && num.len() == 4
        && !num.contains([',', '.'])
        && matches!(num.parse::<u32>(), Ok(1800..=2100))
        && !before.trim_end().ends_with(['$', '€', '£', '¥']);
    let written = before.split_whitespace().next_back().unwrap_or_default();
    // The naming words are ASCII and have no "k": only ASCII lower-cases to them.
    let named = NAMING_WORDS.iter().any(|w| written.eq_ignore_ascii_case(w))
        || written.chars().next().is_some_and(char::is_uppercase)
            && written.chars().all(char::is_alphabetic)
            && before.ends_with(' ')
            && !crate::names::words::is_english_word(written);
    // Digit groups side by side, or a leading zero: phone numbers and codes.
    let digit_group = |w: &str| w.len() >= 2 && w.chars().all(|c| c.is_ascii_digit());
    let phone = (after.starts_with(' ')
        && after[1..].starts_with(|c: char| c.is_ascii_digit())
        && num.len() >= 3
        && !num.contains(','))
        || digit_group(written)
        || (num.len() > 1 && num.starts_with('0') && !num.starts_with("0."));
    (glued && !ordinal && !(prev_char == Some('-') && before.ends_with(" -")))
        || ordinal
        || year
        || named
        || phone
        || compound
}

/// The word that `rest` begins with, after any whitespace: its run of letters and digits.
struct NextWord<'a> {
    /// The bytes of whitespace before it.
    skip: usize,
    word: &'a str,
}

impl<'a> NextWord<'a> {
    fn after(rest: &'a str) -> Self {
        let trimmed = rest.trim_start();
        let len = trimmed
            .char_indices()
            .find(|(_, c)| !c.is_alphanumeric())
            .map_or(trimmed.len(), |(i, _)| i);
        NextWord {
            skip: rest.len() - trimmed.len(),
            word: &trimmed[..len],
        }
    }

    /// True when the word is `word` (letters and digits), in any ASCII case, and it is
    /// glued to what came before or `spaced_ok`: what [`followed_by_word`] says, with the
    /// word read once for every `word` asked about.
    fn is(&self, word: &str, spaced_ok: bool) -> bool {
        (spaced_ok || self.skip == 0) && self.word.eq_ignore_ascii_case(word)
    }
}

fn followed_by_word(rest: &str, word: &str, spaced_ok: bool) -> bool {
    let trimmed = rest.trim_start();
    if !spaced_ok && trimmed.len() != rest.len() {
        return false;
    }
    trimmed
        .get(..word.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(word))
        && !trimmed[word.len()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

fn percent(rest: &str, end: &mut usize) -> Option<Unit> {
    if rest.starts_with('%') {
        *end += 1;
        return Some(Unit::Percent);
    }
    for word in ["per cent", "percent"] {
        if followed_by_word(rest, word, true) {
            *end += rest.len() - rest.trim_start().len() + word.len();
            return Some(Unit::Percent);
        }
    }
    None
}

fn age(before: &str, rest: &str, end: &mut usize) -> Option<Unit> {
    for suffix in ["-year-old", " year-old", "-years-old"] {
        if rest.starts_with(suffix) {
            *end += suffix.len();
            return Some(Unit::Age);
        }
    }
    // "Name, 65, said": a number between commas after a capitalised word.
    let name_before = before
        .strip_suffix(", ")
        .and_then(|b| b.split_whitespace().next_back());
    let is_name = name_before.is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    (is_name && rest.starts_with(',')).then_some(Unit::Age)
}

fn duration(rest: &str) -> Option<Unit> {
    let word = rest.trim_start().split(|c: char| !c.is_alphabetic()).next()?;
    let known = match word.strip_suffix('s') {
        Some(_) => DURATIONS.contains(&word),
        None => DURATIONS.iter().any(|d| d.strip_suffix('s') == Some(word)),
    };
    known.then(|| {
        let mut plural = word.to_owned();
        if !plural.ends_with('s') {
            plural.push('s');
        }
        Unit::Duration(plural)
    })
}

/// The word after a number, lower-cased, when it can be what the number counts.
fn counted_noun(rest: &str) -> Option<String> {
    let word = rest
        .split_whitespace()
        .next()?
        .trim_matches(|c: char| !c.is_alphanumeric());
    // An ASCII word is tested before it is copied: most words after a number are not
    // nouns ("per", "of", "in").
    if word.is_ascii() {
        let noun = !word.is_empty()
            && word.bytes().all(|b| b.is_ascii_alphabetic())
            && !NOT_NOUNS.iter().any(|n| word.eq_ignore_ascii_case(n));
        return noun.then(|| word.to_ascii_lowercase());
    }
    let first = word.to_lowercase();
    if NOT_NOUNS.contains(&first.as_str()) || !first.chars().all(char::is_alphabetic) {
        return None;
    }
    Some(first)
}

/// Widen the value by the hedge written just before it.
fn qualify(hay: &str, q: &mut Quantity) {
    let before = hay[..q.range.start].trim_end();
    // The qualifiers are lower-case ASCII: one that ends otherwise than `before` is no match.
    let last = before.as_bytes().last().map(u8::to_ascii_lowercase);
    let Some((word, kind)) = QUALIFIERS.iter().find(|(w, _)| {
        let cut = before.len().saturating_sub(w.len());
        w.as_bytes().last().copied() == last
            && before.get(cut..).is_some_and(|tail| tail.eq_ignore_ascii_case(w))
            && !before[..cut]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    }) else {
        return;
    };
    q.range.start = before.len() - word.len();
    q.qualifier = Some(*kind);
    match kind {
        Qualifier::About => {
            q.low *= 0.9;
            q.high *= 1.1;
        }
        Qualifier::Nearly => q.low *= 0.9,
        Qualifier::AtLeast => q.high = f64::INFINITY,
        Qualifier::AtMost => q.low = 0.0,
    }
}

/// Number words: "three countries", "a dozen homes", "twenty-five people".
/// `found` are the number words of `range`, relative to its start.
fn word_numbers(hay: &str, found: &[NumberWord], range: Range<usize>) -> Vec<Quantity> {
    let mut out = Vec::new();
    let base = range.start;
    let hay = &hay[range];
    // Where the last quantity found ends: words before it are part of it.
    let mut at = 0;
    for (place, pattern) in found {
        let (start, found_end, pattern) = (place.start, place.end, *pattern);
        // "a dozen": the word "a" right before "dozen" counts twelve.
        if NUMBER_WORDS[pattern].0 == "dozen"
            && start >= 2
            && start - 2 >= at
            && starts_with_ignore_case(&hay[start - 2..], "a ")
            && !after_word_or_hyphen(hay, start - 2)
        {
            if let Some(q) = counted(hay, start - 2..start + 5, 12.0, false, base) {
                at = q.range.end - base;
                out.push(q);
            }
        }
        if start < at || after_word_or_hyphen(hay, start) || letters_end(hay, found_end) != found_end {
            continue;
        }
        let word = &hay[start..found_end];
        let mut value = NUMBER_WORDS[pattern].1;
        let mut end = found_end;
        // "twenty-five"
        if value >= 20.0 && hay[end..].starts_with('-') {
            let unit_end = letters_end(hay, end + 1);
            if let Some(v) = number_word(&hay[end + 1..unit_end]) {
                if v < 10.0 {
                    value += v;
                    end = unit_end;
                }
            }
        }
        let one = word.eq_ignore_ascii_case("one");
        if one && !hay[end..].starts_with(' ') {
            continue;
        }
        if let Some(q) = counted(hay, start..end, value, one, base) {
            at = q.range.end - base;
            out.push(q);
        }
    }
    out
}

/// The number words at `words` of `hay` as a quantity (offset by `base`), when a noun
/// they count follows; `one` says the words are "one", which counts only longer nouns.
fn counted(hay: &str, words: Range<usize>, value: f64, one: bool, base: usize) -> Option<Quantity> {
    let rest = &hay[words.end..];
    let noun = counted_noun(rest)?;
    if ["of", "another", "time", "day"].contains(&noun.as_str()) || one && noun.len() < 3 {
        return None;
    }
    Some(Quantity {
        range: base + words.start..base + words.end,
        value,
        low: value,
        high: value,
        unit: match duration(rest) {
            Some(d) => d,
            None => Unit::Count(Some(noun)),
        },
        qualifier: None,
    })
}

/// True when the character before `at` is a letter, a digit or a hyphen.
fn after_word_or_hyphen(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// The value of a one-word number ("three", "Twelve", "dozen"), in any ASCII case.
fn number_word(word: &str) -> Option<f64> {
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| w.eq_ignore_ascii_case(word))
        .map(|(_, v)| *v)
}

fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Offset just past the run of letters that starts at `from`.
fn letters_end(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphabetic() {
            i += 1;
        } else if b >= 0x80 {
            match text[i..].chars().next() {
                Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn naming_words_are_found_in_any_case_as_lower_casing_finds_them() {
        for word in NAMING_WORDS {
            assert!(word.is_ascii() && !word.contains('k'), "{word}");
        }
        for written in ["No.", "FLIGHT", "Room", "FLİGHT", "\u{212A}", "Nos", "route"] {
            let lowered = written.to_lowercase();
            assert_eq!(
                NAMING_WORDS.iter().any(|w| written.eq_ignore_ascii_case(w)),
                NAMING_WORDS.contains(&lowered.as_str()),
                "{written}"
            );
        }
    }

    #[test]
    fn qualifiers_are_lower_case_ascii() {
        for (word, _) in QUALIFIERS {
            assert!(
                word.bytes().all(|b| !b.is_ascii_uppercase() && b.is_ascii()),
                "{word}"
            );
        }
    }

    #[test]
    fn the_next_word_is_what_followed_by_word_finds() {
        let scales = SCALES.iter().map(|(w, _)| *w);
        let words: Vec<&str> = scales.chain(CURRENCY_AFTER.iter().map(|(w, _)| *w)).collect();
        for word in &words {
            assert!(word.chars().all(char::is_alphanumeric), "{word}");
        }
        let rests = [
            "",
            " ",
            "bn",
            "bn.",
            "BN people",
            " bn",
            "million",
            " Million,",
            "  millions",
            "m",
            "m2",
            "mα",
            "milliоn",
            " dollars",
            "dollar-wise",
            "\u{a0}euro",
            "\tyen!",
            "k",
            " k ",
            "tn",
            "pounds",
        ];
        for rest in rests {
            let next = NextWord::after(rest);
            for word in &words {
                for spaced_ok in [false, true] {
                    assert_eq!(
                        next.is(word, spaced_ok),
                        followed_by_word(rest, word, spaced_ok),
                        "{rest:?} {word}"
                    );
                }
            }
        }
    }

    fn find(text: &str) -> Vec<(String, f64, f64, Unit)> {
        quantities(text, 0..text.len())
            .into_iter()
            .map(|q| (text[q.range.clone()].to_owned(), q.low, q.high, q.unit))
            .collect()
    }

    fn money(code: &'static str) -> Unit {
        Unit::Money(code)
    }

    fn count(noun: &str) -> Unit {
        Unit::Count(Some(noun.to_owned()))
    }

    #[test]
    fn numbers_are_read_as_the_number_pattern_reads_them() {
        let pattern = regex::Regex::new(
            r"(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)(?:[ \t]*(?:-|–|to)[ \t]*(?P<to>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?))?",
        )
        .unwrap();
        let samples = [
            "1,234,567.89 1234,567 12,34 1,2345 1. 1.5. 3.14.15 0,000,0 5-7 5 – 7 5 to 7 5to7 5 - x",
            "1,000-2,000 12.5 to 13.75 7 -\t8 9to 10 4,5 1,000,00 99,999,999,999.9 .5 5.a 6 to",
        ];
        for sample in samples {
            let bytes = sample.as_bytes();
            let mut at = 0;
            while let Some(m) = pattern.captures_at(sample, at) {
                let start = m.get(0).unwrap().start();
                assert_eq!(bytes[at..].iter().position(u8::is_ascii_digit), Some(start - at));
                let num_end = number_end(bytes, start);
                assert_eq!(num_end, m.name("num").unwrap().end(), "{sample:?} at {start}");
                let to = range_end(bytes, num_end);
                assert_eq!(
                    to,
                    m.name("to").map(|t| (t.start(), t.end())),
                    "{sample:?} at {start}"
                );
                at = m.get(0).unwrap().end();
            }
        }
    }

    #[test]
    fn counted_nouns_are_the_lower_cased_word_unless_listed() {
        fn by_lower_casing_first(rest: &str) -> Option<String> {
            let first = rest
                .split_whitespace()
                .next()?
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let noun = !first.is_empty()
                && !NOT_NOUNS.contains(&first.as_str())
                && first.chars().all(char::is_alphabetic);
            noun.then_some(first)
        }
        for rest in [
            " people",
            " PEOPLE,",
            " Per cent",
            " of them",
            " OF",
            " homes.",
            " 5",
            " x5",
            " “cars”",
            " Ärzte",
            " ſtraße",
            " İstanbul",
            " ＡＢＣ",
            " May",
            " MARCH",
            "",
            " ...",
            " e-mails",
        ] {
            assert_eq!(counted_noun(rest), by_lower_casing_first(rest), "{rest:?}");
        }
    }

    #[test]
    fn sentences_searched_together_get_what_each_gets_alone() {
        let text = "Twenty-five homes, seven cars. Eleventy one hundred people and \
                    three dozen eggs. A dozen hens, four fourteen boats, twone people; \
                    someone people, “two dogs”, caféone cats, x5six hats, —three birds";
        // "two" runs into the cut after "tw", and hides the "one" a search of the
        // sentence from "one" finds; a sentence from "one" of "someone" counts it.
        let tw = text.find("twone").unwrap() + 2;
        let some = text.find("someone").unwrap() + 4;
        let lower = text.to_ascii_lowercase();
        // Sentences as a splitter gives them, and cuts through words ("Elev|enty",
        // "four|teen"), overlapping ranges and an empty one.
        let cuts: Vec<Vec<Range<usize>>> = vec![
            vec![0..30, 31..83, 84..text.len()],
            {
                let cuts: Vec<usize> = text
                    .char_indices()
                    .map(|(i, _)| i)
                    .step_by(7)
                    .chain([text.len()])
                    .collect();
                cuts.windows(2).map(|w| w[0]..w[1]).collect()
            },
            vec![0..40, 35..90, 90..90, 60..text.len()],
            vec![0..tw, tw..text.len()],
            vec![0..some, some..text.len()],
            vec![0..text.len()],
        ];
        let summary = |qs: &[Quantity]| -> Vec<(Range<usize>, f64)> {
            qs.iter().map(|q| (q.range.clone(), q.value)).collect()
        };
        for sentences in cuts {
            let together = sentence_quantities(text, &lower, &sentences);
            for (sentence, found) in sentences.iter().zip(&together) {
                assert_eq!(
                    summary(found),
                    summary(&quantities(text, sentence.clone())),
                    "{sentence:?}"
                );
            }
        }
    }

    #[test]
    fn currencies_and_scales() {
        assert_eq!(
            find("a $100 billion deal"),
            [("$100 billion".into(), 1e11, 1e11, money("USD"))]
        );
        assert_eq!(
            find("worth €5bn in all"),
            [("€5bn".into(), 5e9, 5e9, money("EUR"))]
        );
        assert_eq!(
            find("a £1.2m fee"),
            [("£1.2m".into(), 1.2e6, 1.2e6, money("GBP"))]
        );
        assert_eq!(
            find("paid 300 euros cash"),
            [("300 euros".into(), 300.0, 300.0, money("EUR"))]
        );
        assert_eq!(find("US$40 each"), [("US$40".into(), 40.0, 40.0, money("USD"))]);
    }

    #[test]
    fn percentages() {
        assert_eq!(
            find("turnout was 67.3% today"),
            [("67.3%".into(), 67.3, 67.3, Unit::Percent)]
        );
        assert_eq!(
            find("rose 4 per cent"),
            [("4 per cent".into(), 4.0, 4.0, Unit::Percent)]
        );
        assert_eq!(
            find("fell 2 percent"),
            [("2 percent".into(), 2.0, 2.0, Unit::Percent)]
        );
    }

    #[test]
    fn counts_with_their_noun() {
        assert_eq!(
            find("120 homes were lost"),
            [("120".into(), 120.0, 120.0, count("homes"))]
        );
        assert_eq!(
            find("4,000 residents left"),
            [("4,000".into(), 4000.0, 4000.0, count("residents"))]
        );
        assert_eq!(
            find("three countries signed"),
            [("three".into(), 3.0, 3.0, count("countries"))]
        );
        assert_eq!(
            find("twenty-five people came"),
            [("twenty-five".into(), 25.0, 25.0, count("people"))]
        );
        assert_eq!(
            find("a dozen homes"),
            [("a dozen".into(), 12.0, 12.0, count("homes"))]
        );
    }

    #[test]
    fn number_words_in_any_case() {
        for (word, value) in NUMBER_WORDS {
            for written in [
                word.to_string(),
                word.to_uppercase(),
                word[..1].to_uppercase() + &word[1..],
            ] {
                let text = format!("then {written} homes burned");
                assert_eq!(
                    find(&text),
                    [(written.clone(), *value, *value, count("homes"))],
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn number_words_inside_other_words_are_not_counted() {
        for text in [
            "someone often attended",
            "the tenants left",
            "sevenfold rises",
            "a dozens homes",
        ] {
            let found: Vec<String> = find(text).into_iter().map(|(t, ..)| t).collect();
            assert!(found.iter().all(|t| t == "a dozen"), "{text}: {found:?}");
        }
        assert_eq!(
            find("A dozen homes and a dozen of them"),
            [("A dozen".into(), 12.0, 12.0, count("homes"))]
        );
        assert_eq!(
            find("one person, then one in ten, then Fifty-Five days"),
            [
                ("one".into(), 1.0, 1.0, count("person")),
                ("Fifty-Five".into(), 55.0, 55.0, Unit::Duration("days".into()))
            ]
        );
    }

    #[test]
    fn dates_are_not_counts() {
        assert_eq!(
            find("opens on 10 February"),
            [("10".into(), 10.0, 10.0, Unit::Count(None))]
        );
    }

    #[test]
    fn ages_and_durations() {
        assert_eq!(find("Ana Ruiz, 65, said"), [("65".into(), 65.0, 65.0, Unit::Age)]);
        assert_eq!(
            find("the 64-year-old mayor"),
            [("64-year-old".into(), 64.0, 64.0, Unit::Age)]
        );
        assert_eq!(
            find("within 10 days of"),
            [("10".into(), 10.0, 10.0, Unit::Duration("days".into()))]
        );
    }

    #[test]
    fn qualifiers_widen_the_value() {
        let q = &quantities("around $100 billion", 0..19)[0];
        assert_eq!((q.low, q.qualifier), (9e10, Some(Qualifier::About)));
        assert!((q.high - 1.1e11).abs() < 1.0);
        let q = &quantities("more than 300 people", 0..20)[0];
        assert_eq!((q.low, q.high.is_infinite()), (300.0, true));
        let q = &quantities("up to 40 homes", 0..14)[0];
        assert_eq!((q.low, q.high), (0.0, 40.0));
    }

    #[test]
    fn ranges_are_intervals() {
        let q = &quantities("between 300-400 homes", 0..21)[0];
        assert_eq!((q.low, q.high), (300.0, 400.0));
        let q = &quantities("a 20 to 30 minute walk", 0..22)[0];
        assert_eq!((q.low, q.high), (20.0, 30.0));
    }

    #[test]
    fn things_that_are_not_quantities() {
        for text in [
            "in 2024 the vote",
            "the 3rd round",
            "at 10:30 today",
            "call 020 7946 0000 now",
            "at No. 10 Downing Street",
            "a Boeing 737 landed",
            "the F-16 jets",
            "COVID-19 cases",
            "a 30-second speech",
        ] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
        assert_eq!(find("But 30 people came").len(), 1);
        for text in [] as [&str; 0] {
            assert!(find(text).is_empty(), "{text}: {:?}", find(text));
        }
    }
}
