//! Turning the command line into jobs: which files, under which configuration,
//! in which format.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use copydesk::config::{CommandLineRules, Project, Projects};
use copydesk::report::FileError;
use copydesk::{files, Format, Job, RuleSet};

use super::{RuleArgs, Status};

impl RuleArgs {
    /// The configurations these options call for.
    pub fn projects(&self) -> Projects {
        let cli = CommandLineRules {
            packs: self.rules.clone(),
            no_default_rules: self.no_default_rules,
        };
        Projects::new(cli, self.config.clone(), !self.no_config)
    }
}

/// The files of a run and the problems met finding them.
pub struct Plan {
    /// One job per file, in the order given (folders sorted).
    pub jobs: Vec<Job>,
    /// Paths that could not be walked.
    pub errors: Vec<FileError>,
}

/// Jobs for `paths` (files as given, folders walked for article extensions and the
/// extensions their configuration adds). Stops with status 2 when a configuration is
/// broken, after printing its problems.
pub fn plan(
    paths: &[PathBuf],
    input_format: Option<Format>,
    projects: &mut Projects,
) -> Result<Plan, Status> {
    let (found, walk_errors) = files::collect_with(paths, |path| {
        projects
            .for_file(path)
            .is_some_and(|p| p.format_for(path).is_some())
    });
    let jobs = found
        .into_iter()
        .filter_map(|path| job(path, input_format, projects))
        .collect();
    stop_on_config_errors(projects)?;
    let errors = walk_errors
        .into_iter()
        .map(|e| FileError {
            message: e.to_string(),
            path: e.path,
        })
        .collect();
    Ok(Plan { jobs, errors })
}

/// The job of one file (or of standard input reported as `path`).
pub fn job(path: PathBuf, input_format: Option<Format>, projects: &mut Projects) -> Option<Job> {
    let project = projects.for_file(&path)?;
    Some(job_in(path, input_format, project))
}

fn job_in(path: PathBuf, input_format: Option<Format>, project: Arc<Project>) -> Job {
    let format = input_format
        .or_else(|| project.format_for(&path))
        .unwrap_or_else(|| Format::from_path(&path));
    let settings = project.settings_for(&path);
    Job {
        path,
        project,
        settings,
        format,
    }
}

/// Print the problems of broken configurations and rule files; status 2 when any.
pub fn stop_on_config_errors(projects: &mut Projects) -> Result<(), Status> {
    let errors = projects.take_errors();
    if errors.is_empty() {
        return Ok(());
    }
    for e in &errors {
        eprintln!("{e}");
    }
    eprintln!("copydesk: error: the configuration or rules could not be loaded; nothing was checked");
    Err(Status::Error)
}

/// The rules that apply in the current folder (for `rules` and `test-rules`).
pub fn rules_here(args: &RuleArgs) -> Result<Arc<RuleSet>, Status> {
    let mut projects = args.projects();
    let project = projects.for_dir(Path::new("."));
    stop_on_config_errors(&mut projects)?;
    project.map(|p| Arc::clone(&p.rules)).ok_or(Status::Error)
}
