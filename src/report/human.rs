//! rustc-style output: location, severity, rule, message, the source with the match
//! underlined, and the suggested fix.

use std::io::{self, Write};

use annotate_snippets::{Level, Renderer, Snippet};

use super::{located, summary_line, Reporter, Summary};
use crate::engine::CheckedFile;
use crate::finding::Finding;
use crate::rule::raw::Severity;
use crate::source::Document;

/// Human-readable findings.
pub struct HumanReporter {
    renderer: Renderer,
}

impl HumanReporter {
    /// A reporter that colours its output when `color` is set.
    pub fn new(color: bool) -> Self {
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        HumanReporter { renderer }
    }

    fn render(&self, doc: &Document, f: &Finding) -> String {
        let level = match f.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
            Severity::Info => Level::Info,
        };
        let (start, end) = located(doc, f);
        let region_start = doc.lines.line_start(start.line).unwrap_or(0);
        let region_end = doc
            .lines
            .line_range(&doc.text, end.line.max(start.line))
            .map_or(doc.text.len(), |r| r.end)
            .max(f.span.end);
        let region = &doc.text[region_start..region_end];
        let suggestion = f.fix.as_ref().and_then(|fix| {
            let edit = fix.edits.first()?;
            (!edit.replacement.is_empty()).then(|| format!("replace with “{}”", edit.replacement))
        });
        let label = f.fix.as_ref().map_or("", |fix| fix.description.as_str());
        let snippet = Snippet::source(region)
            .line_start(start.line)
            .origin(&doc.path)
            .fold(false)
            .annotation(
                level
                    .span(f.span.start - region_start..f.span.end - region_start)
                    .label(label),
            );
        let mut message = level.title(&f.message).id(f.rule_id()).snippet(snippet);
        if let Some(s) = &suggestion {
            message = message.footer(Level::Help.title(s));
        }
        if let Some(note) = &f.rule.note {
            message = message.footer(Level::Note.title(note.trim()));
        }
        if let Some(link) = &f.rule.link {
            message = message.footer(Level::Note.title(link));
        }
        let rendered = self.renderer.render(message).to_string();
        rendered
    }
}

impl Reporter for HumanReporter {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile) -> io::Result<()> {
        for f in &file.findings {
            writeln!(out, "{}\n", self.render(&file.doc, f))?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", summary_line(summary))
    }
}
