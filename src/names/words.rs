//! Ordinary English words, to tell them from names. The list is embedded with a hash
//! table the build script makes, so it costs nothing at start-up and a look-up reads
//! one or two places in memory.

use super::word_hash;

const WORDS: &str = include_str!("english-words.txt");

/// The build script's table of [`WORDS`]: `u32` slots, a power of two of them, 0 for
/// empty, else the word's offset plus one (bits 0–19), its length (bits 20–25) and the
/// top six bits of its hash (bits 26–31).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/english-table.bin"));

/// The shortest and longest listed words, in bytes.
const SHORTEST_WORD: usize = 3;
const LONGEST_WORD: usize = 32;

/// True when `word` (ASCII letters, any case) is an ordinary English word.
pub fn is_english_word(word: &str) -> bool {
    let bytes = word.as_bytes();
    if !(SHORTEST_WORD..=LONGEST_WORD).contains(&bytes.len()) {
        return false;
    }
    // Checked, lower-cased and hashed in one pass.
    let mut buffer = [0u8; LONGEST_WORD];
    let mut hash = word_hash::EMPTY;
    for (lower, &b) in buffer.iter_mut().zip(bytes) {
        if !b.is_ascii_alphabetic() {
            return false;
        }
        *lower = b.to_ascii_lowercase();
        hash = word_hash::add_byte(hash, *lower);
    }
    let lower = &buffer[..bytes.len()];
    let slots = TABLE.len() / 4;
    let wanted = (lower.len() as u32) << 20 | ((hash >> 58) as u32) << 26;
    let mut i = hash as usize & slots.wrapping_sub(1);
    loop {
        let slot = slot_at(i);
        if slot == 0 {
            return false;
        }
        if slot & !0xF_FFFF == wanted {
            let start = (slot & 0xF_FFFF) as usize - 1;
            let listed = WORDS.as_bytes().get(start..start + lower.len());
            // Byte by byte: the words are short, and a call to compare memory costs more.
            if listed.is_some_and(|listed| listed.iter().zip(lower).all(|(a, b)| a == b)) {
                return true;
            }
        }
        i = (i + 1) & (slots - 1);
    }
}

/// Slot `i` of [`TABLE`].
fn slot_at(i: usize) -> u32 {
    TABLE
        .get(i * 4..i * 4 + 4)
        .and_then(|b| b.try_into().ok())
        .map_or(0, u32::from_le_bytes)
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
                word.len() <= LONGEST_WORD && word.len() >= SHORTEST_WORD,
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
