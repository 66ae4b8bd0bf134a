//! GitHub Actions workflow commands: one `::warning file=…::message` annotation per finding.

use std::io::{self, Write};

use super::paths::workspace_path;
use super::{located, Reporter, Summary};
use crate::engine::CheckedFile;
use crate::rule::raw::Severity;

/// Annotations that GitHub Actions shows on the lines of a pull request.
#[derive(Debug, Default)]
pub struct GithubReporter;

/// The workflow command for a severity.
fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

/// Escape the message of a workflow command (`%`, `\r`, `\n`).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Escape a property value of a workflow command (as data, plus `:` and `,`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Reporter for GithubReporter {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile) -> io::Result<()> {
        let path = escape_property(&workspace_path(&file.doc.path));
        for f in &file.findings {
            let (start, end) = located(&file.doc, f);
            writeln!(
                out,
                "::{} file={path},line={},col={},endLine={},endColumn={},title={}::{}",
                command(f.severity),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(f.rule_id()),
                escape_data(&f.message)
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        for e in &summary.errors {
            writeln!(
                out,
                "::error file={}::{}",
                escape_property(&workspace_path(&e.path)),
                escape_data(&e.message)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_escapes_percent_and_line_breaks_only() {
        assert_eq!(escape_data("50%, a: b\r\nc"), "50%25, a: b%0D%0Ac");
    }

    #[test]
    fn properties_also_escape_colons_and_commas() {
        assert_eq!(escape_property("a,b:c%\n"), "a%2Cb%3Ac%25%0A");
    }
}
