//! How alike two spellings are: diacritic folding, edit distance with transpositions,
//! inflections, and an index for near-miss look-ups without a scan.

use rustc_hash::FxHashMap as HashMap;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// `text` with diacritics removed ("Zürich" → "Zurich").
pub fn fold_diacritics(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .collect::<String>()
        .into()
}

/// Optimal-string-alignment distance (a transposition counts as one edit), or `None`
/// when it exceeds `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let mut a_chars = ['\0'; SHORT];
    let mut b_chars = ['\0'; SHORT];
    match (chars_into(a, &mut a_chars), chars_into(b, &mut b_chars)) {
        (Some(a), Some(b)) => distance_within(a, b, max, &mut [0; 3 * (SHORT + 1)]),
        _ => {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            distance_within(&a, &b, max, &mut vec![0; 3 * (b.len() + 1)])
        }
    }
}

/// Words up to this many characters are compared without allocating.
const SHORT: usize = 48;

/// The characters of `text` in `buffer`, when they fit.
fn chars_into<'b>(text: &str, buffer: &'b mut [char; SHORT]) -> Option<&'b [char]> {
    let mut len = 0;
    for c in text.chars() {
        *buffer.get_mut(len)? = c;
        len += 1;
    }
    Some(&buffer[..len])
}

/// [`edit_distance`] over characters, in three rows of `b.len() + 1` cells taken from
/// `cells` (at least that long).
///
/// Only the band of cells within `max` of the diagonal is worked out: a cell off it
/// compares prefixes whose lengths differ by more than `max`, so its distance is more
/// than `max` too, and the cells just outside the band are set to such a value.
fn distance_within(a: &[char], b: &[char], max: usize, cells: &mut [usize]) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let beyond = max + 1;
    let width = b.len() + 1;
    let at = |row: usize, j: usize| row * width + j;
    // Row 0 is the distance from the empty prefix of `a`: the first pass reads it.
    for j in 0..width {
        cells[at(0, j)] = j;
    }
    for i in 1..=a.len() {
        let (cur, prev, prev2) = (i % 3, (i + 2) % 3, (i + 1) % 3);
        let low = i.saturating_sub(max).max(1);
        let high = (i + max).min(b.len());
        cells[at(cur, low - 1)] = if low == 1 { i } else { beyond };
        if high < b.len() {
            cells[at(cur, high + 1)] = beyond;
        }
        let mut best = if low == 1 { i } else { beyond };
        for j in low..=high {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut d = (cells[at(prev, j)] + 1)
                .min(cells[at(cur, j - 1)] + 1)
                .min(cells[at(prev, j - 1)] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d = d.min(cells[at(prev2, j - 2)] + 1);
            }
            cells[at(cur, j)] = d;
            best = best.min(d);
        }
        if best > max {
            return None;
        }
    }
    let d = cells[at(a.len() % 3, b.len())];
    (d <= max).then_some(d)
}

/// Endings that make a different word of a name (Paul/Pauls, Hungary/Hungarian).
const INFLECTIONS: &[&str] = &[
    "s", "es", "n", "an", "ian", "ians", "ns", "i", "ese", "ish", "ic", "'s", "’s",
];

/// True when one spelling is the other plus an ending (also under a plural "s" on both:
/// Americas/Americans).
pub fn is_inflection(a: &str, b: &str) -> bool {
    if let (Some(x), Some(y)) = (a.strip_suffix('s'), b.strip_suffix('s')) {
        if ends_differently(x, y) {
            return true;
        }
    }
    ends_differently(a, b)
}

fn ends_differently(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short)
        .is_some_and(|end| INFLECTIONS.contains(&end))
        || long.strip_suffix('s').is_some_and(|stem| {
            stem.len() + 1 == long.len() && short.starts_with(stem) && short.len() <= stem.len() + 1
        })
}

/// True when the only edits between `a` and `b` are inside the word: first and last
/// letters agree, so "Maria"/"Marie" and "Mark"/"Park" are not slips of each other.
pub fn differs_inside(a: &str, b: &str) -> bool {
    a.chars().next() == b.chars().next() && a.chars().next_back() == b.chars().next_back()
}

/// True when `b` is `a` with one letter dropped, added, or two neighbours swapped: the
/// typing slips. A changed letter is left out, since it mostly makes another real name
/// (Williams/Walliams, Clayton/Clapton).
pub fn is_typing_slip(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len() == b.len() {
        let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        return matches!(diff.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i]);
    }
    let (short, long) = if a.len() < b.len() { (&a, &b) } else { (&b, &a) };
    long.len() == short.len() + 1
        && (0..long.len()).any(|skip| {
            long.iter()
                .enumerate()
                .filter(|(i, _)| *i != skip)
                .map(|(_, c)| c)
                .eq(short.iter())
        })
}

/// True when two forms of one name are spellings of each other (not two different
/// names such as "Myanmar" and "Burma", and not a change of case only).
pub fn are_spelling_variants(a: &str, b: &str) -> bool {
    if a.to_lowercase() == b.to_lowercase() {
        return false;
    }
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    let (fa, fb) = (fold_diacritics(&la), fold_diacritics(&lb));
    let shorter = fa.chars().count().min(fb.chars().count());
    edit_distance(&fa, &fb, 2.max(shorter / 3)).is_some()
}

/// Edits allowed for a word of `chars` characters: one, two from nine characters.
pub fn max_edits(chars: usize) -> usize {
    if chars >= 9 {
        2
    } else {
        1
    }
}

/// Known names bucketed by first letter and length: the names within a few edits of a
/// word that keeps its first letter are found by looking at a handful of buckets, never
/// by scanning the dictionary. Building it costs one pass over the names.
#[derive(Debug, Default, Clone)]
pub struct NameIndex {
    terms: Vec<String>,
    /// The [`char_bits`] of each term.
    bits: Vec<u64>,
    buckets: HashMap<(char, usize), Vec<u32>>,
}

/// A bit for each character of `text` (characters share the 64 bits by code point):
/// an edit changes at most two bits of the characters' set, so two spellings within
/// `n` edits differ in at most `2n` bits. A cheap test before the distance.
fn char_bits(text: &str) -> u64 {
    text.chars().fold(0, |bits, c| bits | 1 << (u32::from(c) & 63))
}

impl NameIndex {
    /// Index `terms`.
    pub fn new(terms: impl IntoIterator<Item = String>) -> Self {
        let mut index = NameIndex::default();
        for term in terms {
            let Some(first) = term.chars().next() else {
                continue;
            };
            let key = (first, term.chars().count());
            index
                .buckets
                .entry(key)
                .or_default()
                .push(index.terms.len() as u32);
            index.bits.push(char_bits(&term));
            index.terms.push(term);
        }
        index
    }

    /// Indexed terms with the same first letter within the allowed distance of `word`,
    /// nearest first; the word itself is never returned.
    pub fn near(&self, word: &str) -> Vec<(&str, usize)> {
        let Some(first) = word.chars().next() else {
            return Vec::new();
        };
        let len = word.chars().count();
        let max = max_edits(len);
        let bits = char_bits(word);
        // The terms that pass the cheap tests, with the edits allowed: most words meet
        // none, and then nothing is allocated and no buffer for the distance is set up.
        let mut candidates: Vec<(&str, usize)> = Vec::new();
        for l in len.saturating_sub(max)..=len + max {
            let within = max.min(max_edits(l));
            for &id in self.buckets.get(&(first, l)).into_iter().flatten() {
                let term = self.terms[id as usize].as_str();
                if (bits ^ self.bits[id as usize]).count_ones() as usize <= 2 * within && term != word {
                    candidates.push((term, within));
                }
            }
        }
        if candidates.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<(&str, usize)> = Vec::new();
        let mut word_buffer = ['\0'; SHORT];
        let word_chars = chars_into(word, &mut word_buffer);
        let mut term_buffer = ['\0'; SHORT];
        let mut cells = [0; 3 * (SHORT + 1)];
        for (term, within) in candidates {
            let distance = match (&word_chars, chars_into(term, &mut term_buffer)) {
                (Some(w), Some(t)) => distance_within(w, t, within, &mut cells),
                _ => edit_distance(word, term, within),
            };
            if let Some(d) = distance {
                found.push((term, d));
            }
        }
        found.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(b.0)));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding() {
        assert_eq!(fold_diacritics("Zürich Kraków Erdoğan"), "Zurich Krakow Erdogan");
    }

    #[test]
    fn distances() {
        assert_eq!(edit_distance("Zelensky", "Zelenksy", 1), Some(1));
        assert_eq!(edit_distance("Scholz", "Scholtz", 1), Some(1));
        assert_eq!(edit_distance("Austria", "Australia", 1), None);
        assert_eq!(edit_distance("Hungary", "Hungarian", 2), None);
        assert_eq!(edit_distance("abc", "abc", 0), Some(0));
    }

    #[test]
    fn leading_characters_are_never_free() {
        // Regression: the first row was read before it was written, so "xyab" matched
        // the start of "abcd" at no cost.
        assert_eq!(edit_distance("abcd", "xyab", 4), Some(4));
        assert_eq!(edit_distance("abcd", "xyab", 3), None);
        assert_eq!(edit_distance("", "abc", 3), Some(3));
        assert_eq!(edit_distance("ab", "ba", 1), Some(1));
        assert_eq!(edit_distance("Kyiv", "Kiev", 2), Some(2));
    }

    /// Optimal-string-alignment distance over the whole table, for comparison.
    fn full_table_distance(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        d[0] = (0..=b.len()).collect();
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
                }
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn the_band_gives_the_distance_of_the_whole_table() {
        // Every pair of words of up to six letters from a three-letter alphabet, where
        // repeats and swaps are common, against every bound from 0 to 4.
        let words: Vec<Vec<char>> = (0..6u32)
            .flat_map(|len| {
                (0..3u32.pow(len)).map(move |mut n| {
                    (0..len)
                        .map(|_| {
                            let c = char::from(b'a' + (n % 3) as u8);
                            n /= 3;
                            c
                        })
                        .collect()
                })
            })
            .collect();
        for a in words.iter().step_by(3) {
            for b in &words {
                let want = full_table_distance(a, b);
                for max in 0..=4 {
                    let got = distance_within(a, b, max, &mut vec![0; 3 * (b.len() + 1)]);
                    assert_eq!(got, (want <= max).then_some(want), "{a:?} {b:?} within {max}");
                }
            }
        }
    }

    #[test]
    fn inflections_are_not_slips() {
        assert!(is_inflection("Paul", "Pauls"));
        assert!(is_inflection("Hungarian", "Hungary") || edit_distance("Hungary", "Hungarian", 2).is_none());
        assert!(is_inflection("Russia", "Russian"));
        assert!(!is_inflection("Zelensky", "Zelenksy"));
    }

    #[test]
    fn spelling_variants() {
        assert!(are_spelling_variants("Zelensky", "Zelenskyy"));
        assert!(are_spelling_variants("Erdoğan", "Erdogan"));
        assert!(!are_spelling_variants("Myanmar", "Burma"));
        assert!(!are_spelling_variants("al Qaeda", "Al Qaeda"));
        assert!(is_inflection("Americas", "Americans"));
    }

    #[test]
    fn typing_slips() {
        assert!(is_typing_slip("Zelensky", "Zelenksy"));
        assert!(is_typing_slip("Chorlton", "Chorton"));
        assert!(!is_typing_slip("Williams", "Walliams"));
        assert!(!is_typing_slip("Williams", "Williams"));
    }

    #[test]
    fn slips_are_inside_the_word() {
        assert!(differs_inside("Zelensky", "Zelenksy"));
        assert!(!differs_inside("Maria", "Marie"));
    }

    #[test]
    fn spellings_within_n_edits_differ_in_at_most_2n_character_bits() {
        let words = [
            "Zelensky",
            "Zelenksy",
            "Zelenskyy",
            "Macron",
            "Makron",
            "Kyiv",
            "Kiev",
            "Ürümqi",
            "Urumqi",
            "Al",
            "Ali",
            "Łódź",
            "Lodz",
            "abc",
            "cab",
            "xyz",
        ];
        for a in words {
            for b in words {
                if let Some(d) = edit_distance(a, b, 6) {
                    assert!(
                        (char_bits(a) ^ char_bits(b)).count_ones() as usize <= 2 * d,
                        "{a} {b}"
                    );
                }
            }
        }
    }

    #[test]
    fn name_index_finds_near_terms() {
        let index = NameIndex::new([
            "Zelensky".to_owned(),
            "Macron".to_owned(),
            "Stoltenberg".to_owned(),
        ]);
        assert_eq!(index.near("Zelenksy"), [("Zelensky", 1)]);
        assert_eq!(index.near("Makron"), [("Macron", 1)]);
        assert_eq!(index.near("Stoltenburg"), [("Stoltenberg", 1)]);
        assert_eq!(index.near("Stolltenburg"), [("Stoltenberg", 2)]);
        assert!(index.near("Macron").is_empty());
        assert!(index.near("Merkel").is_empty());
    }
}
