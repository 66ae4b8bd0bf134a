//! Names of people, places and organisations: the entity dictionary, similarity of
//! spellings, ordinary English words, and the mentions found in one document.

pub mod dictionary;
pub mod mentions;
pub mod similar;
mod word_hash;
pub mod words;
