//! `copydesk check`: check articles and report findings.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use copydesk::config::raw::FailOn;
use copydesk::report::{self, FileError, Summary};
use copydesk::{CheckOptions, CheckedFile, Job, SourceError};

use copydesk::Baseline;

use super::plan::{self, Plan};
use super::progress::Progress;
use super::{baseline, CheckArgs, Color, Status, BATCH};

/// Run `copydesk check`.
pub fn check(args: &CheckArgs) -> Status {
    if args.input.is_some() {
        return super::batch::check_records(args);
    }
    let use_stdin = args.stdin || args.paths.iter().any(|p| p.as_os_str() == "-");
    if use_stdin && args.shard.is_some() {
        eprintln!("copydesk: error: --shard splits files and folders; standard input cannot be sharded");
        return Status::Error;
    }
    let accepted = match baseline::load(args.baseline.as_deref()) {
        Ok(accepted) => accepted,
        Err(status) => return status,
    };
    let options = CheckOptions {
        date: args.date.clone(),
        format: args.input_format,
    };
    let paths: Vec<PathBuf> = args
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    if paths.is_empty() && !use_stdin {
        eprintln!("copydesk: error: nothing to check: give files or folders, or `-` for standard input");
        return Status::Error;
    }
    let mut projects = args.rule_args.projects();
    let stdin_job = if use_stdin {
        let name = args.stdin_filename.as_deref().unwrap_or("<stdin>");
        plan::job(PathBuf::from(name), args.input_format, &mut projects)
    } else {
        None
    };
    let Plan { mut jobs, errors } = match plan::plan(&paths, args.input_format, &mut projects) {
        Ok(plan) => plan,
        Err(status) => return status,
    };
    if let Some(shard) = args.shard {
        jobs.retain(|job| shard.contains(&report::portable_path(&job.path.display().to_string())));
    }
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let format = args.output_format();
    let mut run = Run {
        tally: Tally::new(args, accepted.as_ref()),
        reporter: report::reporter(format, color, &rule_sets(stdin_job.iter().chain(&jobs))),
    };
    run.tally.summary.errors = errors;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut written = Ok(());
    if let Some(job) = &stdin_job {
        written = run.emit(
            &mut out,
            job,
            read_stdin(&job.path).and_then(|b| job.run_on(b, &options)),
        );
    }
    let progress = Progress::for_files(jobs.len(), args.no_progress);
    for chunk in jobs.chunks(BATCH) {
        if written.is_err() {
            break;
        }
        let results = check_chunk(chunk, &options, &progress);
        written = progress.suspend(|| {
            let mut written = written;
            for (job, result) in chunk.iter().zip(results) {
                written = written.and_then(|()| run.emit(&mut out, job, result));
            }
            written.and_then(|()| out.flush())
        });
    }
    progress.finish();
    let finished = written
        .and_then(|()| run.reporter.finish(&mut out, &run.tally.summary))
        .and_then(|()| out.flush());
    drop(out);
    let summary = &run.tally.summary;
    baseline::note_stale(format, summary);
    for e in &summary.errors {
        eprintln!("copydesk: error: {}", e.message);
    }
    if let Err(e) = finished {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: error: cannot write the report: {e}");
            return Status::Error;
        }
    }
    if !summary.errors.is_empty() {
        Status::Error
    } else if run.tally.failed {
        Status::Findings
    } else {
        Status::Clean
    }
}

/// Check `chunk` in parallel, counting each file on the progress bar; results keep
/// the order of `chunk`.
fn check_chunk(
    chunk: &[Job],
    options: &CheckOptions,
    progress: &Progress,
) -> Vec<Result<CheckedFile, SourceError>> {
    chunk
        .par_iter()
        .map(|job| {
            let result = job.run(options);
            progress.inc();
            result
        })
        .collect()
}

/// What the findings of a run add up to, after the baseline and the severity filter.
pub struct Tally<'a> {
    args: &'a CheckArgs,
    accepted: Option<&'a Baseline>,
    /// Totals so far.
    pub summary: Summary,
    /// True once a finding at or above `--fail-on` was kept.
    pub failed: bool,
}

impl<'a> Tally<'a> {
    /// An empty tally for a run with `args`, filtering through the `accepted` baseline.
    pub fn new(args: &'a CheckArgs, accepted: Option<&'a Baseline>) -> Self {
        Tally {
            args,
            accepted,
            summary: Summary::default(),
            failed: false,
        }
    }

    /// Drop the findings of `file` that the baseline accepts or that fall below the
    /// minimum severity, and count the rest.
    pub fn settle(&mut self, job: &Job, file: &mut CheckedFile) {
        baseline::accept(self.accepted, file, &mut self.summary);
        let min_severity = self.args.min_severity.unwrap_or(job.settings.min_severity);
        let fail_on: FailOn = self.args.fail_on.unwrap_or(job.settings.fail_on);
        file.findings.retain(|f| f.severity >= min_severity);
        self.summary.files += 1;
        for f in &file.findings {
            self.summary.count(f.severity);
            self.failed |= fail_on.fails(f.severity);
        }
    }
}

/// The state of one run: where findings go and what they add up to.
struct Run<'a> {
    tally: Tally<'a>,
    reporter: Box<dyn report::Reporter>,
}

impl Run<'_> {
    /// Filter, count and report the result of one job.
    fn emit(
        &mut self,
        out: &mut dyn Write,
        job: &Job,
        result: Result<CheckedFile, SourceError>,
    ) -> io::Result<()> {
        let mut file = match result {
            Ok(file) => file,
            Err(e) => {
                self.tally.summary.errors.push(file_error(&e));
                return Ok(());
            }
        };
        self.tally.settle(job, &mut file);
        self.reporter.file(out, &file)
    }
}

/// The distinct rule sets of the jobs, in order of first use.
fn rule_sets<'a>(jobs: impl Iterator<Item = &'a Job>) -> Vec<&'a copydesk::RuleSet> {
    let mut sets: Vec<&copydesk::RuleSet> = Vec::new();
    for job in jobs {
        let set = job.project.rules.as_ref();
        if !sets.iter().any(|s| std::ptr::eq(*s, set)) {
            sets.push(set);
        }
    }
    sets
}

fn file_error(e: &SourceError) -> FileError {
    let path = match e {
        SourceError::Io { path, .. } => path.display().to_string(),
        SourceError::InvalidUtf8 { path, .. } | SourceError::FrontMatter { path, .. } => path.clone(),
    };
    FileError {
        path,
        message: e.to_string(),
    }
}

fn read_stdin(name: &Path) -> Result<Vec<u8>, SourceError> {
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| SourceError::Io {
            path: name.to_owned(),
            source,
        })?;
    Ok(bytes)
}
