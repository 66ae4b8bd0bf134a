//! `copydesk check`: check articles and report findings.

use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use std::sync::Arc;

use copydesk::config::raw::FailOn;
use copydesk::report::{self, FileError, Summary};
use copydesk::{Baseline, CheckOptions, CheckedFile, Job, RuleSet, SourceError};

use super::plan;
use super::progress::Progress;
use super::{baseline, CheckArgs, Color, Status};

/// Run `copydesk check`.
pub fn check(args: &CheckArgs) -> Status {
    if args.input.is_some() {
        return super::batch::check_records(args);
    }
    let (paths, dash) = plan::split_stdin(&args.paths);
    let use_stdin = args.stdin || dash;
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
        max_file_size: Some(args.files.max_file_size_bytes()),
        // Matching findings with a baseline reads the sentences around them.
        drop_prose: accepted.is_none(),
    };
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
    if let Err(status) = plan::load_first(&paths, &mut projects) {
        return status;
    }
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let format = args.output_format();
    let mut run = Run {
        tally: Tally::new(args, accepted.as_ref()),
        reporter: report::reporter(format, color, &[]),
        known_rules: Vec::new(),
    };
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
    let progress = Progress::new(args.no_progress);
    let in_shard = |path: &Path| {
        args.shard
            .is_none_or(|shard| shard.contains(&report::portable_path(&path.display().to_string())))
    };
    let checked = plan::check_each(
        &paths,
        args.input_format,
        args.files.follow,
        &mut projects,
        &options,
        in_shard,
        |job, result| {
            progress.inc();
            written = std::mem::replace(&mut written, Ok(()))
                .and_then(|()| progress.suspend(|| run.emit(&mut out, job, result)));
            written.is_ok()
        },
    );
    progress.finish();
    let stopped = match checked {
        Ok(mut walked) => {
            run.tally.summary.errors.append(&mut walked.errors);
            run.tally.summary.skipped.append(&mut walked.skipped);
            false
        }
        Err(_) => true,
    };
    let finished = written
        .and_then(|()| run.reporter.finish(&mut out, &run.tally.summary))
        .and_then(|()| out.flush());
    drop(out);
    // The process ends once the status is returned: tearing down every compiled rule and
    // dictionary would only add time (about a tenth of a one-article run).
    std::mem::forget(projects);
    let summary = &run.tally.summary;
    baseline::note_stale(format, summary);
    for e in &summary.skipped {
        eprintln!("copydesk: note: {}", e.message);
    }
    for e in &summary.errors {
        eprintln!("copydesk: error: {}", e.message);
    }
    if let Err(e) = finished {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: error: cannot write the report: {e}");
            return Status::Error;
        }
    }
    if stopped || !summary.errors.is_empty() {
        Status::Error
    } else if run.tally.failed {
        Status::Findings
    } else {
        Status::Clean
    }
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
    /// Rule sets the reporter has been told about.
    known_rules: Vec<Arc<RuleSet>>,
}

impl Run<'_> {
    /// Filter, count and report the result of one job.
    fn emit(
        &mut self,
        out: &mut dyn Write,
        job: &Job,
        result: Result<CheckedFile, SourceError>,
    ) -> io::Result<()> {
        let rules = &job.project.rules;
        if !self.known_rules.iter().any(|known| Arc::ptr_eq(known, rules)) {
            self.reporter.rules(rules);
            self.known_rules.push(Arc::clone(rules));
        }
        let mut file = match result {
            Ok(file) => file,
            Err(e) if e.is_skip() => {
                self.tally.summary.skipped.push(file_error(&e));
                return Ok(());
            }
            Err(e) => {
                self.tally.summary.errors.push(file_error(&e));
                return Ok(());
            }
        };
        self.tally.settle(job, &mut file);
        self.reporter.file(out, &file)
    }
}

fn file_error(e: &SourceError) -> FileError {
    FileError {
        path: e.path(),
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
