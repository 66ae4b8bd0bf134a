//! The YAML model of `copydesk.yaml`, mirrored field for field; unknown keys are errors.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::rule::raw::Severity;
use crate::source::Format;

/// A project configuration file.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawConfig {
    /// Load the embedded default pack (default: yes).
    #[serde(default = "yes")]
    pub default_rules: bool,
    /// Rule pack folders, relative to the configuration file.
    #[serde(default)]
    pub packs: Vec<String>,
    /// Rules to switch off: ids, globs over ids, or category names.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Rules to switch back on after `disable`.
    #[serde(default)]
    pub enable: Vec<String>,
    /// Severity overrides by rule selector.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// House-style choices for the names family.
    #[serde(default)]
    pub names: RawNamesStyle,
    /// Extra file extensions to check in folders, each with its input format.
    #[serde(default)]
    pub extensions: BTreeMap<String, Format>,
    /// Exit 1 when a finding at or above this severity is reported.
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    /// Report only findings at or above this severity.
    #[serde(default)]
    pub min_severity: Option<Severity>,
    /// Settings for the files that match glob patterns, applied in order.
    #[serde(default)]
    pub overrides: Vec<RawOverride>,
}

/// House style for names: entity name → preferred form.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawNamesStyle {
    /// The form the house writes for each entity, by the entity's dictionary name.
    #[serde(default)]
    pub prefer: BTreeMap<String, String>,
}

/// Settings for some files.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawOverride {
    /// Glob patterns of paths relative to the configuration file (`archive/**`, `*.html`).
    pub files: Vec<String>,
    /// Rules to switch off for these files.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Rules to switch back on for these files.
    #[serde(default)]
    pub enable: Vec<String>,
    /// Severity overrides for these files.
    #[serde(default)]
    pub severity: BTreeMap<String, Severity>,
    /// Report only findings at or above this severity in these files.
    #[serde(default)]
    pub min_severity: Option<Severity>,
}

/// When a run fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum FailOn {
    /// Any finding.
    Info,
    /// Warnings and errors.
    Warning,
    /// Errors only.
    Error,
    /// Never (findings are still reported).
    Never,
}

impl FailOn {
    /// True when a finding of `severity` makes the run fail.
    pub fn fails(self, severity: Severity) -> bool {
        match self {
            FailOn::Info => true,
            FailOn::Warning => severity >= Severity::Warning,
            FailOn::Error => severity >= Severity::Error,
            FailOn::Never => false,
        }
    }
}

fn yes() -> bool {
    true
}
