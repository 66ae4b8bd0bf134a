//! Skipping ahead in text to the next byte of a few kinds (capitals, digits, bytes that
//! are not ASCII), eight bytes at a time with plain integer arithmetic.

/// The kinds of byte a scan stops at.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stops {
    /// ASCII capitals, `A` to `Z`.
    pub capitals: bool,
    /// ASCII digits, `0` to `9`.
    pub digits: bool,
    /// Bytes that are not ASCII (the first byte of a character, when the scan starts on a
    /// character boundary and every byte before the stop is ASCII).
    pub non_ascii: bool,
}

impl Stops {
    /// True when the scan stops at `b`.
    pub fn stop_at(self, b: u8) -> bool {
        self.capitals && b.is_ascii_uppercase()
            || self.digits && b.is_ascii_digit()
            || self.non_ascii && !b.is_ascii()
    }
}

/// The high bit of every byte of a word of eight.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The first byte of `bytes` at or after `from` that `stops` names, or the length of
/// `bytes` when there is none. Inlined always: each caller's `stops` is a constant,
/// which leaves only the tests it asks for in the loop.
#[inline(always)]
pub fn next_stop(bytes: &[u8], from: usize, stops: Stops) -> usize {
    let marks = |word: u64| {
        // The low seven bits of each byte plus an offset carry into its high bit exactly
        // from some byte value up, never into the next byte.
        let low = word & !HIGH;
        let mut found = 0;
        if stops.capitals {
            // From b'A' up (+0x3F) and not from b'Z' + 1 up (+0x25).
            found |= (low + 0x3F3F_3F3F_3F3F_3F3F) & !(low + 0x2525_2525_2525_2525);
        }
        if stops.digits {
            // From b'0' up (+0x50) and not from b'9' + 1 up (+0x46).
            found |= (low + 0x5050_5050_5050_5050) & !(low + 0x4646_4646_4646_4646);
        }
        // A byte that is not ASCII has its own high bit set.
        if stops.non_ascii {
            found | word
        } else {
            found & !word
        }
    };
    first_marked(bytes, from, marks, |b| stops.stop_at(b))
}

/// The first byte of `bytes` at or after `from` that is not an ASCII letter, or the
/// length of `bytes`: the end of a run of ASCII letters, eight bytes at a time.
#[inline]
pub fn ascii_letters_end(bytes: &[u8], from: usize) -> usize {
    let marks = |word: u64| {
        // Setting bit 5 folds capitals onto small letters and leaves no other byte
        // between b'a' and b'z'; then, as in `next_stop`, from b'a' up and not from
        // b'z' + 1 up, and ASCII.
        let folded = (word & !HIGH) | 0x2020_2020_2020_2020;
        !((folded + 0x1F1F_1F1F_1F1F_1F1F) & !(folded + 0x0505_0505_0505_0505) & !word)
    };
    first_marked(bytes, from, marks, |b| !b.is_ascii_alphabetic())
}

/// The first byte of `bytes` at or after `from` that `marks` flags, reading eight bytes
/// at a time (`marks` sets the high bit of each byte it flags in the little-endian word
/// of eight), and one at a time the last few, which `stops_at` tests; the length of
/// `bytes` when none is flagged.
#[inline(always)]
fn first_marked(
    bytes: &[u8],
    from: usize,
    marks: impl Fn(u64) -> u64,
    stops_at: impl Fn(u8) -> bool,
) -> usize {
    let Some(rest) = bytes.get(from..) else {
        return bytes.len();
    };
    let mut at = from;
    for chunk in rest.chunks_exact(8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let found = marks(u64::from_le_bytes(eight)) & HIGH;
        if found != 0 {
            return at + found.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    at + bytes[at..]
        .iter()
        .position(|&b| stops_at(b))
        .unwrap_or(bytes.len() - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Stops> {
        (0..8)
            .map(|k| Stops {
                capitals: k & 1 != 0,
                digits: k & 2 != 0,
                non_ascii: k & 4 != 0,
            })
            .collect()
    }

    #[test]
    fn stops_where_a_byte_by_byte_search_stops() {
        let text = "all lower case, then: @[Z` 0/9: and é at last, Q".as_bytes();
        for stops in every_kind() {
            for from in 0..=text.len() + 1 {
                let expected = text
                    .get(from..)
                    .and_then(|rest| rest.iter().position(|&b| stops.stop_at(b)))
                    .map_or(text.len(), |i| from + i);
                assert_eq!(next_stop(text, from, stops), expected, "{stops:?} from {from}");
            }
        }
    }

    #[test]
    fn ascii_letter_runs_end_where_a_byte_by_byte_search_ends_them() {
        let text = "Abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ@[`{ O'Brien’s é x".as_bytes();
        for from in 0..=text.len() + 1 {
            let expected = text
                .get(from..)
                .and_then(|rest| rest.iter().position(|b| !b.is_ascii_alphabetic()))
                .map_or(text.len(), |i| from + i);
            assert_eq!(ascii_letters_end(text, from), expected, "from {from}");
        }
        for b in 0..=255u8 {
            let mut bytes = *b"abcdefghijklmnop";
            bytes[5] = b;
            let expected = if b.is_ascii_alphabetic() { 16 } else { 5 };
            assert_eq!(ascii_letters_end(&bytes, 0), expected, "byte {b}");
        }
    }

    #[test]
    fn every_byte_value_is_told_apart() {
        for stops in every_kind() {
            for b in 0..=255u8 {
                let bytes = [b'a', b'b', b, b'x', b'y', b'z', b'w', b'v', b'u'];
                let expected = if stops.stop_at(b) { 2 } else { 9 };
                assert_eq!(next_stop(&bytes, 0, stops), expected, "{stops:?} byte {b}");
            }
        }
    }
}
