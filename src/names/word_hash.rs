//! The hash of the English word table, shared by the build script (which builds the table)
//! and `names::words` (which reads it): FNV-1a over the word's lower-case bytes.

/// The hash of no bytes.
pub const EMPTY: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash of some bytes followed by `byte`, from `hash`, the hash of those bytes.
pub fn add_byte(hash: u64, byte: u8) -> u64 {
    (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
}
