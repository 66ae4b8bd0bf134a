//! The hash of the English word table, shared by the build script (which builds the table)
//! and `names::words` (which reads it): FNV-1a over the word's lower-case bytes.

/// FNV-1a, 64 bits, of `bytes`.
pub fn word_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}
