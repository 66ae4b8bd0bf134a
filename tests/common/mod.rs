//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use copydesk::{RuleSet, RuleSource};

/// The folder of fixture articles.
pub fn articles_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles")
}

/// The house pack used beside the default pack.
pub fn house_pack() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/house")
}

/// Every fixture article, sorted.
pub fn articles() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(articles_dir())
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    paths
}

/// The default pack plus the house pack.
pub fn rules() -> RuleSet {
    RuleSet::load(&[RuleSource::Builtin, RuleSource::Dir(house_pack())]).expect("rules load")
}

/// (rule id, source text) of every finding of `category` in a fixture article, checked
/// with the default pack alone.
pub fn findings_in(file: &str, category: copydesk::Category) -> Vec<(String, String)> {
    let rules = RuleSet::builtin().expect("default pack");
    let path = articles_dir().join(file);
    let checked = rules
        .check_file(&path, &copydesk::CheckOptions::default())
        .expect("fixture is readable");
    checked
        .findings
        .iter()
        .filter(|f| f.category() == category)
        .map(|f| {
            (
                f.rule_id().to_owned(),
                checked.doc.slice(f.span).replace('\n', " "),
            )
        })
        .collect()
}

/// Run the `copydesk` binary with `args` in the folder `dir`.
pub fn copydesk_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

/// A run's standard output as text.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A run's standard error as text.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
