//! Checkstyle XML, read by CI dashboards and review bots: one `<file>` per checked file,
//! one `<error>` per finding.

use std::io::{self, Write};

use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, Event};
use quick_xml::Writer;

use super::{located, Reporter, Summary};
use crate::engine::CheckedFile;
use crate::rule::raw::Severity;

/// The Checkstyle report layout version written in the root element.
const CHECKSTYLE_VERSION: &str = "4.3";

/// Writes `<checkstyle version="4.3"><file name=…><error …/></file></checkstyle>`,
/// file by file. Files that could not be checked get one `<error>` without a line.
pub struct CheckstyleReporter {
    xml: Writer<Vec<u8>>,
    started: bool,
}

impl Default for CheckstyleReporter {
    fn default() -> Self {
        CheckstyleReporter {
            xml: Writer::new_with_indent(Vec::new(), b' ', 2),
            started: false,
        }
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    }
}

impl CheckstyleReporter {
    fn start(&mut self) -> io::Result<()> {
        if !self.started {
            self.started = true;
            self.xml
                .write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
            self.xml.write_event(Event::Start(
                BytesStart::new("checkstyle").with_attributes([("version", CHECKSTYLE_VERSION)]),
            ))?;
        }
        Ok(())
    }

    /// Move what has been written so far to `out`.
    fn drain(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let buffer = self.xml.get_mut();
        out.write_all(buffer)?;
        buffer.clear();
        Ok(())
    }
}

impl Reporter for CheckstyleReporter {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile) -> io::Result<()> {
        self.start()?;
        let element = self
            .xml
            .create_element("file")
            .with_attribute(("name", file.doc.path.as_str()));
        if file.findings.is_empty() {
            element.write_empty()?;
            return self.drain(out);
        }
        element.write_inner_content(|xml| {
            for f in &file.findings {
                let (start, _) = located(&file.doc, f);
                xml.create_element("error")
                    .with_attribute(("line", start.line.to_string().as_str()))
                    .with_attribute(("column", start.column.to_string().as_str()))
                    .with_attribute(("severity", severity(f.severity)))
                    .with_attribute(("message", f.message.as_str()))
                    .with_attribute(("source", f.rule_id()))
                    .write_empty()?;
            }
            Ok(())
        })?;
        self.drain(out)
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.start()?;
        for e in &summary.errors {
            self.xml
                .create_element("file")
                .with_attribute(("name", e.path.as_str()))
                .write_inner_content(|xml| {
                    xml.create_element("error")
                        .with_attribute(("severity", "error"))
                        .with_attribute(("message", e.message.as_str()))
                        .with_attribute(("source", "copydesk"))
                        .write_empty()?;
                    Ok(())
                })?;
        }
        self.xml.write_event(Event::End(BytesEnd::new("checkstyle")))?;
        self.drain(out)?;
        writeln!(out)
    }
}
