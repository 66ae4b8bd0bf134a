//! YAML front matter between `---` lines at the top of a Markdown file.

use crate::error::SourceError;
use crate::yaml;

/// Front matter found at the start of a document.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    /// Byte where the prose after the front matter starts.
    pub body_start: usize,
    /// The `date:` value, if any.
    pub date: Option<String>,
}

/// Split off front matter: returns `None` when the text has none.
pub fn parse(text: &str) -> Result<Option<FrontMatter>, SourceError> {
    let text_start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[text_start..];
    let first_len = match rest.split_inclusive('\n').next() {
        Some(line) if line.trim_end() == "---" && line.ends_with('\n') => line.len(),
        _ => return Ok(None),
    };
    let yaml_start = text_start + first_len;
    let mut pos = yaml_start;
    for line in text[yaml_start..].split_inclusive('\n') {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let fields = yaml::front_matter(&text[yaml_start..pos], line_of(text, yaml_start))?;
            return Ok(Some(FrontMatter {
                body_start: pos + line.len(),
                date: fields.date,
            }));
        }
        pos += line.len();
    }
    Ok(None)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].bytes().filter(|&b| b == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_date_and_body_start() {
        let text = "---\ntitle: A\ndate: 2025-08-19\n---\nBody.\n";
        let fm = parse(text).unwrap().unwrap();
        assert_eq!(fm.date.as_deref(), Some("2025-08-19"));
        assert_eq!(&text[fm.body_start..], "Body.\n");
    }

    #[test]
    fn no_front_matter() {
        assert!(parse("Title\n---\n").unwrap().is_none());
        assert!(parse("---\nunterminated: true\n").unwrap().is_none());
    }

    #[test]
    fn broken_front_matter_names_its_line() {
        let err = parse("---\ntitle: A\ndate: x: y\n---\nBody\n").unwrap_err();
        let message = err.to_string();
        assert!(message.starts_with(":3:"), "{message}");
    }
}
