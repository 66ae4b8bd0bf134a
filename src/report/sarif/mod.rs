//! SARIF 2.1.0, the format GitHub code scanning uploads: one log, one run, every result.
//!
//! The log lists, in `tool.driver.rules`, the rules that produced results, in the order of
//! their first result. Columns count Unicode code points (`columnKind: unicodeCodePoints`),
//! as copydesk's do, and end positions are exclusive, as SARIF's are.

mod fingerprint;
mod model;

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use self::fingerprint::Fingerprints;
use self::model::{
    ArtifactChange, ArtifactContent, ArtifactLocation, Configuration, Driver, Invocation, Location, Log,
    Message, Notification, PhysicalLocation, Properties, Region, Replacement, ReportingDescriptor, Run,
    SarifResult, Tool,
};
use super::paths::artifact_uri;
use super::{Reporter, Summary};
use crate::engine::CheckedFile;
use crate::finding::{Finding, RuleInfo};
use crate::position::Span;
use crate::rule::raw::Severity;
use crate::rule::RuleSet;
use crate::source::Document;

/// Where people learn about copydesk: the crate's homepage or repository, when set.
const INFORMATION_URI: Option<&str> = {
    let homepage = env!("CARGO_PKG_HOMEPAGE");
    let repository = env!("CARGO_PKG_REPOSITORY");
    if !homepage.is_empty() {
        Some(homepage)
    } else if !repository.is_empty() {
        Some(repository)
    } else {
        None
    }
};

/// Collects results file by file and writes the SARIF log when the run finishes.
#[derive(Debug)]
pub struct SarifReporter {
    /// Descriptors of every loaded rule, by id.
    catalogue: HashMap<String, ReportingDescriptor>,
    /// Descriptors of the rules that produced results, in order of first result.
    rules: Vec<ReportingDescriptor>,
    /// Position of each rule in `rules`.
    rule_index: HashMap<String, usize>,
    results: Vec<SarifResult>,
    fingerprints: Fingerprints,
}

impl SarifReporter {
    /// A reporter that describes results with the metadata of the rules of `sets` (the
    /// first set that has a rule describes it).
    pub fn new(sets: &[&RuleSet]) -> Self {
        let mut catalogue = HashMap::new();
        let unused = &crate::suppress::UNUSED_SUPPRESSION;
        let note = unused.note.as_deref().unwrap_or_default();
        let first_sentence = note
            .split_inclusive(". ")
            .next()
            .unwrap_or(note)
            .trim()
            .to_owned();
        catalogue.insert(
            unused.id.clone(),
            descriptor(unused, first_sentence, Severity::Info),
        );
        let mut reporter = SarifReporter {
            catalogue,
            rules: Vec::new(),
            rule_index: HashMap::new(),
            results: Vec::new(),
            fingerprints: Fingerprints::default(),
        };
        for set in sets {
            reporter.learn(set);
        }
        reporter
    }

    /// Add the rules of `set` to the catalogue (rules already there keep their description).
    fn learn(&mut self, set: &RuleSet) {
        for rule in set.rules() {
            self.catalogue
                .entry(rule.id().to_owned())
                .or_insert_with(|| descriptor(&rule.info, rule.description(), rule.severity));
        }
    }

    /// The index of the finding's rule in the log, adding its descriptor on first use.
    fn index_of(&mut self, f: &Finding) -> usize {
        if let Some(&i) = self.rule_index.get(f.rule_id()) {
            return i;
        }
        let descriptor = self
            .catalogue
            .get(f.rule_id())
            .cloned()
            .unwrap_or_else(|| descriptor(&f.rule, f.message.clone(), f.severity));
        let i = self.rules.len();
        self.rules.push(descriptor);
        self.rule_index.insert(f.rule_id().to_owned(), i);
        i
    }

    fn result(&mut self, doc: &Document, uri: &str, f: &Finding) -> SarifResult {
        let matched = doc.slice(f.span);
        let fingerprint = self.fingerprints.next(f.rule_id(), matched, uri);
        SarifResult {
            rule_id: f.rule_id().to_owned(),
            rule_index: self.index_of(f),
            level: level(f.severity),
            message: Message::new(&f.message),
            locations: vec![Location {
                id: None,
                physical_location: physical(uri, region(doc, f.span, true)),
                message: None,
            }],
            related_locations: f
                .related
                .iter()
                .enumerate()
                .map(|(i, label)| Location {
                    id: Some(i + 1),
                    physical_location: physical(uri, region(doc, label.span, true)),
                    message: Some(Message::new(&label.message)),
                })
                .collect(),
            partial_fingerprints: BTreeMap::from([(fingerprint::KEY, fingerprint)]),
            fixes: f
                .fix
                .iter()
                .map(|fix| model::Fix {
                    description: Message::new(&fix.description),
                    artifact_changes: vec![ArtifactChange {
                        artifact_location: ArtifactLocation { uri: uri.to_owned() },
                        replacements: fix
                            .edits
                            .iter()
                            .map(|edit| Replacement {
                                deleted_region: region(doc, edit.span, false),
                                inserted_content: ArtifactContent {
                                    text: edit.replacement.clone(),
                                },
                            })
                            .collect(),
                    }],
                })
                .collect(),
        }
    }
}

/// The SARIF level of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A rule's descriptor: its id, its local name, its description and note, link, level
/// and category.
fn descriptor(info: &RuleInfo, description: String, severity: Severity) -> ReportingDescriptor {
    let note = info
        .note
        .as_deref()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty());
    let full = note.unwrap_or_else(|| description.clone());
    let help = match &info.link {
        Some(link) => format!("{full}\n\nSee {link}"),
        None => full.clone(),
    };
    let name = info.id.rsplit('/').next().unwrap_or(&info.id).to_owned();
    ReportingDescriptor {
        id: info.id.clone(),
        name,
        short_description: Message::new(description),
        full_description: Message::new(full),
        help_uri: info.link.clone(),
        help: Message::new(help),
        default_configuration: Configuration {
            level: level(severity),
        },
        properties: Properties {
            tags: vec![info.category.as_str().to_owned()],
        },
    }
}

/// The region of `span`, with its text as the snippet when `snippet` is set.
fn region(doc: &Document, span: Span, snippet: bool) -> Region {
    let start = doc.line_col(span.start);
    let end = doc.line_col(span.end);
    Region {
        start_line: start.line,
        start_column: start.column,
        end_line: end.line,
        end_column: end.column,
        snippet: snippet.then(|| ArtifactContent {
            text: doc.slice(span).to_owned(),
        }),
    }
}

fn physical(uri: &str, region: Region) -> PhysicalLocation {
    PhysicalLocation {
        artifact_location: ArtifactLocation { uri: uri.to_owned() },
        region: Some(region),
    }
}

impl Reporter for SarifReporter {
    fn rules(&mut self, rules: &RuleSet) {
        self.learn(rules);
    }

    fn file(&mut self, _out: &mut dyn Write, file: &CheckedFile) -> io::Result<()> {
        let uri = artifact_uri(&file.doc.path);
        for f in &file.findings {
            let result = self.result(&file.doc, &uri, f);
            self.results.push(result);
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let levelled = summary
            .errors
            .iter()
            .map(|e| ("error", e))
            .chain(summary.skipped.iter().map(|e| ("note", e)));
        let notifications = levelled
            .map(|(level, e)| Notification {
                level,
                message: Message::new(&e.message),
                locations: vec![Location {
                    id: None,
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation {
                            uri: artifact_uri(&e.path),
                        },
                        region: None,
                    },
                    message: None,
                }],
            })
            .collect();
        let log = Log {
            schema: model::SCHEMA,
            version: model::VERSION,
            runs: vec![Run {
                tool: Tool {
                    driver: Driver {
                        name: "copydesk",
                        version: env!("CARGO_PKG_VERSION"),
                        information_uri: INFORMATION_URI,
                        rules: std::mem::take(&mut self.rules),
                    },
                },
                invocations: vec![Invocation {
                    execution_successful: summary.errors.is_empty(),
                    tool_execution_notifications: notifications,
                }],
                column_kind: "unicodeCodePoints",
                results: std::mem::take(&mut self.results),
            }],
        };
        serde_json::to_writer_pretty(&mut *out, &log)?;
        writeln!(out)
    }
}
