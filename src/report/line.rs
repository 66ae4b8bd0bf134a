//! `path:line:col: severity: message [rule]`, the format editors' error parsers read.

use std::io::{self, Write};

use super::{located, Reporter, Summary};
use crate::engine::CheckedFile;

/// One finding per line.
#[derive(Debug, Default)]
pub struct LineReporter;

impl Reporter for LineReporter {
    fn file(&mut self, out: &mut dyn Write, file: &CheckedFile) -> io::Result<()> {
        for f in &file.findings {
            let (start, _) = located(&file.doc, f);
            writeln!(
                out,
                "{}:{}:{}: {}: {} [{}]",
                file.doc.path,
                start.line,
                start.column,
                f.severity.as_str(),
                f.message,
                f.rule_id()
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
