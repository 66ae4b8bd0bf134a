//! Findings and rule-file problems as LSP diagnostics.

use std::path::Path;

use lsp_types::{
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Range, Url,
};

use super::encoding::{Encoding, Positions};
use crate::error::RuleError;
use crate::finding::Finding;
use crate::position::{LineCol, LineIndex};
use crate::rule::raw::Severity;
use crate::source::Document;

/// Name shown as the source of every diagnostic.
pub const SOURCE: &str = "copydesk";

/// A finding of `doc` (open as `uri`) as a diagnostic; related places become related
/// information, the rule id the code, and its link the code description.
pub fn of_finding(doc: &Document, uri: &Url, finding: &Finding, encoding: Encoding) -> Diagnostic {
    let positions = Positions::new(&doc.text, &doc.lines, encoding);
    let related = finding
        .related
        .iter()
        .map(|label| DiagnosticRelatedInformation {
            location: Location::new(uri.clone(), positions.range(label.span)),
            message: label.message.clone(),
        })
        .collect::<Vec<_>>();
    Diagnostic {
        range: positions.range(finding.span),
        severity: Some(severity(finding.severity)),
        code: Some(NumberOrString::String(finding.rule_id().to_owned())),
        code_description: finding
            .rule
            .link
            .as_deref()
            .and_then(|link| Url::parse(link).ok())
            .map(|href| CodeDescription { href }),
        source: Some(SOURCE.to_owned()),
        message: finding.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// The LSP severity of a copydesk severity.
pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// A problem in a rule or configuration file, as a diagnostic on that file (its
/// column converted from characters to the client's units when the file is readable).
pub fn of_rule_error(error: &RuleError, encoding: Encoding) -> Option<(Url, Diagnostic)> {
    let path = std::path::absolute(Path::new(&error.path)).ok()?;
    let uri = Url::from_file_path(&path).ok()?;
    let position = std::fs::read_to_string(&path)
        .ok()
        .and_then(|text| {
            let lines = LineIndex::new(&text);
            let at = LineCol {
                line: error.line,
                column: error.column,
            };
            let offset = lines.offset(&text, at)?;
            Some(Positions::new(&text, &lines, encoding).position(offset))
        })
        .unwrap_or_else(|| {
            lsp_types::Position::new(
                u32::try_from(error.line.saturating_sub(1)).unwrap_or(0),
                u32::try_from(error.column.saturating_sub(1)).unwrap_or(0),
            )
        });
    let diagnostic = Diagnostic {
        range: Range::new(position, position),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_owned()),
        message: error.message.clone(),
        ..Diagnostic::default()
    };
    Some((uri, diagnostic))
}

/// A note at the top of a document that could not be checked.
pub fn not_checked(message: String) -> Diagnostic {
    Diagnostic {
        range: Range::default(),
        severity: Some(DiagnosticSeverity::ERROR),
        source: Some(SOURCE.to_owned()),
        message,
        ..Diagnostic::default()
    }
}
