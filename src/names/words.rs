//! Ordinary English words, to tell them from names. The list is embedded sorted and
//! searched by bisection over its bytes, so it costs nothing at start-up: a look-up
//! first narrows to the words that share the word's first three letters (bounds found
//! by bisection the first time a prefix is asked for, then remembered).

use std::sync::atomic::{AtomicU64, Ordering as Memory};

const WORDS: &str = include_str!("english-words.txt");

/// Words are narrowed on their first three letters, `a` to `z` each.
const PREFIX_LETTERS: usize = 3;
const PREFIXES: usize = 26 * 26 * 26;
/// No listed word is longer (a test checks it).
const LONGEST_WORD: usize = 32;
/// Marks a remembered bucket, so that zero can mean "not looked up yet".
const KNOWN: u64 = 1 << 63;
/// The bits of one offset in a remembered bucket.
const OFFSET: u64 = u32::MAX as u64 >> 1;

/// For each three-letter prefix, once looked up: `KNOWN | start << 32 | end`, the byte
/// range of `WORDS` holding the words with that prefix (offsets fit in 31 bits).
static BUCKETS: [AtomicU64; PREFIXES] = [const { AtomicU64::new(0) }; PREFIXES];

/// True when `word` (any case) is an ordinary English word.
pub fn is_english_word(word: &str) -> bool {
    if word.len() < PREFIX_LETTERS || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    let mut buffer = [0u8; LONGEST_WORD];
    let Some(lower) = buffer.get_mut(..word.len()) else {
        return false;
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let Some(words) = WORDS.as_bytes().get(bucket(lower)) else {
        return false;
    };
    let at = lower_bound(words, lower);
    words[at..].starts_with(lower) && words.get(at + lower.len()).is_none_or(|&b| b == b'\n')
}

/// The byte range of `WORDS` holding the words that start like `lower`.
fn bucket(lower: &[u8]) -> std::ops::Range<usize> {
    let index = lower[..PREFIX_LETTERS]
        .iter()
        .fold(0, |index, &b| index * 26 + usize::from(b - b'a'));
    let slot = &BUCKETS[index];
    let known = slot.load(Memory::Relaxed);
    if known & KNOWN != 0 {
        return (known >> 32 & OFFSET) as usize..(known & OFFSET) as usize;
    }
    let bytes = WORDS.as_bytes();
    let prefix = &lower[..PREFIX_LETTERS];
    let start = lower_bound(bytes, prefix);
    let end = start + lower_bound_after_prefix(&bytes[start..], prefix);
    slot.store(KNOWN | (start as u64) << 32 | end as u64, Memory::Relaxed);
    start..end
}

/// The byte offset of the first line of the sorted `lines` that is not less than `key`.
fn lower_bound(lines: &[u8], key: &[u8]) -> usize {
    partition(lines, |line| line < key)
}

/// The byte offset of the first line of the sorted `lines` that does not start with
/// `prefix` (all lines before it do).
fn lower_bound_after_prefix(lines: &[u8], prefix: &[u8]) -> usize {
    partition(lines, |line| line.starts_with(prefix))
}

/// The byte offset of the first whole line of `lines` for which `before` is false,
/// given that it holds for every line up to some point and for none after.
fn partition(lines: &[u8], before: impl Fn(&[u8]) -> bool) -> usize {
    let (mut lo, mut hi) = (0usize, lines.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // Lines are short: a plain scan beats a vector search here.
        let start = lines[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = lines[mid..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(lines.len(), |i| mid + i);
        if before(&lines[start..end]) {
            lo = end + 1;
        } else {
            hi = start;
        }
    }
    lo.min(lines.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_words_and_names() {
        for w in ["the", "However", "australia", "budget", "zoos", "abacus"] {
            assert_eq!(is_english_word(w), w != "australia", "{w}");
        }
        for w in ["Zelensky", "Scholz", "Kyiv", "Halvorsen", "x", "café"] {
            assert!(!is_english_word(w), "{w}");
        }
    }

    #[test]
    fn every_listed_word_is_found() {
        let listed: Vec<&str> = WORDS.lines().filter(|l| !l.starts_with('#')).collect();
        assert!(listed.windows(2).all(|w| w[0] < w[1]), "the list is sorted");
        for word in &listed {
            assert!(
                word.len() <= LONGEST_WORD && word.len() >= PREFIX_LETTERS,
                "{word}"
            );
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
            assert!(is_english_word(word), "{word}");
            assert!(is_english_word(&word.to_ascii_uppercase()), "{word}");
        }
        for absent in ["aardvarkz", "zzz", "aab", "zoosx", "abacu"] {
            assert!(!is_english_word(absent), "{absent}");
        }
    }
}
