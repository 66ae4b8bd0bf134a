//! Project configuration: `copydesk.yaml`, found from each checked file's folder
//! upwards, chooses rule packs, switches rules on and off, overrides severities, sets
//! house style and adds file extensions, for all files or for the paths matching globs.

mod projects;
pub mod raw;
pub mod select;

pub use projects::Projects;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use globset::{GlobBuilder, GlobSet, GlobSetBuilder};

use crate::error::{Error, RuleError, RuleErrors};
use crate::rule::raw::Severity;
use crate::rule::{RuleSet, RuleSource};
use crate::source::Format;
use raw::{FailOn, RawConfig};
use select::{RuleSelection, Selector};

/// File names a configuration may have, in the order they are looked for in a folder.
pub const CONFIG_FILE_NAMES: [&str; 2] = ["copydesk.yaml", ".copydesk.yaml"];

/// A configuration file, read and parsed.
#[derive(Debug, Clone)]
pub struct ConfigFile {
    /// Where it is.
    pub path: PathBuf,
    /// Its folder: packs and `files` globs are relative to it.
    pub dir: PathBuf,
    /// What it says.
    pub raw: RawConfig,
    text: String,
}

impl ConfigFile {
    /// Read and parse a configuration file; errors name its path, line and column.
    pub fn read(path: &Path) -> Result<ConfigFile, RuleError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| RuleError {
            path: shown.clone(),
            line: 1,
            column: 1,
            message: format!("cannot read configuration: {e}"),
        })?;
        let raw = crate::yaml::config_file(&shown, &text)?;
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        let dir = absolute.parent().map(Path::to_owned).unwrap_or_default();
        Ok(ConfigFile {
            path: path.to_owned(),
            dir,
            raw,
            text,
        })
    }

    /// The nearest configuration file in `dir` or a folder above it, relative to the
    /// working folder when it lies inside it.
    pub fn find(dir: &Path) -> Option<PathBuf> {
        let absolute = std::path::absolute(dir).ok()?;
        let found = absolute.ancestors().find_map(|d| {
            CONFIG_FILE_NAMES
                .iter()
                .map(|name| d.join(name))
                .find(|candidate| candidate.is_file())
        })?;
        let here = std::env::current_dir().ok();
        match here.as_deref().and_then(|h| found.strip_prefix(h).ok()) {
            Some(relative) => Some(relative.to_owned()),
            None => Some(found),
        }
    }

    /// An error about `value`, placed where the file first writes it.
    fn error_at(&self, value: &str, message: String) -> RuleError {
        let (line, column) = locate(&self.text, value);
        RuleError {
            path: self.path.display().to_string(),
            line,
            column,
            message,
        }
    }
}

/// The 1-based line and column where `value` is first written as a YAML scalar
/// (bare or quoted), or 1:1.
fn locate(text: &str, value: &str) -> (usize, usize) {
    let is_edge = |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || "-_/*.".contains(c)));
    for (i, line) in text.lines().enumerate() {
        let code = line.split(" #").next().unwrap_or_default();
        for (at, _) in code.match_indices(value) {
            let before = code[..at].chars().next_back();
            let after = code[at + value.len()..].chars().next();
            if is_edge(before) && is_edge(after) {
                return (i + 1, code[..at].chars().count() + 1);
            }
        }
    }
    (1, 1)
}

/// Rule packs given on the command line, which every configuration gets.
#[derive(Debug, Clone, Default)]
pub struct CommandLineRules {
    /// Extra pack folders (`--rules`).
    pub packs: Vec<PathBuf>,
    /// Leave out the embedded pack whatever the configuration says.
    pub no_default_rules: bool,
}

/// Settings that can be made for all files or for some.
#[derive(Debug, Clone, Default)]
struct Settings {
    disable: Vec<Selector>,
    enable: Vec<Selector>,
    severity: Vec<(Selector, Severity)>,
    min_severity: Option<Severity>,
}

#[derive(Debug, Clone)]
struct Override {
    files: GlobSet,
    settings: Settings,
}

/// A configuration (or none) with its rules loaded and its selectors checked.
#[derive(Debug)]
pub struct Project {
    /// The configuration file, if one applies.
    pub file: Option<ConfigFile>,
    /// The rules it loads.
    pub rules: Arc<RuleSet>,
    /// Where the rules come from, in load order.
    pub sources: Vec<RuleSource>,
    base: Settings,
    overrides: Vec<Override>,
    fail_on: FailOn,
    /// The selection and threshold of [`Project::base`] applied to every rule, worked
    /// out once: a selector is a glob, and matching every rule with it for every file
    /// would cost more than checking a short article.
    base_settings: std::sync::OnceLock<(RuleSelection, Severity)>,
}

/// The settings that apply to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileSettings {
    /// Which rules run, at which severity.
    pub selection: RuleSelection,
    /// Findings below this severity are not reported.
    pub min_severity: Severity,
    /// Findings at or above this make the run fail.
    pub fail_on: FailOn,
}

impl Project {
    /// Load the rules a configuration names, and check its rule selectors and
    /// house-style choices against them.
    pub fn load(file: Option<ConfigFile>, cli: &CommandLineRules) -> Result<Project, Error> {
        let default_config = RawConfig {
            default_rules: true,
            ..RawConfig::default()
        };
        let raw = file.as_ref().map_or(&default_config, |f| &f.raw);
        let mut sources = Vec::new();
        if raw.default_rules && !cli.no_default_rules {
            sources.push(RuleSource::Builtin);
        }
        if let Some(f) = &file {
            sources.extend(raw.packs.iter().map(|p| RuleSource::Dir(f.dir.join(p))));
        }
        sources.extend(cli.packs.iter().cloned().map(RuleSource::Dir));
        let mut rules = RuleSet::load(&sources)?;
        let mut errors = Vec::new();
        let fault = |value: &str, message: String| match &file {
            Some(f) => f.error_at(value, message),
            None => RuleError {
                path: String::new(),
                line: 1,
                column: 1,
                message,
            },
        };
        apply_house_style(&mut rules, raw, &mut |v, m| errors.push(fault(v, m)));
        let mut compile = |s: &str| -> Option<Selector> {
            match Selector::parse(s) {
                Ok(selector) if selector.matches_any(&rules) => Some(selector),
                Ok(_) => {
                    errors.push(fault(s, format!("`{s}` names no loaded rule")));
                    None
                }
                Err(message) => {
                    errors.push(fault(s, message));
                    None
                }
            }
        };
        let base = settings(
            &raw.disable,
            &raw.enable,
            &raw.severity,
            raw.min_severity,
            &mut compile,
        );
        let mut overrides = Vec::new();
        let mut glob_errors = Vec::new();
        for o in &raw.overrides {
            let settings = settings(&o.disable, &o.enable, &o.severity, o.min_severity, &mut compile);
            match glob_set(&o.files) {
                Ok(files) => overrides.push(Override { files, settings }),
                Err(problem) => glob_errors.push(problem),
            }
        }
        errors.extend(
            glob_errors
                .into_iter()
                .map(|(pattern, message)| fault(&pattern, message)),
        );
        if !errors.is_empty() {
            errors.sort_by_key(|e| (e.line, e.column));
            return Err(Error::Config(RuleErrors { errors }));
        }
        Ok(Project {
            fail_on: raw.fail_on.unwrap_or(FailOn::Warning),
            file,
            rules: Arc::new(rules),
            sources,
            base,
            overrides,
            base_settings: std::sync::OnceLock::new(),
        })
    }

    /// The settings for the file at `path`: the configuration's, then those of every
    /// override whose `files` match, in order.
    pub fn settings_for(&self, path: &Path) -> FileSettings {
        let (base_selection, base_min) = self
            .base_settings
            .get_or_init(|| self.apply(RuleSelection::all(&self.rules), Severity::Info, &self.base));
        let (mut selection, mut min_severity) = (base_selection.clone(), *base_min);
        if !self.overrides.is_empty() {
            let relative = self.relative(path);
            let name = relative.file_name().map(PathBuf::from).unwrap_or_default();
            let matching = self
                .overrides
                .iter()
                .filter(|o| o.files.is_match(&relative) || o.files.is_match(&name));
            for o in matching {
                (selection, min_severity) = self.apply(selection, min_severity, &o.settings);
            }
        }
        FileSettings {
            selection,
            min_severity,
            fail_on: self.fail_on,
        }
    }

    /// `selection` and `min_severity` with `settings` applied on top.
    fn apply(
        &self,
        mut selection: RuleSelection,
        min_severity: Severity,
        settings: &Settings,
    ) -> (RuleSelection, Severity) {
        let rules = &self.rules;
        settings.disable.iter().for_each(|s| selection.disable(rules, s));
        settings.enable.iter().for_each(|s| selection.enable(rules, s));
        for (s, severity) in &settings.severity {
            selection.set_severity(rules, s, *severity);
        }
        (selection, settings.min_severity.unwrap_or(min_severity))
    }

    /// Everything that applies to the file at `path`, for people to read.
    pub fn describe(&self, path: &Path) -> Resolved {
        let settings = self.settings_for(path);
        let mut rules = std::collections::BTreeMap::new();
        let mut disabled = Vec::new();
        for (i, rule) in self.rules.rules().iter().enumerate() {
            if settings.selection.is_enabled(i) {
                let severity = settings.selection.severity(i).unwrap_or(rule.severity);
                rules.insert(rule.id().to_owned(), severity);
            } else {
                disabled.push(rule.id().to_owned());
            }
        }
        let raw = self.file.as_ref().map(|f| &f.raw);
        Resolved {
            file: path.display().to_string(),
            config: self.file.as_ref().map(|f| f.path.display().to_string()),
            packs: self
                .sources
                .iter()
                .map(|s| match s {
                    RuleSource::Builtin => format!("<builtin> ({})", crate::rule::pack::BUILTIN_PACK),
                    RuleSource::Dir(dir) => dir.display().to_string(),
                })
                .collect(),
            fail_on: settings.fail_on,
            min_severity: settings.min_severity,
            extensions: raw.map(|r| r.extensions.clone()).unwrap_or_default(),
            names: raw.map(|r| r.names.clone()).unwrap_or_default(),
            rules,
            disabled,
        }
    }

    /// The input format the configuration gives files like `path`, if any.
    pub fn format_for(&self, path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?;
        let raw = &self.file.as_ref()?.raw;
        raw.extensions
            .iter()
            .find(|(e, _)| e.trim_start_matches('.').eq_ignore_ascii_case(ext))
            .map(|(_, format)| *format)
    }

    /// `path` relative to the configuration's folder (as given when outside it).
    fn relative(&self, path: &Path) -> PathBuf {
        let Some(file) = &self.file else {
            return path.to_owned();
        };
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        absolute
            .strip_prefix(&file.dir)
            .map_or_else(|_| path.to_owned(), Path::to_owned)
    }
}

/// The configuration that applies to one file, resolved (`copydesk config`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Resolved {
    /// The file asked about.
    pub file: String,
    /// The configuration file that applies, if any.
    pub config: Option<String>,
    /// Rule packs loaded, in order.
    pub packs: Vec<String>,
    /// When the run fails.
    pub fail_on: FailOn,
    /// The least severity reported.
    pub min_severity: Severity,
    /// Extra extensions and their formats.
    pub extensions: std::collections::BTreeMap<String, Format>,
    /// House style for names.
    pub names: raw::RawNamesStyle,
    /// Rules that run, with their severities.
    pub rules: std::collections::BTreeMap<String, Severity>,
    /// Rules switched off.
    pub disabled: Vec<String>,
}

impl Resolved {
    /// As YAML.
    pub fn to_yaml(&self) -> String {
        crate::yaml::to_yaml(self)
    }
}

fn settings(
    disable: &[String],
    enable: &[String],
    severity: &std::collections::BTreeMap<String, Severity>,
    min_severity: Option<Severity>,
    compile: &mut dyn FnMut(&str) -> Option<Selector>,
) -> Settings {
    Settings {
        disable: disable.iter().filter_map(|s| compile(s)).collect(),
        enable: enable.iter().filter_map(|s| compile(s)).collect(),
        severity: severity
            .iter()
            .filter_map(|(s, level)| Some((compile(s)?, *level)))
            .collect(),
        min_severity,
    }
}

/// Globs of an override: `*` stays within one folder, `**` crosses folders; a pattern
/// without `/` matches the file name at any depth.
fn glob_set(patterns: &[String]) -> Result<GlobSet, (String, String)> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = GlobBuilder::new(pattern)
            .literal_separator(true)
            .build()
            .map_err(|e| {
                (
                    pattern.clone(),
                    format!("`{pattern}` is not a valid glob: {}", e.kind()),
                )
            })?;
        builder.add(glob);
    }
    builder
        .build()
        .map_err(|e| (patterns.join(" "), format!("invalid `files` globs: {e}")))
}

/// Give the names rules the configuration's house-style choices.
fn apply_house_style(rules: &mut RuleSet, raw: &RawConfig, fault: &mut dyn FnMut(&str, String)) {
    let choices: Vec<(String, String)> = raw
        .names
        .prefer
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if choices.is_empty() {
        return;
    }
    match rules.add_name_preferences(&choices) {
        Ok(known) => {
            for ((name, _), known) in choices.iter().zip(known) {
                if !known {
                    fault(
                        name,
                        format!("`names.prefer`: no dictionary has an entity named `{name}`"),
                    );
                }
            }
        }
        Err((name, message)) => fault(&name, message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_located_as_whole_scalars() {
        let text = "disable:\n  - vague-sources\n  - vague-source # vague-source\n";
        assert_eq!(locate(text, "vague-source"), (3, 5));
        assert_eq!(locate(text, "absent"), (1, 1));
    }

    #[test]
    fn settings_worked_out_once_still_follow_each_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("copydesk.yaml");
        let text = "disable: [boilerplate]\nmin_severity: warning\noverrides:\n  - files: [\"archive/**\"]\n    enable: [comments-closed]\n    disable: [vague-source]\n    min_severity: info\n";
        std::fs::write(&path, text).expect("write");
        let file = ConfigFile::read(&path).expect("configuration");
        let project = Project::load(Some(file), &CommandLineRules::default()).expect("project");
        let index = |id: &str| {
            project
                .rules
                .rules()
                .iter()
                .position(|r| r.id() == id)
                .expect("rule")
        };
        let (closed, vague) = (index("copydesk/comments-closed"), index("copydesk/vague-source"));
        let archived = dir.path().join("archive/2020/a.txt");
        let current = dir.path().join("desk/b.txt");
        for path in [&archived, &current, &archived, &current] {
            let settings = project.settings_for(path);
            let in_archive = path == &archived;
            assert_eq!(settings.selection.is_enabled(closed), in_archive, "{path:?}");
            assert_eq!(settings.selection.is_enabled(vague), !in_archive, "{path:?}");
            let min = if in_archive {
                Severity::Info
            } else {
                Severity::Warning
            };
            assert_eq!(settings.min_severity, min, "{path:?}");
        }
    }

    #[test]
    fn override_globs_keep_stars_within_folders() {
        let set = glob_set(&["archive/*.md".to_owned()]).unwrap();
        assert!(set.is_match("archive/a.md"));
        assert!(!set.is_match("archive/2020/a.md"));
        let set = glob_set(&["archive/**".to_owned()]).unwrap();
        assert!(set.is_match("archive/2020/a.md"));
    }
}
