//! The entity dictionary: canonical, accepted and wrong forms of names, and dated roles.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use serde::de::{self, Deserializer};
use serde::Deserialize;

use super::similar::NameIndex;
use crate::text::words::{at_word_boundaries, is_word_char};

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A city, region or country.
    Place,
    /// A body, party, company or group.
    Organisation,
}

/// An entity as written in a dictionary file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    /// Canonical form.
    pub name: String,
    /// Person, place or organisation.
    pub kind: EntityKind,
    /// People: canonical given names.
    #[serde(default)]
    pub given: Vec<String>,
    /// People: the second-reference form.
    #[serde(default)]
    pub surname: Option<String>,
    /// Other correct spellings.
    #[serde(default)]
    pub accepted: Vec<String>,
    /// Known misspellings and outdated forms.
    #[serde(default)]
    pub wrong: Vec<String>,
    /// Fixed phrases in which a wrong form is not flagged.
    #[serde(default)]
    pub except: Vec<String>,
    /// Dated roles.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// A remark for maintainers.
    #[serde(default)]
    pub note: Option<String>,
}

/// Entities from the JSON the build script makes of an embedded YAML dictionary.
pub fn from_json(path: &str, text: &str) -> Result<Vec<RawEntity>, crate::error::RuleError> {
    serde_json::from_str(text).map_err(|e| crate::error::RuleError {
        path: path.to_owned(),
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// A dated role: title, of what, from, until.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// "President", "Prime Minister", …
    pub title: String,
    /// The country or body.
    pub of: String,
    /// First day in office.
    pub from: IsoDate,
    /// Day the role ended; none while current.
    #[serde(default)]
    pub until: Option<IsoDate>,
}

impl Role {
    /// True when the role was held on `date` (`YYYY-MM-DD`).
    pub fn covers(&self, date: &str) -> bool {
        self.from.0.as_str() <= date && self.until.as_ref().is_none_or(|u| date < u.0.as_str())
    }

    /// "President of France (2017-05-14 to …)".
    pub fn describe(&self) -> String {
        let until = self.until.as_ref().map_or("", |u| u.0.as_str());
        format!(
            "{} of {} ({} to {})",
            self.title,
            self.of,
            self.from.0,
            if until.is_empty() { "present" } else { until }
        )
    }

    /// True when two roles were held at the same time.
    pub fn overlaps(&self, other: &Role) -> bool {
        let ends = |r: &Role| r.until.as_ref().map_or("9999-99-99".to_owned(), |u| u.0.clone());
        self.from.0 < ends(other) && other.from.0 < ends(self)
    }
}

/// A date written `YYYY-MM-DD`, checked while it is read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate(pub String);

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if is_iso_date(&text) {
            Ok(IsoDate(text))
        } else {
            Err(de::Error::custom(format!(
                "`{text}` is not a date of the form YYYY-MM-DD"
            )))
        }
    }
}

/// True for `YYYY-MM-DD` with a plausible month and day.
pub fn is_iso_date(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
        && matches!(text[5..7].parse::<u32>(), Ok(1..=12))
        && matches!(text[8..10].parse::<u32>(), Ok(1..=31))
}

/// How a form relates to its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// The canonical name or the canonical surname.
    Canonical,
    /// Another correct spelling.
    Accepted,
    /// A misspelling or outdated form.
    Wrong,
    /// A fixed phrase that shields a wrong form.
    Except,
}

/// One form of one entity.
#[derive(Debug, Clone)]
pub struct Form {
    /// The text of the form.
    pub text: String,
    /// The entity it names.
    pub entity: usize,
    /// Its standing.
    pub kind: FormKind,
    /// Forms of one spelling share a family (the name and its surname are family 0).
    pub family: usize,
    /// True when the form holds a given name as well (a full first reference).
    pub full: bool,
}

/// A compiled entity.
#[derive(Debug, Clone)]
pub struct Entity {
    /// As written in the file.
    pub raw: RawEntity,
}

impl Entity {
    /// The short form: the surname for people, the name otherwise.
    pub fn short(&self) -> &str {
        self.raw.surname.as_deref().unwrap_or(&self.raw.name)
    }
}

/// A compiled dictionary: every form in one automaton, and an index of name words.
#[derive(Debug)]
pub struct Dictionary {
    /// The entities, in file order.
    pub entities: Vec<Entity>,
    /// Every form; a form shared by entities appears once per entity.
    pub forms: Vec<Form>,
    /// Distinct form texts → indices into `forms`.
    pub by_text: Vec<Vec<usize>>,
    texts: Vec<String>,
    /// First word of each distinct form text → the texts that start with it.
    by_first_word: HashMap<String, Vec<usize>>,
    words: HashSet<String>,
    given_names: HashSet<String>,
    titles: Vec<String>,
    near: OnceLock<NameIndex>,
}

impl Dictionary {
    /// Compile entities; errors name the entity.
    pub fn new(raws: Vec<RawEntity>) -> Result<Dictionary, String> {
        let mut forms: Vec<Form> = Vec::new();
        let mut entities = Vec::new();
        let mut names = HashSet::default();
        for (entity, raw) in raws.into_iter().enumerate() {
            validate(&raw)?;
            if !names.insert(raw.name.clone()) {
                return Err(format!("entity `{}` is listed twice", raw.name));
            }
            add_forms(entity, &raw, &mut forms);
            entities.push(Entity { raw });
        }
        let mut texts: Vec<String> = Vec::new();
        let mut by_text: Vec<Vec<usize>> = Vec::new();
        let mut position: HashMap<&str, usize> = HashMap::default();
        for (i, form) in forms.iter().enumerate() {
            let slot = *position.entry(form.text.as_str()).or_insert_with(|| {
                texts.push(form.text.clone());
                by_text.push(Vec::new());
                texts.len() - 1
            });
            by_text[slot].push(i);
        }
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::default();
        for (slot, text) in texts.iter().enumerate() {
            let first = text.split(|c: char| !is_word_char(c)).next().unwrap_or_default();
            if first.is_empty() {
                return Err(format!("form `{text}` must start with a letter or digit"));
            }
            by_first_word.entry(first.to_owned()).or_default().push(slot);
        }
        let mut words: HashSet<String> = HashSet::default();
        for text in &texts {
            for word in text.split_whitespace() {
                if !words.contains(word) {
                    words.insert(word.to_owned());
                }
            }
        }
        let given_names = entities
            .iter()
            .flat_map(|e| e.raw.given.iter().cloned())
            .collect();
        let mut titles: Vec<String> = entities
            .iter()
            .flat_map(|e| e.raw.roles.iter().map(|r| r.title.clone()))
            .collect();
        titles.sort();
        titles.dedup();
        Ok(Dictionary {
            entities,
            forms,
            by_text,
            texts,
            by_first_word,
            words,
            given_names,
            titles,
            near: OnceLock::new(),
        })
    }

    /// Every form occurrence in `text` within `range`, leftmost first and longest at a
    /// position, whole words only: (range, indices into `forms`). Each word of the text
    /// is looked up once by hash; nothing is compiled at start-up.
    pub fn find(&self, text: &str, range: std::ops::Range<usize>) -> Vec<(std::ops::Range<usize>, &[usize])> {
        let mut out = Vec::new();
        let mut next_free = range.start;
        let mut at = range.start;
        let hay = &text[..range.end];
        while at < range.end {
            let Some(start) = hay[at..].find(is_word_char).map(|i| at + i) else {
                break;
            };
            let end = hay[start..]
                .find(|c: char| !is_word_char(c))
                .map_or(hay.len(), |i| start + i);
            at = end;
            if start < next_free || !at_word_boundaries(hay, start, end) {
                continue;
            }
            let Some(slots) = self.by_first_word.get(&hay[start..end]) else {
                continue;
            };
            let best = slots
                .iter()
                .filter(|&&slot| {
                    let form = &self.texts[slot];
                    hay[start..].starts_with(form.as_str())
                        && at_word_boundaries(hay, start, start + form.len())
                })
                .max_by_key(|&&slot| self.texts[slot].len());
            if let Some(&slot) = best {
                let found = start..start + self.texts[slot].len();
                next_free = found.end;
                at = found.end;
                out.push((found, self.by_text[slot].as_slice()));
            }
        }
        out
    }

    /// True when `word` is a word of some form (a known name).
    pub fn knows_word(&self, word: &str) -> bool {
        self.words.contains(word)
    }

    /// True when `word` is somebody's given name in the dictionary.
    pub fn is_given_name(&self, word: &str) -> bool {
        self.given_names.contains(word)
    }

    /// Titles used in the dictionary's roles.
    pub fn titles(&self) -> &[String] {
        &self.titles
    }

    /// Known correct one-word names of five letters or more, for near-miss look-ups.
    pub fn near_index(&self) -> &NameIndex {
        self.near.get_or_init(|| {
            let mut terms: Vec<String> = self
                .forms
                .iter()
                .filter(|f| matches!(f.kind, FormKind::Canonical | FormKind::Accepted))
                .filter(|f| !f.text.contains(' ') && f.text.chars().count() >= 5)
                .map(|f| f.text.clone())
                .collect();
            terms.sort();
            terms.dedup();
            NameIndex::new(terms)
        })
    }

    /// The canonical forms of the entity that `text` names correctly, if any: (entity, form).
    pub fn correct_form(&self, text: &str) -> Option<&Form> {
        self.forms
            .iter()
            .find(|f| f.text == text && matches!(f.kind, FormKind::Canonical | FormKind::Accepted))
    }
}

fn validate(raw: &RawEntity) -> Result<(), String> {
    if raw.name.trim().is_empty() {
        return Err("an entity has an empty `name`".into());
    }
    if let Some(surname) = &raw.surname {
        if !raw.name.contains(surname.as_str()) {
            return Err(format!(
                "`{}`: surname `{surname}` is not part of the name",
                raw.name
            ));
        }
    }
    for wrong in &raw.wrong {
        if wrong == &raw.name || raw.accepted.contains(wrong) || raw.surname.as_ref() == Some(wrong) {
            return Err(format!(
                "`{}`: `{wrong}` is listed as wrong and as correct",
                raw.name
            ));
        }
    }
    for form in raw
        .accepted
        .iter()
        .chain(&raw.wrong)
        .chain(&raw.except)
        .chain(&raw.given)
    {
        if form.trim().is_empty() {
            return Err(format!("`{}`: empty form", raw.name));
        }
    }
    Ok(())
}

fn add_forms(entity: usize, raw: &RawEntity, forms: &mut Vec<Form>) {
    let has_given = |text: &str| text.split_whitespace().any(|w| raw.given.iter().any(|g| g == w));
    let first = forms.len();
    let mut push = |text: &str, kind: FormKind, family: usize| {
        if forms[first..].iter().any(|f| f.text == text) {
            return;
        }
        forms.push(Form {
            text: text.to_owned(),
            entity,
            kind,
            family,
            full: has_given(text) || raw.surname.is_none(),
        });
    };
    push(&raw.name, FormKind::Canonical, 0);
    if let Some(surname) = &raw.surname {
        push(surname, FormKind::Canonical, 0);
    }
    for (i, accepted) in raw.accepted.iter().enumerate() {
        push(accepted, FormKind::Accepted, accepted_family(raw, i));
    }
    for wrong in &raw.wrong {
        push(wrong, FormKind::Wrong, usize::MAX);
    }
    for phrase in &raw.except {
        push(phrase, FormKind::Except, usize::MAX);
    }
}

/// Accepted forms that end with another accepted form ("Volodymyr Zelenskyy" and
/// "Zelenskyy") are one spelling. One that holds the canonical surname as a word, and an
/// abbreviation ("EU", "IMF"), belong to the canonical spelling.
fn accepted_family(raw: &RawEntity, index: usize) -> usize {
    let form = &raw.accepted[index];
    let ends_with = |short: &str| form == short || form.ends_with(&format!(" {short}"));
    let has_surname = raw
        .surname
        .as_deref()
        .is_some_and(|s| form.split_whitespace().any(|w| w == s) || ends_with(s));
    let abbreviation = form.len() <= 6 && form.chars().all(|c| c.is_uppercase() || c == '.');
    if has_surname || abbreviation {
        return 0;
    }
    raw.accepted
        .iter()
        .position(|other| other != form && ends_with(other))
        .map_or(index + 1, |other| other + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, surname: &str, accepted: &[&str], wrong: &[&str]) -> RawEntity {
        RawEntity {
            name: name.into(),
            kind: EntityKind::Person,
            given: name.split_whitespace().take(1).map(str::to_owned).collect(),
            surname: Some(surname.into()),
            accepted: accepted.iter().map(|s| s.to_string()).collect(),
            wrong: wrong.iter().map(|s| s.to_string()).collect(),
            except: vec![],
            roles: vec![],
            note: None,
        }
    }

    #[test]
    fn forms_and_families() {
        let dict = Dictionary::new(vec![person(
            "Volodymyr Zelensky",
            "Zelensky",
            &["Zelenskyy", "Volodymyr Zelenskyy"],
            &["Zelenski"],
        )])
        .unwrap();
        let family = |t: &str| {
            dict.forms
                .iter()
                .find(|f| f.text == t)
                .map(|f| (f.family, f.full))
        };
        assert_eq!(family("Volodymyr Zelensky"), Some((0, true)));
        assert_eq!(family("Zelensky"), Some((0, false)));
        assert_eq!(family("Zelenskyy"), Some((1, false)));
        assert_eq!(family("Volodymyr Zelenskyy"), Some((1, true)));
        let text = "Volodymyr Zelensky met Zelenskiy and Zelenski.";
        let found: Vec<&str> = dict
            .find(text, 0..text.len())
            .into_iter()
            .map(|(r, _)| &text[r])
            .collect();
        assert_eq!(found, ["Volodymyr Zelensky", "Zelenski"]);
    }

    #[test]
    fn wrong_and_correct_at_once_is_an_error() {
        let err = Dictionary::new(vec![person("Ana Ruiz", "Ruiz", &["Ruis"], &["Ruis"])]).unwrap_err();
        assert!(err.contains("wrong and as correct"));
    }

    #[test]
    fn roles_cover_dates() {
        let role = Role {
            title: "President".into(),
            of: "France".into(),
            from: IsoDate("2017-05-14".into()),
            until: None,
        };
        assert!(role.covers("2020-01-01"));
        assert!(!role.covers("2017-05-13"));
        assert!(is_iso_date("2025-02-28") && !is_iso_date("2025-2-28") && !is_iso_date("2025-13-01"));
    }
}
