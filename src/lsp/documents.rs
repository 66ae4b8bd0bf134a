//! The documents a client has open: their latest text, and findings of the last check.

use std::collections::HashMap;
use std::path::Path;

use lsp_types::{CodeActionOrCommand, Diagnostic, Range, TextDocumentItem, Url};

use super::encoding::{Encoding, Positions};
use super::{actions, diagnostics};
use crate::config::Project;
use crate::finding::Finding;
use crate::source::{Document, Format};

/// True for configuration and rule files: saving one re-checks every document.
pub fn is_rule_file(uri: &Url) -> bool {
    let path = uri.path();
    path.ends_with(".yaml") || path.ends_with(".yml")
}

/// One open document.
#[derive(Debug)]
pub struct OpenDocument {
    /// The client's version of the text.
    pub version: i32,
    language: String,
    text: String,
    changed: bool,
    checked: Option<Checked>,
}

/// The result of the last check.
#[derive(Debug)]
enum Checked {
    Findings(Box<Document>, Vec<Finding>),
    Failed(String),
}

impl OpenDocument {
    /// True when the text or the rules changed since the last check.
    pub fn is_changed(&self) -> bool {
        self.changed
    }

    /// Check the latest text with `project` (`None`: its configuration is broken).
    pub fn check(&mut self, uri: &Url, project: Option<&Project>) {
        self.changed = false;
        let Some(project) = project else {
            let message = "copydesk: the configuration or rules that apply here are broken; \
                           see the problems reported on those files"
                .to_owned();
            self.checked = Some(Checked::Failed(message));
            return;
        };
        let path = uri
            .to_file_path()
            .unwrap_or_else(|()| Path::new(uri.path()).to_owned());
        let format = project
            .format_for(&path)
            .or_else(|| language_format(&self.language))
            .unwrap_or_else(|| Format::from_path(&path));
        let shown = path.display().to_string();
        self.checked = Some(match Document::parse(shown, self.text.clone(), format) {
            Ok(doc) => {
                let settings = project.settings_for(&path);
                let mut findings = project.rules.check_selected(&doc, Some(&settings.selection));
                findings.retain(|f| f.severity >= settings.min_severity);
                Checked::Findings(Box::new(doc), findings)
            }
            Err(e) => Checked::Failed(e.to_string()),
        });
    }

    /// Diagnostics of the last check.
    pub fn diagnostics(&self, uri: &Url, encoding: Encoding) -> Vec<Diagnostic> {
        match &self.checked {
            Some(Checked::Findings(doc, findings)) => findings
                .iter()
                .map(|f| diagnostics::of_finding(doc, uri, f, encoding))
                .collect(),
            Some(Checked::Failed(message)) => vec![diagnostics::not_checked(message.clone())],
            None => Vec::new(),
        }
    }

    /// Code actions for the findings of the last check within `range`.
    pub fn code_actions(&self, uri: &Url, range: Range, encoding: Encoding) -> Vec<CodeActionOrCommand> {
        let Some(Checked::Findings(doc, findings)) = &self.checked else {
            return Vec::new();
        };
        let positions = Positions::new(&doc.text, &doc.lines, encoding);
        let wanted = positions.offset(range.start)..positions.offset(range.end);
        actions::for_range(doc, uri, findings, wanted, encoding)
    }
}

/// The input format of an LSP language id.
fn language_format(language: &str) -> Option<Format> {
    match language {
        "markdown" => Some(Format::Markdown),
        "html" => Some(Format::Html),
        "plaintext" | "text" => Some(Format::Text),
        _ => None,
    }
}

/// Every open document, by URI.
#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<Url, OpenDocument>,
}

impl Documents {
    /// A document was opened (rule and configuration files are not articles).
    pub fn open(&mut self, item: TextDocumentItem) {
        if is_rule_file(&item.uri) {
            return;
        }
        self.open.insert(
            item.uri,
            OpenDocument {
                version: item.version,
                language: item.language_id,
                text: item.text,
                changed: true,
                checked: None,
            },
        );
    }

    /// Its whole text changed.
    pub fn change(&mut self, uri: &Url, version: i32, text: String) {
        if let Some(doc) = self.open.get_mut(uri) {
            doc.version = version;
            doc.text = text;
            doc.changed = true;
        }
    }

    /// Check it again.
    pub fn touch(&mut self, uri: &Url) {
        if let Some(doc) = self.open.get_mut(uri) {
            doc.changed = true;
        }
    }

    /// Check every document again.
    pub fn touch_all(&mut self) {
        for doc in self.open.values_mut() {
            doc.changed = true;
        }
    }

    /// It was closed; true when it was open.
    pub fn close(&mut self, uri: &Url) -> bool {
        self.open.remove(uri).is_some()
    }

    /// The documents to check, in a stable order.
    pub fn changed(&self) -> Vec<Url> {
        let mut uris: Vec<Url> = self
            .open
            .iter()
            .filter(|(_, d)| d.changed)
            .map(|(u, _)| u.clone())
            .collect();
        uris.sort();
        uris
    }

    /// An open document.
    pub fn get(&self, uri: &Url) -> Option<&OpenDocument> {
        self.open.get(uri)
    }

    /// An open document, to check.
    pub fn get_mut(&mut self, uri: &Url) -> Option<&mut OpenDocument> {
        self.open.get_mut(uri)
    }
}
