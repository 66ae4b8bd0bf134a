//! Batch input: articles as JSON Lines records, read in batches of bounded size.
//!
//! Each line is one JSON object: `id` (string or number) and `text` are required;
//! `format` (`text`, `markdown`, `html`), `date` (`YYYY-MM-DD`) and `path` are optional,
//! and other fields are ignored. Blank lines are skipped. A line that is not such a
//! record becomes a [`RecordError`] carrying its id when one could be read, so that the
//! stream goes on.

use std::fmt;
use std::io::{self, BufRead};

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::names::dictionary::is_iso_date;
use crate::source::Format;

/// A record's identifier, echoed on every output line about the record.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum RecordId {
    /// A string id, as given.
    Text(String),
    /// A numeric id, as given.
    Number(serde_json::Number),
}

impl RecordId {
    /// The id of a JSON value, when it is a string or a number.
    pub fn from_value(value: &serde_json::Value) -> Option<RecordId> {
        match value {
            serde_json::Value::String(s) => Some(RecordId::Text(s.clone())),
            serde_json::Value::Number(n) => Some(RecordId::Number(n.clone())),
            _ => None,
        }
    }
}

impl fmt::Display for RecordId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordId::Text(s) => f.write_str(s),
            RecordId::Number(n) => write!(f, "{n}"),
        }
    }
}

impl<'de> Deserialize<'de> for RecordId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct IdVisitor;

        impl Visitor<'_> for IdVisitor {
            type Value = RecordId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or a number")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<RecordId, E> {
                Ok(RecordId::Text(v.to_owned()))
            }

            fn visit_string<E: de::Error>(self, v: String) -> Result<RecordId, E> {
                Ok(RecordId::Text(v))
            }

            fn visit_u64<E: de::Error>(self, v: u64) -> Result<RecordId, E> {
                Ok(RecordId::Number(v.into()))
            }

            fn visit_i64<E: de::Error>(self, v: i64) -> Result<RecordId, E> {
                Ok(RecordId::Number(v.into()))
            }

            fn visit_f64<E: de::Error>(self, v: f64) -> Result<RecordId, E> {
                serde_json::Number::from_f64(v)
                    .map(RecordId::Number)
                    .ok_or_else(|| E::custom("the id is not a finite number"))
            }
        }

        deserializer.deserialize_any(IdVisitor)
    }
}

/// One article of a batch.
#[derive(Debug, Clone, Deserialize)]
pub struct Record {
    /// Identifies the record in the output.
    pub id: RecordId,
    /// The article's source text.
    pub text: String,
    /// Its input format; otherwise the one implied by `path`.
    #[serde(default)]
    pub format: Option<Format>,
    /// Its date, used when the text gives none of its own.
    #[serde(default, deserialize_with = "optional_date")]
    pub date: Option<String>,
    /// The path it is reported under and configured as (it need not exist).
    #[serde(default)]
    pub path: Option<String>,
}

fn optional_date<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    match Option::<String>::deserialize(deserializer)? {
        Some(date) if !is_iso_date(&date) => Err(de::Error::custom(format!(
            "`{date}` is not a date of the form YYYY-MM-DD"
        ))),
        date => Ok(date),
    }
}

/// Why a line is not a record.
#[derive(Debug, Error)]
pub enum RecordProblem {
    /// The line is not JSON.
    #[error("invalid JSON: {0}")]
    Syntax(serde_json::Error),
    /// The line is JSON but not an object.
    #[error("a record must be a JSON object")]
    NotAnObject,
    /// A field is missing or has the wrong type or value.
    #[error("{0}")]
    Field(String),
}

/// A line that is not a record, with the record's id when it could be read.
#[derive(Debug, Error)]
#[error("{problem}")]
pub struct RecordError {
    /// The `id` field, when it is a string or a number.
    pub id: Option<RecordId>,
    /// What is wrong.
    pub problem: RecordProblem,
}

impl Record {
    /// Parse one line of JSON Lines input.
    pub fn parse(line: &[u8]) -> Result<Record, RecordError> {
        let value: serde_json::Value = serde_json::from_slice(line).map_err(|e| RecordError {
            id: None,
            problem: RecordProblem::Syntax(e),
        })?;
        let id = value.get("id").and_then(RecordId::from_value);
        if !value.is_object() {
            return Err(RecordError {
                id,
                problem: RecordProblem::NotAnObject,
            });
        }
        serde_path_to_error::deserialize(value).map_err(|e| {
            let field = e.path().to_string();
            let message = if field == "." {
                e.inner().to_string()
            } else {
                format!("`{field}`: {}", e.inner())
            };
            RecordError {
                id,
                problem: RecordProblem::Field(message),
            }
        })
    }
}

/// One non-blank input line: its 1-based number and what it holds.
#[derive(Debug)]
pub struct NumberedRecord {
    /// The line number in the input.
    pub line: usize,
    /// The record, or why the line is not one.
    pub record: Result<Record, RecordError>,
}

/// How much of the input one batch may hold.
#[derive(Debug, Clone, Copy)]
pub struct BatchLimits {
    /// Records per batch.
    pub records: usize,
    /// Input bytes per batch; a batch ends after the line that reaches this size.
    pub bytes: usize,
}

/// Reads JSON Lines records in batches, so that memory stays bounded however long the
/// input is: a batch holds at most [`BatchLimits`] worth of lines (a single line is
/// always read whole).
#[derive(Debug)]
pub struct RecordReader<R> {
    input: R,
    line: usize,
    buffer: Vec<u8>,
}

impl<R: BufRead> RecordReader<R> {
    /// Read records from `input`.
    pub fn new(input: R) -> Self {
        RecordReader {
            input,
            line: 0,
            buffer: Vec::new(),
        }
    }

    /// The next batch of records in input order (empty when it held only blank lines);
    /// `None` once the input is exhausted.
    pub fn next_batch(&mut self, limits: BatchLimits) -> io::Result<Option<Vec<NumberedRecord>>> {
        let mut batch = Vec::new();
        let mut bytes = 0;
        let mut at_end = false;
        while batch.len() < limits.records.max(1) && bytes < limits.bytes {
            self.buffer.clear();
            if self.input.read_until(b'\n', &mut self.buffer)? == 0 {
                at_end = true;
                break;
            }
            self.line += 1;
            bytes += self.buffer.len();
            if self.buffer.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            batch.push(NumberedRecord {
                line: self.line,
                record: Record::parse(&self.buffer),
            });
        }
        Ok(if batch.is_empty() && at_end {
            None
        } else {
            Some(batch)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(line: &str) -> (Option<RecordId>, String) {
        let e = Record::parse(line.as_bytes()).unwrap_err();
        let message = e.to_string();
        (e.id, message)
    }

    #[test]
    fn full_records_parse() {
        let r = Record::parse(
            br#"{"id":"a1","text":"Hello.","format":"markdown","date":"2024-05-01","path":"x/y.md","extra":[1]}"#,
        )
        .unwrap();
        assert_eq!(r.id, RecordId::Text("a1".into()));
        assert_eq!(r.text, "Hello.");
        assert_eq!(r.format, Some(Format::Markdown));
        assert_eq!(r.date.as_deref(), Some("2024-05-01"));
        assert_eq!(r.path.as_deref(), Some("x/y.md"));
        let r = Record::parse(br#"{"id":7,"text":"","format":null}"#).unwrap();
        assert_eq!(r.id.to_string(), "7");
        assert_eq!(r.format, None);
    }

    #[test]
    fn problems_name_the_field_and_keep_the_id() {
        assert_eq!(
            problem(r#"{"id":3}"#),
            (Some(RecordId::Number(3.into())), "missing field `text`".into())
        );
        assert_eq!(problem(r#"{"text":"x"}"#).1, "missing field `id`");
        let (id, message) = problem(r#"{"id":"b","text":5}"#);
        assert_eq!(id, Some(RecordId::Text("b".into())));
        assert!(
            message.starts_with("`text`: invalid type: integer `5`"),
            "{message}"
        );
        assert!(problem(r#"{"id":true,"text":"x"}"#)
            .1
            .contains("a string or a number"));
        assert!(problem(r#"{"id":1,"text":"x","format":"pdf"}"#)
            .1
            .starts_with("`format`: unknown variant `pdf`"));
        assert!(problem(r#"{"id":1,"text":"x","date":"1 May"}"#)
            .1
            .contains("not a date of the form YYYY-MM-DD"));
        assert_eq!(problem("[1,2]").1, "a record must be a JSON object");
        let (id, message) = problem(r#"{"id":1,"text":"#);
        assert_eq!(id, None);
        assert!(message.starts_with("invalid JSON: "), "{message}");
    }

    #[test]
    fn batches_are_bounded_and_numbered() {
        let input =
            "{\"id\":1,\"text\":\"a\"}\n\n{\"id\":2,\"text\":\"b\"}\r\nnot json\n{\"id\":4,\"text\":\"d\"}";
        let mut reader = RecordReader::new(input.as_bytes());
        let limits = BatchLimits {
            records: 2,
            bytes: usize::MAX,
        };
        let first = reader.next_batch(limits).unwrap().unwrap();
        assert_eq!(first.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 3]);
        let second = reader.next_batch(limits).unwrap().unwrap();
        assert_eq!(second.iter().map(|r| r.line).collect::<Vec<_>>(), [4, 5]);
        assert!(second[0].record.is_err());
        assert_eq!(second[1].record.as_ref().unwrap().text, "d");
        assert!(reader.next_batch(limits).unwrap().is_none());

        let mut reader = RecordReader::new(input.as_bytes());
        let small = BatchLimits {
            records: 100,
            bytes: 10,
        };
        assert_eq!(reader.next_batch(small).unwrap().unwrap().len(), 1);
    }

    #[test]
    fn trailing_blank_lines_end_the_input() {
        let mut reader = RecordReader::new("\n\n".as_bytes());
        let limits = BatchLimits {
            records: 8,
            bytes: 1 << 20,
        };
        assert!(reader.next_batch(limits).unwrap().is_none());
    }
}
