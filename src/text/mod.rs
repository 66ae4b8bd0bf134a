//! Rule-agnostic analyses of prose: sentences and URLs.

pub mod capitalised;
pub mod phrases;
pub mod quantities;
pub mod quotes;
pub mod sentences;
pub mod urls;
pub mod words;
