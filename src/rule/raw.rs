//! The YAML rule model: plain data that mirrors a rule file, checked while it is read.
//!
//! No `#[serde(tag)]` and no `flatten`: the check kind is a single-key map, so every
//! error keeps the line and column where it happened.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::Deserialize;

/// What a rule is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// Numbers that contradict each other.
    Figures,
    /// Claims and quotations without a named source.
    Attribution,
    /// Misspelled or inconsistent names.
    Names,
    /// Page furniture that is not the article.
    Boilerplate,
    /// House style.
    Style,
}

impl Category {
    /// The name used in rule files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Figures => "figures",
            Category::Attribution => "attribution",
            Category::Names => "names",
            Category::Boilerplate => "boilerplate",
            Category::Style => "style",
        }
    }
}

/// How serious a finding is; ordered from least to most.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize, clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong.
    Error,
}

impl Severity {
    /// The name used in rule files and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// The stretch of text a rule looks at in one go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Scope {
    /// All prose of the document.
    Document,
    /// One paragraph (or heading, list item, table cell).
    Paragraph,
    /// One sentence.
    Sentence,
    /// One line.
    Line,
}

/// One rule as written in YAML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRule {
    /// Unique within its pack.
    pub id: String,
    /// What the rule is about.
    pub category: Category,
    /// Severity of its findings.
    pub severity: Severity,
    /// Message template; `{name}` placeholders are filled per finding.
    pub message: String,
    /// Longer explanation shown with findings.
    #[serde(default)]
    pub note: Option<String>,
    /// Link to the house style or documentation.
    #[serde(default)]
    pub link: Option<String>,
    /// What the check looks at in one go.
    #[serde(default)]
    pub scope: Option<Scope>,
    /// A map with exactly one key, the check kind.
    pub check: RawCheck,
    /// Examples that must flag and must pass.
    #[serde(default)]
    pub tests: RawTests,
}

/// The check of a rule: a map with exactly one key, the kind.
#[derive(Debug, Clone)]
pub enum RawCheck {
    /// Regexes or literal terms.
    Pattern(RawPattern),
    /// Wrong → right pairs.
    Substitution(RawSubstitution),
    /// Whole-line or whole-block page furniture.
    Boilerplate(RawBoilerplate),
    /// Names checked against an entity dictionary.
    Names(super::names::RawNames),
    /// Numbers that contradict each other.
    Figures(super::figures::RawFigures),
    /// Claims and quotations with no named source.
    Attribution(super::attribution::RawAttribution),
}

/// The names of the check kinds, as written in rule files.
pub const KINDS: &[&str] = &[
    "pattern",
    "substitution",
    "boilerplate",
    "names",
    "figures",
    "attribution",
];

impl<'de> Deserialize<'de> for RawCheck {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CheckVisitor;
        impl<'de> Visitor<'de> for CheckVisitor {
            type Value = RawCheck;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a map with one key naming the check kind (pattern, substitution, boilerplate, names, figures, attribution)",
                )
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawCheck, A::Error> {
                let Some(kind) = map.next_key::<String>()? else {
                    return Err(de::Error::custom("`check` is empty: name one check kind"));
                };
                let check = match kind.as_str() {
                    "pattern" => RawCheck::Pattern(map.next_value()?),
                    "substitution" => RawCheck::Substitution(map.next_value()?),
                    "boilerplate" => RawCheck::Boilerplate(map.next_value()?),
                    "names" => RawCheck::Names(map.next_value()?),
                    "figures" => RawCheck::Figures(map.next_value()?),
                    "attribution" => RawCheck::Attribution(map.next_value()?),
                    other => {
                        return Err(de::Error::custom(format!(
                            "unknown check kind `{other}`, expected one of: {}",
                            KINDS.join(", ")
                        )))
                    }
                };
                if let Some(extra) = map.next_key::<String>()? {
                    return Err(de::Error::custom(format!(
                        "`check` holds exactly one kind, but `{extra}` follows `{kind}`"
                    )));
                }
                Ok(check)
            }
        }
        deserializer.deserialize_map(CheckVisitor)
    }
}

/// Fields of the `pattern` kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPattern {
    /// Regular expressions (Rust `regex` syntax).
    #[serde(default)]
    pub regex: Vec<RegexSource>,
    /// Literal terms, matched together in one automaton.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Match case exactly (default: no).
    #[serde(default)]
    pub case_sensitive: bool,
    /// Only match whole words (default: yes).
    #[serde(default = "yes")]
    pub word_boundary: bool,
}

/// Fields of the `substitution` kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSubstitution {
    /// Wrong form → right form.
    pub swap: Pairs,
    /// Match case exactly (default: yes).
    #[serde(default = "yes")]
    pub case_sensitive: bool,
    /// Only match whole words (default: yes).
    #[serde(default = "yes")]
    pub word_boundary: bool,
}

/// Fields of the `boilerplate` kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBoilerplate {
    /// Patterns that must match a whole line (surrounding spaces ignored).
    #[serde(default)]
    pub lines: Vec<RegexSource>,
    /// A block: a first line, then the lines that may follow it.
    #[serde(default)]
    pub block: Option<RawBlock>,
    /// Whole-line patterns of lines that are never flagged, even when `lines` match.
    #[serde(default)]
    pub unless: Vec<RegexSource>,
    /// Lines longer than this many characters are never boilerplate (default 200).
    #[serde(default = "default_max_chars")]
    pub max_chars: usize,
    /// Match case exactly (default: no).
    #[serde(default)]
    pub case_sensitive: bool,
}

/// A block of boilerplate lines reported as one finding.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBlock {
    /// Whole-line patterns that open the block.
    pub start: Vec<RegexSource>,
    /// Whole-line patterns for the lines that continue it.
    #[serde(rename = "continue")]
    pub continues: Vec<RegexSource>,
    /// Fewest lines (the first included) for a block to count (default 1).
    #[serde(default = "one")]
    pub min_lines: usize,
}

/// The `tests` of a rule.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTests {
    /// Texts the rule must flag.
    #[serde(default)]
    pub flag: Vec<String>,
    /// Texts the rule must not flag.
    #[serde(default)]
    pub pass: Vec<String>,
}

fn yes() -> bool {
    true
}

fn one() -> usize {
    1
}

fn default_max_chars() -> usize {
    200
}

/// A regular expression whose syntax was checked while the YAML was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexSource(pub String);

thread_local! {
    static TRUSTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Run `read` with pattern syntax checks off: for the embedded pack, whose patterns
/// the test suite checks, so start-up does not parse every regex twice.
pub fn trusting_patterns<T>(read: impl FnOnce() -> T) -> T {
    TRUSTED.with(|t| t.set(true));
    let value = read();
    TRUSTED.with(|t| t.set(false));
    value
}

impl<'de> Deserialize<'de> for RegexSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        if TRUSTED.with(std::cell::Cell::get) {
            return Ok(RegexSource(source));
        }
        // Syntax only (cheap); the full compile, with Unicode tables, comes later.
        regex_syntax::ast::parse::Parser::new()
            .parse(&source)
            .map_err(|e| de::Error::custom(format!("invalid regex `{source}`: {}", one_line(&e))))?;
        Ok(RegexSource(source))
    }
}

fn one_line(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    text.lines()
        .rev()
        .find(|l| l.starts_with("error:"))
        .map_or(text.clone(), |l| l.trim_start_matches("error:").trim().to_owned())
}

/// An ordered list of key → value pairs read from a YAML map.
#[derive(Debug, Clone, Default)]
pub struct Pairs(pub Vec<(String, String)>);

impl<'de> Deserialize<'de> for Pairs {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PairsVisitor;
        impl<'de> Visitor<'de> for PairsVisitor {
            type Value = Pairs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map of wrong form to right form")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Pairs, A::Error> {
                let mut pairs = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    if pairs.iter().any(|(seen, _)| seen == &k) {
                        return Err(de::Error::custom(format!("`{k}` is listed twice")));
                    }
                    pairs.push((k, v));
                }
                Ok(Pairs(pairs))
            }
        }
        deserializer.deserialize_map(PairsVisitor)
    }
}
