//! The `figures` kind: numbers that contradict each other inside one article.

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::raw::Scope;
use super::{Check, Emitter};
use crate::source::Document;
use crate::text::phrases::{PhraseSet, SentenceWords, WordSlice};
use crate::text::quantities::{Qualifier, Quantity, Unit};

/// Placeholders a `figures` message may use.
pub const PLACEHOLDERS: &[&str] = &["match", "other", "detail"];

/// Which check of the figures family a rule runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FiguresFind {
    /// Two figures for the same thing with incompatible values.
    Conflicts,
    /// One person given two ages.
    Ages,
    /// "three countries — A, B, C and D".
    ListCounts,
    /// Shares of one whole that add up past 100%.
    Breakdowns,
    /// A weekday that does not match its date.
    Weekdays,
}

/// Fields of the `figures` kind; every threshold and word list lives here.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFigures {
    /// The check to run.
    pub find: FiguresFind,
    /// How many sentences back a conflicting figure may be.
    #[serde(default = "default_window")]
    pub window: usize,
    /// Nouns that refer back to an amount ("figure", "sum", "total").
    #[serde(default)]
    pub cues: Vec<String>,
    /// Words that make two figures a change or a comparison, not a conflict.
    #[serde(default)]
    pub change_cues: Vec<String>,
    /// Words that say nothing about what a figure measures.
    #[serde(default)]
    pub stop_words: Vec<String>,
    /// Words that say a sentence reports a poll or survey.
    #[serde(default)]
    pub poll_cues: Vec<String>,
    /// Answers that split one whole ("supported", "opposed", "undecided"): a breakdown
    /// names at least two of them.
    #[serde(default)]
    pub outcome_cues: Vec<String>,
    /// Largest ratio between two conflicting figures: values further apart measure
    /// different things (a part and a total).
    #[serde(default = "default_ratio")]
    pub max_ratio: f64,
    /// Margin of "about", "around", "some": a share of the value either way.
    #[serde(default = "default_about")]
    pub about: f64,
    /// Relative difference below which two values count as equal (rounding).
    #[serde(default = "default_tolerance")]
    pub tolerance: f64,
    /// Percentage points past 100 that a breakdown may reach through rounding.
    #[serde(default = "default_rounding")]
    pub rounding: f64,
    /// Largest count checked against a list (longer lists are rarely written out).
    #[serde(default = "default_max_list")]
    pub max_list: usize,
    /// Words either side of a figure searched for what it measures.
    #[serde(default = "default_reach")]
    pub reach: usize,
}

fn default_window() -> usize {
    3
}
fn default_about() -> f64 {
    0.05
}
fn default_tolerance() -> f64 {
    0.01
}
fn default_rounding() -> f64 {
    2.0
}
fn default_reach() -> usize {
    5
}
fn default_max_list() -> usize {
    12
}
fn default_ratio() -> f64 {
    2.0
}

/// A compiled `figures` check.
#[derive(Debug, Clone)]
pub struct FiguresCheck {
    raw: RawFigures,
    change_cues: PhraseSet,
    poll_cues: PhraseSet,
}

impl FiguresCheck {
    /// Check the settings.
    pub fn compile(raw: &RawFigures) -> Result<Self, String> {
        if !(0.0..1.0).contains(&raw.about) || !(0.0..1.0).contains(&raw.tolerance) {
            return Err("`about` and `tolerance` are shares between 0 and 1".into());
        }
        Ok(FiguresCheck {
            raw: raw.clone(),
            change_cues: PhraseSet::new(&raw.change_cues),
            poll_cues: PhraseSet::new(&raw.poll_cues),
        })
    }
}

impl Check for FiguresCheck {
    fn run(&self, doc: &Document, _scope: Scope, emit: &mut Emitter<'_>) {
        match self.raw.find {
            FiguresFind::Conflicts => self.conflicts(doc, emit),
            FiguresFind::Ages => self.ages(doc, emit),
            FiguresFind::ListCounts => self.list_counts(doc, emit),
            FiguresFind::Breakdowns => self.breakdowns(doc, emit),
            FiguresFind::Weekdays => weekdays(doc, emit),
        }
    }
}

fn singular(noun: &str) -> &str {
    noun.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(noun)
}

fn same_measure(a: &Quantity, b: &Quantity) -> bool {
    match (&a.unit, &b.unit) {
        (Unit::Money(x), Unit::Money(y)) => x == y,
        (Unit::Percent, Unit::Percent) => true,
        (Unit::Count(Some(x)), Unit::Count(Some(y))) => singular(x) == singular(y),
        _ => false,
    }
}

/// A value as a reader would write it: "90 billion", "1.25 million", "150".
fn describe(value: f64) -> String {
    let (scaled, word) = match value.abs() {
        v if v >= 1e12 => (value / 1e12, " trillion"),
        v if v >= 1e9 => (value / 1e9, " billion"),
        v if v >= 1e6 => (value / 1e6, " million"),
        _ => (value, ""),
    };
    let number = format!("{scaled:.2}");
    let number = number.trim_end_matches('0').trim_end_matches('.');
    format!("{number}{word}")
}

impl FiguresCheck {
    fn interval(&self, q: &Quantity) -> (f64, f64) {
        let (low, high) = (q.low, q.high);
        match q.qualifier {
            Some(Qualifier::About) => (q.value * (1.0 - self.raw.about), q.value * (1.0 + self.raw.about)),
            Some(Qualifier::Nearly) => (q.value * (1.0 - self.raw.about), q.value),
            _ => (low, high),
        }
    }

    fn compatible(&self, a: &Quantity, b: &Quantity) -> bool {
        let (al, ah) = self.interval(a);
        let (bl, bh) = self.interval(b);
        let slack = self.raw.tolerance * a.value.abs().max(b.value.abs());
        al - slack <= bh && bl - slack <= ah
    }

    /// Values close enough to be two versions of one figure, not a part and a whole.
    fn comparable(&self, a: &Quantity, b: &Quantity) -> bool {
        let (small, large) = (a.value.abs().min(b.value.abs()), a.value.abs().max(b.value.abs()));
        small > 0.0 && large / small <= self.raw.max_ratio
    }

    /// Content words near a figure: what it measures.
    fn context<'w>(&self, words: WordSlice<'w>, q: &Quantity) -> Vec<&'w str> {
        let (before, at) = around(words, q);
        let from = before.saturating_sub(self.raw.reach);
        let to = (at + self.raw.reach).min(words.len());
        (from..before)
            .chain(at..to)
            .map(|i| words.word(i))
            .filter(|w| w.chars().count() >= 4 && !self.raw.stop_words.iter().any(|s| s == w))
            .collect()
    }

    /// A cue noun right after or before the figure ("a $90 billion figure", "the sum of").
    fn cued(&self, words: WordSlice<'_>, q: &Quantity) -> bool {
        let (before, at) = around(words, q);
        let mut near = (at..(at + 2).min(words.len())).chain(before.saturating_sub(3)..before);
        near.any(|i| self.raw.cues.iter().any(|cue| cue == words.word(i)))
    }

    /// Two figures that cannot both be right, judged on their values alone.
    fn at_odds(&self, a: &Quantity, b: &Quantity) -> bool {
        same_measure(a, b) && !self.compatible(a, b) && self.comparable(a, b)
    }

    /// An earlier figure in sentence `i` that `b`, in sentence `j`, contradicts.
    fn contradicted<'q>(
        &self,
        sentences: &SentenceViews<'_>,
        earlier: &'q [Quantity],
        (i, j): (usize, usize),
        b: &Quantity,
    ) -> Option<&'q Quantity> {
        let mut at_odds = earlier
            .iter()
            .filter(|a| a.range.end <= b.range.start && self.at_odds(a, b))
            .peekable();
        // Words, cues and years are read only for the few sentences with figures at odds.
        at_odds.peek()?;
        let (later, before) = (sentences.get(j), sentences.get(i));
        // Changes and comparisons, and figures for different years, are not conflicts.
        if later.changed || before.changed || i != j && before.years != later.years {
            return None;
        }
        let b_context = match b.unit {
            Unit::Count(Some(_)) => self.context(later.words, b),
            _ => Vec::new(),
        };
        at_odds.find(|a| {
            // Amounts listed in one sentence are different things, unless the later one
            // refers back ("… a $90 billion figure").
            if i == j {
                return self.cued(later.words, b);
            }
            // Amounts and shares are tied only by a noun that refers back; counts of the
            // same thing also by a word they share (the verb, the place).
            match b.unit {
                Unit::Count(Some(ref noun)) => {
                    let other_word = |w: &&str| singular(w) != singular(noun) && b_context.contains(w);
                    self.cued(later.words, b) || self.context(before.words, a).iter().any(other_word)
                }
                _ => self.cued(later.words, b),
            }
        })
    }

    fn conflicts(&self, doc: &Document, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let figures = doc.sentence_quantities();
        let sentences = SentenceViews::new(doc, &self.change_cues);
        for (j, later) in figures.iter().enumerate() {
            for b in later {
                let found = (j.saturating_sub(self.raw.window)..=j)
                    .rev()
                    .find_map(|i| self.contradicted(&sentences, &figures[i], (i, j), b));
                if let Some(a) = found {
                    let other = text[a.range.clone()].to_owned();
                    let detail = format!("{} against {}", describe(b.value), describe(a.value));
                    let related = vec![(a.range.clone(), format!("“{other}” stated here"))];
                    emit.emit_full(
                        b.range.clone(),
                        &[("other", &other), ("detail", &detail)],
                        None,
                        related,
                        None,
                    );
                }
            }
        }
    }

    fn ages(&self, doc: &Document, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let figures = doc.sentence_quantities();
        let mut seen: Vec<(String, f64, Range<usize>)> = Vec::new();
        for q in figures.iter().flatten().filter(|q| q.unit == Unit::Age) {
            let Some(person) = person_of_age(text, q) else {
                continue;
            };
            if let Some((_, age, range)) = seen.iter().find(|(p, a, _)| *p == person && *a != q.value) {
                let other = text[range.clone()].to_owned();
                let detail = format!(
                    "{person} is {} here and {} earlier",
                    describe(q.value),
                    describe(*age)
                );
                let related = vec![(range.clone(), format!("age given as “{other}” here"))];
                emit.emit_full(
                    q.range.clone(),
                    &[("other", &other), ("detail", &detail)],
                    None,
                    related,
                    None,
                );
            } else {
                seen.push((person, q.value, q.range.clone()));
            }
        }
    }

    fn list_counts(&self, doc: &Document, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let figures = doc.sentence_quantities();
        for (i, sentence) in doc.prose.sentences().iter().enumerate() {
            for q in &figures[i] {
                let Unit::Count(Some(noun)) = &q.unit else {
                    continue;
                };
                if q.value > self.raw.max_list as f64 {
                    continue;
                }
                let Some(items) = listed_items(text, q.range.end, sentence.end, noun) else {
                    continue;
                };
                if items as f64 != q.value && q.qualifier.is_none() {
                    let detail = format!("{} {noun} announced, {items} listed", describe(q.value));
                    emit.emit_full(
                        q.range.clone(),
                        &[("other", ""), ("detail", &detail)],
                        None,
                        Vec::new(),
                        None,
                    );
                }
            }
        }
    }

    fn breakdowns(&self, doc: &Document, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let figures = doc.sentence_quantities();
        for (i, figures) in figures.iter().enumerate() {
            let shares: Vec<&Quantity> = figures
                .iter()
                .filter(|q| q.unit == Unit::Percent && q.qualifier.is_none())
                .collect();
            if shares.len() < 3 {
                continue;
            }
            let sentence_words = doc.sentence_words().sentence(text, i);
            if !self.poll_cues.any(&sentence_words) || self.change_cues.any(&sentence_words) {
                continue;
            }
            let outcomes = self
                .raw
                .outcome_cues
                .iter()
                .filter(|c| (0..sentence_words.len()).any(|k| sentence_words.word(k) == c.as_str()))
                .count();
            let total: f64 = shares.iter().map(|q| q.value).sum();
            if outcomes >= 2 && total > 100.0 + self.raw.rounding {
                let (Some(first), Some(last)) = (shares.first(), shares.last()) else {
                    continue;
                };
                let detail = format!("the shares add up to {}%", describe(total));
                let range = first.range.start..last.range.end;
                emit.emit_full(
                    range,
                    &[("other", ""), ("detail", &detail)],
                    None,
                    Vec::new(),
                    None,
                );
            }
        }
    }
}

/// How many words of `words` end before `q` starts, and the first that starts after it ends.
fn around(words: WordSlice<'_>, q: &Quantity) -> (usize, usize) {
    let at = (0..words.len())
        .position(|i| words.range(i).start >= q.range.end)
        .unwrap_or(words.len());
    let before = (0..words.len())
        .take_while(|&i| words.range(i).end <= q.range.start)
        .count();
    (before, at)
}

/// What the conflicts check reads in a sentence besides its figures.
struct SentenceView<'t> {
    /// Its lower-case words.
    words: WordSlice<'t>,
    /// True when it reports a change or a comparison.
    changed: bool,
    /// The years it names.
    years: Vec<&'t str>,
}

/// The [`SentenceView`] of each sentence, read on first use.
struct SentenceViews<'t> {
    text: &'t str,
    sentences: &'t [Range<usize>],
    words: &'t SentenceWords,
    change_cues: &'t PhraseSet,
    views: Vec<OnceCell<SentenceView<'t>>>,
}

impl<'t> SentenceViews<'t> {
    fn new(doc: &'t Document, change_cues: &'t PhraseSet) -> Self {
        let sentences = doc.prose.sentences();
        SentenceViews {
            text: &doc.prose.text,
            sentences,
            words: doc.sentence_words(),
            change_cues,
            views: sentences.iter().map(|_| OnceCell::new()).collect(),
        }
    }

    /// The view of sentence `i`.
    fn get(&self, i: usize) -> &SentenceView<'t> {
        self.views[i].get_or_init(|| {
            let sentence = &self.sentences[i];
            let words = self.words.sentence(self.text, i);
            SentenceView {
                changed: self.change_cues.any(&words),
                years: years(self.text, sentence),
                words,
            }
        })
    }
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(?:1[89]|20)[0-9]{2}(?-u:\b)").unwrap_or_else(|e| panic!("year pattern: {e}"))
});

/// The years a sentence names, in order.
fn years<'t>(text: &'t str, sentence: &Range<usize>) -> Vec<&'t str> {
    let mut found: Vec<&str> = YEAR
        .find_iter(&text[sentence.clone()])
        .map(|m| m.as_str())
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// The person an age belongs to: "Ruiz, 65," or "the 64-year-old Ruiz".
fn person_of_age(text: &str, q: &Quantity) -> Option<String> {
    let before = text[..q.range.start].strip_suffix(", ")?;
    let name = before.rsplit(' ').next()?;
    name.chars()
        .next()
        .filter(|c| c.is_uppercase())
        .map(|_| name.trim_matches(|c: char| !c.is_alphanumeric()).to_owned())
}

/// The number of items in a list announced right after a count: "three countries —
/// Austria, Chile, Peru and Ghana" (a dash or colon, then items split by commas and "and").
fn listed_items(text: &str, from: usize, to: usize, noun: &str) -> Option<usize> {
    let rest = &text[from..to];
    let after_noun = rest.trim_start().strip_prefix(noun)?.trim_start();
    let list = after_noun
        .strip_prefix('—')
        .or_else(|| after_noun.strip_prefix('–'))
        .or_else(|| after_noun.strip_prefix(':'))
        .or_else(|| after_noun.strip_prefix("- "))?;
    let list = list
        .split(['—', '–', ';', '('])
        .next()?
        .trim()
        .trim_end_matches(['.', '!', '?']);
    let items: Vec<&str> = list
        .split(',')
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .collect();
    // Names, not amounts: each item starts with a capital and holds no number.
    let names = items.iter().all(|item| {
        item.split_whitespace().count() <= 4
            && item.chars().next().is_some_and(char::is_uppercase)
            && !item.chars().any(|c| c.is_ascii_digit())
    });
    (items.len() >= 2 && names && list.contains(" and ")).then_some(items.len())
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let months = "January|February|March|April|May|June|July|August|September|October|November|December";
    Regex::new(&format!(
        r"(?-u:\b)(?P<day>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?[ \n]+(?:(?:the[ \n]+)?(?P<d1>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:[ \n]+of)?[ \n]+(?P<m1>{months})|(?P<m2>{months})[ \n]+(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?)(?:,?[ \n]+(?P<y>[0-9]{{4}})(?-u:\b)(?P<clock>[ \n]*(?:GMT|BST|UTC|CET|ET|EST|PST|hrs|hours|h)(?-u:\b))?)?"
    ))
    .unwrap_or_else(|e| panic!("date pattern: {e}"))
});

const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Day of the week (0 = Sunday) of a Gregorian date.
pub fn weekday(year: i32, month: u32, day: u32) -> usize {
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let m = OFFSETS[(month as usize - 1) % 12];
    ((y + y / 4 - y / 100 + y / 400 + m + day as i32).rem_euclid(7)) as usize
}

fn weekdays(doc: &Document, emit: &mut Emitter<'_>) {
    let text = &doc.prose.text;
    let article_year = doc.day().and_then(|d| d[..4].parse::<i32>().ok());
    for caps in DATE.captures_iter(text) {
        let (Some(whole), Some(day_name)) = (caps.get(0), caps.name("day")) else {
            continue;
        };
        if caps.name("clock").is_some() {
            continue; // "1400 GMT" is a time, not a year
        }
        let month_name = caps.name("m1").or(caps.name("m2")).map(|m| m.as_str());
        let day = caps
            .name("d1")
            .or(caps.name("d2"))
            .and_then(|d| d.as_str().parse::<u32>().ok());
        let year = caps
            .name("y")
            .and_then(|y| y.as_str().parse::<i32>().ok())
            .or(article_year);
        let (Some(month_name), Some(day), Some(year)) = (month_name, day, year) else {
            continue;
        };
        let Some(month) = MONTHS.iter().position(|m| *m == month_name).map(|m| m as u32 + 1) else {
            continue;
        };
        if !(1..=31).contains(&day) {
            continue;
        }
        let actual = WEEKDAYS[weekday(year, month, day)];
        if actual != day_name.as_str() {
            let detail = format!("{month_name} {day}, {year} was a {actual}");
            emit.emit_full(
                whole.range(),
                &[("other", actual), ("detail", &detail)],
                None,
                Vec::new(),
                None,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_read_as_written() {
        assert_eq!(describe(9e10), "90 billion");
        assert_eq!(describe(1.25e6), "1.25 million");
        assert_eq!(describe(150.0), "150");
        assert_eq!(describe(67.3), "67.3");
    }

    #[test]
    fn weekdays_of_known_dates() {
        assert_eq!(WEEKDAYS[weekday(2025, 8, 19)], "Tuesday");
        assert_eq!(WEEKDAYS[weekday(2024, 2, 29)], "Thursday");
        assert_eq!(WEEKDAYS[weekday(2000, 1, 1)], "Saturday");
    }

    #[test]
    fn lists_after_a_count() {
        let text = "three countries — Austria, Chile, Peru and Ghana — signed.";
        assert_eq!(listed_items(text, 5, text.len(), "countries"), Some(4));
        let text = "three countries, including Chile";
        assert_eq!(listed_items(text, 5, text.len(), "countries"), None);
    }
}
