//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

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
