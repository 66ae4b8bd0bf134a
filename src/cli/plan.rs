//! Turning the command line into jobs: which files, under which configuration,
//! in which format.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use copydesk::config::{CommandLineRules, Project, Projects};
use copydesk::files::{Found, WalkError};
use copydesk::report::FileError;
use copydesk::{files, run_jobs_until, CheckOptions, CheckedFile, Format, Job, RuleSet, SourceError};

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

/// How much one batch of a run takes on.
#[derive(Debug, Clone, Copy)]
struct BatchLimits {
    /// Files walked at a time…
    files: usize,
    /// …and checked until the files read hold this many bytes, so memory stays bounded
    /// whatever the files.
    bytes: u64,
}

const BATCH: BatchLimits = BatchLimits {
    files: 256,
    bytes: 16 << 20,
};

/// The jobs of a run, made batch by batch while folders are walked, so memory does not
/// grow with the number of files.
pub struct Batches<'a> {
    walk: Box<dyn Iterator<Item = Result<Found, WalkError>> + 'a>,
    input_format: Option<Format>,
    /// Paths that could not be walked, so far.
    pub errors: Vec<FileError>,
    /// Paths left out on purpose while walking, so far.
    pub skipped: Vec<FileError>,
}

impl<'a> Batches<'a> {
    /// Files as given, and the files of folders that have an article extension or one
    /// their configuration adds.
    pub fn new(paths: &'a [PathBuf], input_format: Option<Format>, follow_links: bool) -> Self {
        Batches {
            walk: Box::new(files::walk_lazily(paths, follow_links)),
            input_format,
            errors: Vec::new(),
            skipped: Vec::new(),
        }
    }

    /// The next batch, of at most `files` files, empty at the end. A broken configuration
    /// met on the way stops the run with status 2, after its problems are printed.
    pub fn next_batch(&mut self, projects: &mut Projects, files: usize) -> Result<Vec<Job>, Status> {
        let mut jobs = Vec::new();
        while jobs.len() < files {
            let Some(found) = self.walk.next() else {
                break;
            };
            let found = match found {
                Ok(found) => found,
                Err(e) => {
                    let list = if e.skipped {
                        &mut self.skipped
                    } else {
                        &mut self.errors
                    };
                    list.push(FileError {
                        message: e.to_string(),
                        path: e.path,
                    });
                    continue;
                }
            };
            let Some(project) = projects.for_file(&found.path) else {
                break;
            };
            if found.walked && !files::is_article(&found.path) && project.format_for(&found.path).is_none() {
                continue;
            }
            jobs.push(job_in(found.path, self.input_format, project));
        }
        stop_on_config_errors(projects)?;
        Ok(jobs)
    }
}

/// Load the configurations and rules of the given paths themselves before anything is
/// checked, so that a broken one stops the run with nothing reported (status 2). Those
/// of subfolders are loaded when the walk reaches them.
pub fn load_first(paths: &[PathBuf], projects: &mut Projects) -> Result<(), Status> {
    if projects.one_for_all() {
        // One project for every path: loading it for the first is loading it for all,
        // with no need to look at each path on disk.
        if let Some(first) = paths.first() {
            projects.for_file(first);
        }
        return stop_on_config_errors(projects);
    }
    for path in paths {
        if path.is_dir() {
            projects.for_dir(path);
        } else {
            projects.for_file(path);
        }
    }
    stop_on_config_errors(projects)
}

/// Check the files of `paths` that `keep` accepts, batch by batch, in order, handing
/// each job and its result to `each`, which returns false to stop. While the thread pool
/// checks one batch, this thread hands on the results of the one before and walks to
/// the next. Returns the paths that could not be walked or were left out; status 2 when
/// a broken configuration stopped the run (its problems are printed, after the results
/// of the files checked before it).
pub fn check_each(
    paths: &[PathBuf],
    input_format: Option<Format>,
    follow_links: bool,
    projects: &mut Projects,
    options: &CheckOptions,
    keep: impl Fn(&Path) -> bool,
    each: impl FnMut(&Job, Result<CheckedFile, SourceError>) -> bool,
) -> Result<Walked, Status> {
    let walk = Batches::new(paths, input_format, follow_links);
    check_batches(walk, BATCH, projects, options, keep, each)
}

/// [`check_each`] over the files of `batches`, batch by batch within `limits`.
fn check_batches(
    mut batches: Batches<'_>,
    limits: BatchLimits,
    projects: &mut Projects,
    options: &CheckOptions,
    keep: impl Fn(&Path) -> bool,
    mut each: impl FnMut(&Job, Result<CheckedFile, SourceError>) -> bool,
) -> Result<Walked, Status> {
    // The next batch with a file to check, empty at the end.
    let next_batch = |batches: &mut Batches, projects: &mut Projects| loop {
        let mut jobs = batches.next_batch(projects, limits.files)?;
        let end = jobs.is_empty();
        jobs.retain(|job| keep(&job.path));
        if end || !jobs.is_empty() {
            return Ok(jobs);
        }
    };
    let mut hand_on =
        |(done, results): CheckedBatch| done.iter().zip(results).all(|(job, result)| each(job, result));
    let mut jobs = next_batch(&mut batches, projects)?;
    let mut walked_all = jobs.is_empty();
    // A broken configuration met while walking: the files walked before it are checked
    // and handed on first.
    let mut broken: Option<Status> = None;
    let mut checked: Option<CheckedBatch> = None;
    loop {
        let (results, handed_on, walked) = std::thread::scope(|scope| {
            let checking =
                (!jobs.is_empty()).then(|| scope.spawn(|| run_jobs_until(&jobs, options, limits.bytes)));
            let handed_on = checked.take().is_none_or(&mut hand_on);
            // Walk on only while at most a batch of files waits, so that the files waiting
            // stay bounded when large files cut batches short.
            let walked = match (&checking, handed_on) {
                (Some(_), true) if !walked_all && jobs.len() <= limits.files => {
                    Some(next_batch(&mut batches, projects))
                }
                _ => None,
            };
            let results = checking.map(|thread| {
                thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            });
            (results, handed_on, walked)
        });
        let (Some(results), true) = (results, handed_on) else {
            break;
        };
        let waiting = jobs.split_off(results.len());
        checked = Some((std::mem::replace(&mut jobs, waiting), results));
        match walked {
            Some(Ok(more)) => {
                walked_all = more.is_empty();
                jobs.extend(more);
            }
            Some(Err(status)) => {
                walked_all = true;
                broken = Some(status);
            }
            None => {}
        }
    }
    if let Some(status) = broken {
        return Err(status);
    }
    Ok(Walked {
        errors: batches.errors,
        skipped: batches.skipped,
    })
}

/// A batch of jobs and their results, in the same order.
type CheckedBatch = (Vec<Job>, Vec<Result<CheckedFile, SourceError>>);

/// What walking the folders of a run met besides the files it checked.
pub struct Walked {
    /// Paths that could not be walked.
    pub errors: Vec<FileError>,
    /// Paths left out on purpose.
    pub skipped: Vec<FileError>,
}

/// The paths other than `-`, and whether `-` (standard input) was among them.
pub fn split_stdin(paths: &[PathBuf]) -> (Vec<PathBuf>, bool) {
    let files = paths.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    (files, paths.iter().any(|p| p.as_os_str() == "-"))
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

#[cfg(test)]
mod tests {
    use super::*;
    use copydesk::config::CommandLineRules;

    /// A folder of `count` articles, each with a line of page furniture.
    fn folder(count: usize) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temporary folder");
        for i in 0..count {
            let text = format!("Story {i} of the harbour board.\n\nComments are closed.\n");
            std::fs::write(dir.path().join(format!("a{i:02}.txt")), text).expect("write");
        }
        dir
    }

    /// The files handed on by a run of `check_batches` within `limits`, in order, and
    /// whether every one had a finding.
    fn handed_on(dir: &Path, limits: BatchLimits) -> (Result<Walked, Status>, Vec<String>, bool) {
        let paths = [dir.to_path_buf()];
        let mut projects = Projects::new(CommandLineRules::default(), None, true);
        let mut names = Vec::new();
        let mut all_found = true;
        let result = check_batches(
            Batches::new(&paths, None, false),
            limits,
            &mut projects,
            &CheckOptions::default(),
            |_| true,
            |job, result| {
                let name = job
                    .path
                    .file_name()
                    .expect("a file")
                    .to_string_lossy()
                    .into_owned();
                names.push(name);
                all_found &= result.is_ok_and(|checked| !checked.findings.is_empty());
                true
            },
        );
        (result, names, all_found)
    }

    #[test]
    fn batches_cut_short_by_their_bytes_check_every_file_once_in_order() {
        let dir = folder(23);
        let expected: Vec<String> = (0..23).map(|i| format!("a{i:02}.txt")).collect();
        for limits in [
            BATCH,
            BatchLimits { files: 4, bytes: 1 },
            BatchLimits { files: 5, bytes: 120 },
            BatchLimits {
                files: 1,
                bytes: u64::MAX,
            },
        ] {
            let (result, names, all_found) = handed_on(dir.path(), limits);
            assert!(result.is_ok(), "{limits:?}");
            assert_eq!(names, expected, "{limits:?}");
            assert!(all_found, "{limits:?}");
        }
    }

    #[test]
    fn a_broken_configuration_stops_the_run_after_the_files_walked_before_it() {
        let dir = folder(6);
        let broken = dir.path().join("z");
        std::fs::create_dir(&broken).expect("subfolder");
        std::fs::write(broken.join("copydesk.yaml"), "disable: [no-such-rule]\n").expect("write");
        std::fs::write(broken.join("b.txt"), "Comments are closed.\n").expect("write");
        let (result, names, _) = handed_on(dir.path(), BatchLimits { files: 4, bytes: 1 });
        assert_eq!(result.err(), Some(Status::Error));
        let first: Vec<String> = (0..4).map(|i| format!("a{i:02}.txt")).collect();
        assert_eq!(names[..4], first[..], "the first batch is handed on whole");
        assert!(!names.contains(&"b.txt".to_owned()));
    }
}
