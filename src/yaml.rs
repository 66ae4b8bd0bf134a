//! Every call into the YAML parser lives here, so positions are handled in one place.

use crate::error::{RuleError, SourceError};
use crate::names::dictionary::RawEntity;
use crate::rule::raw::RawRule;

/// Parse a rule file: a YAML list of rules.
pub fn rule_file(path: &str, text: &str) -> Result<Vec<RawRule>, RuleError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_yaml::from_str::<Vec<RawRule>>(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = readable_path(&clean_message(&e.to_string()));
        let (line, column) = refine_to_value(text, &message, line).unwrap_or((line, column));
        RuleError {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    })
}

/// serde_yaml places an error in a list item at the list; when the message quotes
/// the offending value (`…`), move to the line that holds it.
fn refine_to_value(text: &str, message: &str, from_line: usize) -> Option<(usize, usize)> {
    if !message.contains("invalid regex") {
        return None;
    }
    let quoted = message.split('`').nth(1).filter(|q| q.len() >= 3)?;
    text.lines()
        .enumerate()
        .skip(from_line.saturating_sub(1))
        .find_map(|(i, l)| l.find(quoted).map(|c| (i + 1, l[..c].chars().count() + 1)))
}

/// `.[1].check.boilerplate.lines: …` becomes `rule 2, check.boilerplate.lines: …`.
fn readable_path(message: &str) -> String {
    let Some(rest) = message.strip_prefix(".[") else {
        return message.to_owned();
    };
    let Some((index, rest)) = rest.split_once(']') else {
        return message.to_owned();
    };
    let Ok(index) = index.parse::<usize>() else {
        return message.to_owned();
    };
    match rest.strip_prefix('.') {
        Some(rest) => format!("rule {}, {rest}", index + 1),
        None => format!("rule {}{rest}", index + 1),
    }
}

/// Parse an entity dictionary: a YAML list of entities.
pub fn entity_file(path: &str, text: &str) -> Result<Vec<RawEntity>, RuleError> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    serde_yaml::from_str::<Vec<RawEntity>>(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        let message = clean_message(&e.to_string()).replacen(".[", "entity [", 1);
        RuleError {
            path: path.to_owned(),
            line,
            column,
            message,
        }
    })
}

/// Fields of front matter that copydesk uses.
#[derive(Debug, Default)]
pub struct FrontMatterFields {
    /// The article date, as written.
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

/// serde_yaml puts " at line L column C" after its message; the caller prints that
/// position itself, so the first one is dropped (later ones give context and stay).
fn clean_message(message: &str) -> String {
    let Some(i) = message.find(" at line ") else {
        return message.to_owned();
    };
    let rest = &message[i + " at line ".len()..];
    let skip = rest
        .split_once(" column ")
        .map(|(_, after)| after.trim_start_matches(|c: char| c.is_ascii_digit()))
        .unwrap_or(rest);
    format!("{}{skip}", &message[..i])
}

/// Parse a project configuration file (`copydesk.yaml`); an empty file is the default.
pub fn config_file(path: &str, text: &str) -> Result<crate::config::raw::RawConfig, RuleError> {
    if text.trim().is_empty() {
        return Ok(crate::config::raw::RawConfig::default());
    }
    serde_yaml::from_str(text).map_err(|e| {
        let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
        RuleError {
            path: path.to_owned(),
            line,
            column,
            message: clean_message(&e.to_string()),
        }
    })
}

/// Print a value as YAML (for `copydesk config`).
pub fn to_yaml<T: serde::Serialize>(value: &T) -> String {
    serde_yaml::to_string(value).unwrap_or_default()
}
