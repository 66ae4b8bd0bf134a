//! Every call into the YAML parser lives here, so positions are handled in one place.

use serde::Deserialize;

use crate::error::{RuleError, SourceError};
use crate::rule::raw::RawRule;

/// Parse a rule file: a YAML list of rules.
pub fn rule_file(path: &str, text: &str) -> Result<Vec<RawRule>, RuleError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_yaml::from_str::<Vec<RawRule>>(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        RuleError {
            path: path.to_owned(),
            line,
            column,
            message: clean_message(&e.to_string()),
        }
    })
}

/// Fields of front matter that copydesk uses.
#[derive(Debug, Default, Deserialize)]
pub struct FrontMatterFields {
    /// The article date, as written.
    #[serde(default, deserialize_with = "scalar_as_string")]
    pub date: Option<String>,
}

/// Parse front matter that starts on 1-based `first_line` of its article.
pub fn front_matter(text: &str, first_line: usize) -> Result<FrontMatterFields, SourceError> {
    if text.trim().is_empty() {
        return Ok(FrontMatterFields::default());
    }
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        SourceError::FrontMatter {
            path: String::new(),
            line: first_line + line - 1,
            column,
            message: clean_message(&e.to_string()),
        }
    })?;
    let date = match value.get("date") {
        Some(serde_yaml::Value::String(s)) => Some(s.clone()),
        Some(serde_yaml::Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    Ok(FrontMatterFields { date })
}

fn scalar_as_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    Option::<String>::deserialize(d)
}

/// serde_yaml appends " at line L column C" to its messages; the caller prints the position itself.
fn clean_message(message: &str) -> String {
    match message.find(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}
