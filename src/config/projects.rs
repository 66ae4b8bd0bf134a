//! Finding and loading the configuration of each file of a run, once per folder.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::{CommandLineRules, ConfigFile, Project};
use crate::error::{Error, RuleErrors};

/// Configurations and their loaded projects, cached by folder, for a run over many
/// files. Problems are kept and reported once per configuration.
#[derive(Debug)]
pub struct Projects {
    cli: CommandLineRules,
    forced: Option<PathBuf>,
    discover: bool,
    by_dir: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<Option<PathBuf>, Option<Arc<Project>>>,
    errors: Vec<Error>,
}

impl Projects {
    /// Discover configurations from each file's folder upwards (`discover`), or use
    /// `forced` for every file; `cli` adds packs to all of them.
    pub fn new(cli: CommandLineRules, forced: Option<PathBuf>, discover: bool) -> Projects {
        Projects {
            cli,
            forced,
            discover,
            by_dir: HashMap::new(),
            loaded: HashMap::new(),
            errors: Vec::new(),
        }
    }

    /// True when every file has the same project: a configuration was given, or none
    /// is looked for.
    pub fn one_for_all(&self) -> bool {
        self.forced.is_some() || !self.discover
    }

    /// The project of a file (or of standard input named `path`); `None` when its
    /// configuration is broken (see [`Projects::take_errors`]).
    pub fn for_file(&mut self, path: &Path) -> Option<Arc<Project>> {
        let dir = path
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        self.for_dir(dir)
    }

    /// The project of files in the folder `dir`.
    pub fn for_dir(&mut self, dir: &Path) -> Option<Arc<Project>> {
        let config = match (&self.forced, self.discover) {
            (Some(forced), _) => Some(forced.clone()),
            (None, false) => None,
            (None, true) => self
                .by_dir
                .entry(dir.to_owned())
                .or_insert_with(|| ConfigFile::find(dir))
                .clone(),
        };
        if let Some(found) = self.loaded.get(&config) {
            return found.clone();
        }
        let project = match config.as_deref().map(ConfigFile::read).transpose() {
            Ok(file) => Project::load(file, &self.cli),
            Err(e) => Err(Error::Config(RuleErrors { errors: vec![e] })),
        };
        let project = match project {
            Ok(p) => Some(Arc::new(p)),
            Err(e) => {
                self.errors.push(e);
                None
            }
        };
        self.loaded.insert(config, project.clone());
        project
    }

    /// The problems met so far, each configuration's once.
    pub fn take_errors(&mut self) -> Vec<Error> {
        std::mem::take(&mut self.errors)
    }
}
