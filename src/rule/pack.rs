//! Rule packs: the embedded default pack and folders of YAML rule files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use std::sync::Arc;

use super::locate::{rule_lines, FileLines, RuleLines};
use super::raw::RawRule;
use super::{Example, Examples, Origin, Resources, Rule, RuleProblem};
use crate::error::{Error, RuleError, RuleErrors};
use crate::names::dictionary::{from_compact, Dictionary, SharedDictionary};
use crate::yaml;

/// Name of the embedded pack.
pub const BUILTIN_PACK: &str = "copydesk";

/// The embedded default pack: file name and contents.
pub const BUILTIN_FILES: &[(&str, &str)] = &[
    ("boilerplate.yaml", include_str!("../../rules/boilerplate.yaml")),
    ("attribution.yaml", include_str!("../../rules/attribution.yaml")),
    ("figures.yaml", include_str!("../../rules/figures.yaml")),
    ("names.yaml", include_str!("../../rules/names.yaml")),
];

/// The same files as JSON, made by the build script (they load much faster).
const BUILTIN_JSON: &[(&str, &str)] = &[
    (
        "attribution.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/attribution.json")),
    ),
    (
        "boilerplate.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/boilerplate.json")),
    ),
    (
        "figures.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/figures.json")),
    ),
    (
        "names.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/names.json")),
    ),
];

/// Data files of the embedded pack that its rules name (dictionaries), as the JSON the
/// build script makes of `rules/names/*.yaml`.
pub const BUILTIN_DATA: &[(&str, &str)] = &[
    (
        "names/people-europe.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/names/people-europe.tsv")),
    ),
    (
        "names/people-world.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/names/people-world.tsv")),
    ),
    (
        "names/places.yaml",
        include_str!(concat!(env!("OUT_DIR"), "/names/places.tsv")),
    ),
];

/// Where rules come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuleSource {
    /// The pack embedded in the binary.
    Builtin,
    /// A folder of `.yaml`/`.yml` files; the folder's name is the pack's name.
    Dir(PathBuf),
}

/// All loaded rules, validated and compiled.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    rules: Vec<Rule>,
}

impl RuleSet {
    /// The embedded default pack.
    pub fn builtin() -> Result<RuleSet, Error> {
        Self::load(&[RuleSource::Builtin])
    }

    /// Load every source; reports all broken files, not only the first.
    pub fn load(sources: &[RuleSource]) -> Result<RuleSet, Error> {
        let mut loader = Loader::default();
        for source in sources {
            match source {
                RuleSource::Builtin => {
                    loader.base = None;
                    for (name, text) in BUILTIN_FILES {
                        loader.file(BUILTIN_PACK, &format!("<builtin>/{name}"), text);
                    }
                }
                RuleSource::Dir(dir) => {
                    let pack = pack_name(dir);
                    loader.base = Some(dir.clone());
                    for path in rule_files(dir)? {
                        let shown = path.display().to_string();
                        match std::fs::read_to_string(&path) {
                            Ok(text) => loader.file(&pack, &shown, &text),
                            Err(e) => loader.errors.push(RuleError {
                                path: shown,
                                line: 1,
                                column: 1,
                                message: format!("cannot read rule file: {e}"),
                            }),
                        }
                    }
                }
            }
        }
        loader.finish()
    }

    /// Load rules from in-memory files `(path, text)` forming one pack; dictionaries they
    /// name are read relative to the working folder.
    pub fn from_files(pack: &str, files: &[(&str, &str)]) -> Result<RuleSet, Error> {
        let mut loader = Loader {
            base: Some(PathBuf::from(".")),
            ..Loader::default()
        };
        for (path, text) in files {
            loader.file(pack, path, text);
        }
        loader.finish()
    }

    /// The rules, in load order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Give every names rule house-style choices (entity name, form). Returns, for each
    /// choice, whether some rule's dictionary has its entity; the error names the
    /// entity whose form is not one of its correct forms.
    pub fn add_name_preferences(
        &mut self,
        choices: &[(String, String)],
    ) -> Result<Vec<bool>, (String, String)> {
        let mut known = vec![false; choices.len()];
        for rule in &mut self.rules {
            if let super::CheckKind::Names(check) = &mut rule.check {
                let applied = check.add_preferences(choices).map_err(|(i, message)| {
                    let name = choices.get(i).map_or_else(String::new, |(n, _)| n.clone());
                    (name, message)
                })?;
                for (k, a) in known.iter_mut().zip(applied) {
                    *k |= a;
                }
            }
        }
        Ok(known)
    }

    /// A rule set holding only `rule`.
    pub fn single(rule: &Rule) -> RuleSet {
        RuleSet {
            rules: vec![rule.clone()],
        }
    }
}

#[derive(Default)]
struct Loader {
    rules: Vec<Rule>,
    errors: Vec<RuleError>,
    seen: HashMap<String, String>,
    /// Folder of the pack being loaded; `None` for the embedded pack.
    base: Option<PathBuf>,
    dictionaries: HashMap<(Option<PathBuf>, Vec<String>), Arc<SharedDictionary>>,
}

impl Resources for Loader {
    fn compile_eagerly(&self) -> bool {
        self.base.is_some()
    }

    fn dictionary(&mut self, files: &[String]) -> Result<Arc<SharedDictionary>, RuleProblem> {
        let key = (self.base.clone(), files.to_vec());
        if let Some(found) = self.dictionaries.get(&key) {
            return Ok(Arc::clone(found));
        }
        if files.is_empty() {
            return Err(RuleProblem::Field("check", "`dictionary` names no file".into()));
        }
        let builtin: Option<Vec<(String, &'static str)>> =
            files.iter().map(|name| builtin_data(&self.base, name)).collect();
        let shared = match builtin {
            // The embedded dictionaries are checked by the test suite: build them on a
            // background thread while the first document is read.
            Some(data) => SharedDictionary::building(move || {
                let entities = data
                    .iter()
                    .flat_map(|(shown, text)| from_compact(shown, text).unwrap_or_default());
                Dictionary::new(entities.collect()).unwrap_or_else(|_| Dictionary::empty())
            }),
            None => {
                let mut entities = Vec::new();
                for name in files {
                    let (shown, text) = self.read_data(name)?;
                    entities.extend(yaml::entity_file(&shown, &text).map_err(RuleProblem::Elsewhere)?);
                }
                SharedDictionary::ready(
                    Dictionary::new(entities).map_err(|e| RuleProblem::Field("check", e))?,
                )
            }
        };
        let shared = Arc::new(shared);
        self.dictionaries.insert(key, Arc::clone(&shared));
        Ok(shared)
    }
}

/// For the embedded pack, its data file `name` (in the compact form) and the path to show.
fn builtin_data(base: &Option<PathBuf>, name: &str) -> Option<(String, &'static str)> {
    if base.is_some() {
        return None;
    }
    BUILTIN_DATA
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(n, text)| (format!("<builtin>/{n}"), *text))
}

impl Loader {
    /// The text of a data file named by a rule, and the path to show in errors.
    fn read_data(&self, name: &str) -> Result<(String, String), RuleProblem> {
        match &self.base {
            None => Err(RuleProblem::Field(
                "check",
                format!("no embedded data file `{name}`"),
            )),
            Some(dir) => {
                let path = dir.join(name);
                std::fs::read_to_string(&path)
                    .map(|text| (path.display().to_string(), text))
                    .map_err(|e| {
                        RuleProblem::Field("check", format!("cannot read `{}`: {e}", path.display()))
                    })
            }
        }
    }
}

impl Loader {
    fn file(&mut self, pack: &str, path: &str, text: &str) {
        let parsed = match BUILTIN_JSON
            .iter()
            .find(|(n, _)| path.strip_prefix("<builtin>/") == Some(n))
        {
            Some((_, json)) if self.base.is_none() => builtin_rules(path, json),
            _ => yaml::rule_file(path, text),
        };
        let raws = match parsed {
            Ok(raws) => raws,
            Err(e) => return self.errors.push(e),
        };
        let file_lines = FileLines::new(text);
        let mut repeats: HashMap<&str, usize> = HashMap::new();
        for raw in &raws {
            let nth = repeats.entry(raw.id.as_str()).or_default();
            let place = rule_lines(&file_lines, &raw.id, *nth);
            *nth += 1;
            let error = |problem: RuleProblem| match problem {
                RuleProblem::Field(field, message) => {
                    let (line, column) = place.as_ref().map_or((1, 1), |p| p.field(&file_lines, field));
                    RuleError {
                        path: path.to_owned(),
                        line,
                        column,
                        message,
                    }
                }
                RuleProblem::Elsewhere(e) => e,
            };
            let full_id = format!("{pack}/{}", raw.id);
            if let Some(first) = self.seen.get(&full_id) {
                let message = format!("duplicate rule id `{}` (first defined at {first})", raw.id);
                self.errors.push(error(RuleProblem::Field("id", message)));
                continue;
            }
            let id_line = place.as_ref().map_or(1, RuleLines::id_line);
            self.seen.insert(full_id, format!("{path}:{id_line}"));
            let origin = Origin {
                path: path.to_owned(),
                line: id_line,
            };
            let examples = examples(raw, &file_lines, place.as_ref());
            match Rule::compile(pack, raw, origin, examples, self) {
                Ok(rule) => self.rules.push(rule),
                Err(e) => self.errors.push(error(e)),
            }
        }
    }

    fn finish(self) -> Result<RuleSet, Error> {
        if self.errors.is_empty() {
            Ok(RuleSet { rules: self.rules })
        } else {
            Err(RuleErrors { errors: self.errors }.into())
        }
    }
}

/// Rules of the embedded pack from their build-time JSON; patterns are trusted (the
/// test suite checks the YAML itself).
fn builtin_rules(path: &str, json: &str) -> Result<Vec<RawRule>, RuleError> {
    super::raw::trusting_patterns(|| serde_json::from_str(json)).map_err(|e: serde_json::Error| RuleError {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

fn examples(raw: &RawRule, file: &FileLines<'_>, place: Option<&RuleLines>) -> Examples {
    let locate = |list: &[String]| -> Vec<Example> {
        list.iter()
            .map(|t| Example {
                text: t.clone(),
                line: place.map_or(1, |p| p.example(file, t)),
            })
            .collect()
    };
    Examples {
        flag: locate(&raw.tests.flag),
        pass: locate(&raw.tests.pass),
    }
}

fn pack_name(dir: &Path) -> String {
    let absolute = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_owned());
    absolute
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("rules")
        .to_owned()
}

fn rule_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::RuleDir {
        path: dir.to_owned(),
        source,
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    files.sort();
    Ok(files)
}
