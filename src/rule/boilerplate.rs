//! The `boilerplate` kind: page furniture that matches whole lines or whole blocks.

use std::ops::Range;

use regex::Regex;

use super::pattern::compile_alternation;
use super::raw::{RawBoilerplate, RegexSource, Scope};
use super::{Check, Emitter};
use crate::finding::Fix;
use crate::source::Document;

/// Placeholders a `boilerplate` message may use.
pub const PLACEHOLDERS: &[&str] = &["match", "lines"];

/// A compiled `boilerplate` check.
#[derive(Debug, Clone)]
pub struct BoilerplateCheck {
    line: Option<Regex>,
    unless: Option<Regex>,
    block: Option<BlockPatterns>,
    max_chars: usize,
}

#[derive(Debug, Clone)]
struct BlockPatterns {
    start: Regex,
    continues: Regex,
    min_lines: usize,
}

fn whole_line(sources: &[RegexSource], case_sensitive: bool) -> Result<Regex, String> {
    let sources: Vec<&str> = sources.iter().map(|r| r.0.as_str()).collect();
    compile_alternation(&sources, case_sensitive, r"\A\s*(?:{})\s*\z")
}

impl BoilerplateCheck {
    /// Compile the line patterns into one anchored regex, and the block's patterns.
    pub fn compile(raw: &RawBoilerplate) -> Result<Self, String> {
        if raw.lines.is_empty() && raw.block.is_none() {
            return Err("`boilerplate` needs `lines` or `block`".into());
        }
        let line = if raw.lines.is_empty() {
            None
        } else {
            Some(whole_line(&raw.lines, raw.case_sensitive)?)
        };
        let block = match &raw.block {
            None => None,
            Some(b) if b.start.is_empty() => return Err("`block` needs at least one `start` pattern".into()),
            Some(b) => Some(BlockPatterns {
                start: whole_line(&b.start, raw.case_sensitive)?,
                continues: if b.continues.is_empty() {
                    Regex::new(r"[^\s\S]").map_err(|e| e.to_string())?
                } else {
                    whole_line(&b.continues, raw.case_sensitive)?
                },
                min_lines: b.min_lines.max(1),
            }),
        };
        let unless = if raw.unless.is_empty() {
            None
        } else {
            Some(whole_line(&raw.unless, raw.case_sensitive)?)
        };
        Ok(BoilerplateCheck {
            line,
            unless,
            block,
            max_chars: raw.max_chars,
        })
    }

    /// Short enough to be furniture, and not one of the `unless` exceptions.
    fn candidate(&self, line: &str) -> bool {
        (line.len() <= self.max_chars || line.chars().count() <= self.max_chars)
            && !self.unless.as_ref().is_some_and(|re| re.is_match(line))
    }

    /// The number of lines, starting at `first`, that form a block (0 if none).
    fn block_len(&self, text: &str, lines: &[Range<usize>], first: usize) -> usize {
        let Some(block) = &self.block else { return 0 };
        let line = |i: usize| &text[lines[i].clone()];
        if !self.candidate(line(first)) || !block.start.is_match(line(first)) {
            return 0;
        }
        let mut len = 1;
        while first + len < lines.len() {
            let next = line(first + len);
            if !self.candidate(next) || !block.continues.is_match(next) {
                break;
            }
            len += 1;
        }
        if len >= block.min_lines {
            len
        } else {
            0
        }
    }
}

impl Check for BoilerplateCheck {
    fn run(&self, doc: &Document, _scope: Scope, emit: &mut Emitter<'_>) {
        let text = &doc.prose.text;
        let lines = &doc.prose.lines;
        let mut i = 0;
        while i < lines.len() {
            let mut len = self.block_len(text, lines, i);
            if len == 0 {
                let line = &text[lines[i].clone()];
                let matches = self.line.as_ref().is_some_and(|re| re.is_match(line));
                len = usize::from(matches && self.candidate(line));
            }
            if len > 0 {
                let range = trimmed(text, lines[i].start..lines[i + len - 1].end);
                let span = doc.whole_lines(doc.source_span(range.clone()));
                let count = len.to_string();
                let description = if len == 1 {
                    "delete this line".to_owned()
                } else {
                    format!("delete these {len} lines")
                };
                let fix = Fix::replace(span, "", description);
                emit.emit(range, &[("lines", &count)], Some(fix));
                i += len;
            } else {
                i += 1;
            }
        }
    }
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    range.start + lead..(range.end - trail).max(range.start + lead)
}
