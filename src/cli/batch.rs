//! `copydesk check --input jsonl`: articles as JSON Lines records on standard input,
//! findings as JSON Lines keyed by record id, in input order, batch by batch.

use std::io::{self, Write};
use std::path::PathBuf;

use rayon::prelude::*;

use copydesk::batch::{BatchLimits, NumberedRecord, Record, RecordId, RecordReader};
use copydesk::config::Projects;
use copydesk::report::{OutputFormat, RecordReporter};
use copydesk::{CheckOptions, CheckedFile, Job};

use super::check::Tally;
use super::plan;
use super::{baseline, CheckArgs, Status};

/// The name records without a `path` are reported and configured under.
const UNNAMED: &str = "<stdin>";

/// Records checked together at most.
const BATCH: usize = 256;
/// A batch ends after this many bytes of input, even with fewer than [`BATCH`] records.
const BATCH_BYTES: usize = 32 << 20;

/// One input line, ready to check or already known to be unusable.
enum Planned {
    Ready {
        line: usize,
        id: RecordId,
        job: Job,
        text: String,
        options: CheckOptions,
    },
    Unusable {
        line: usize,
        id: Option<RecordId>,
        message: String,
    },
}

/// One input line after checking.
enum Outcome {
    Checked {
        id: RecordId,
        job: Job,
        file: Box<CheckedFile>,
    },
    Failed {
        line: usize,
        id: Option<RecordId>,
        message: String,
    },
}

/// Run `copydesk check --input jsonl`.
pub fn check_records(args: &CheckArgs) -> Status {
    if args.output_format() != OutputFormat::JsonLines {
        eprintln!("copydesk: error: --input jsonl writes --format jsonl only");
        return Status::Error;
    }
    let accepted = match baseline::load(args.baseline.as_deref()) {
        Ok(accepted) => accepted,
        Err(status) => return status,
    };
    let mut projects = args.rule_args.projects();
    let Some(unnamed) = plan::job(PathBuf::from(UNNAMED), args.input_format, &mut projects) else {
        return plan::stop_on_config_errors(&mut projects)
            .err()
            .unwrap_or(Status::Error);
    };
    let mut tally = Tally::new(args, accepted.as_ref());
    let mut reporter = RecordReporter::default();
    let mut reader = RecordReader::new(io::stdin().lock());
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut unchecked = 0;
    let limits = BatchLimits {
        records: BATCH,
        bytes: BATCH_BYTES,
    };
    let mut written = Ok(());
    let mut read_error = None;
    while written.is_ok() {
        let batch = match reader.next_batch(limits) {
            Ok(Some(batch)) => batch,
            Ok(None) => break,
            Err(e) => {
                read_error = Some(e);
                break;
            }
        };
        let planned: Vec<Planned> = batch
            .into_iter()
            .map(|input| plan_record(input, args, &unnamed, &mut projects))
            .collect();
        for e in projects.take_errors() {
            eprintln!("{e}");
        }
        let outcomes: Vec<Outcome> = planned
            .into_par_iter()
            .with_max_len(1)
            .map(check_planned)
            .collect();
        for outcome in outcomes {
            written = written.and_then(|()| match outcome {
                Outcome::Checked { id, job, mut file } => {
                    tally.settle(&job, &mut file);
                    reporter.record(&mut out, &id, &file)
                }
                Outcome::Failed { line, id, message } => {
                    unchecked += 1;
                    reporter.error(&mut out, line, id.as_ref(), &message)
                }
            });
        }
        written = written.and_then(|()| out.flush());
    }
    let finished = written
        .and_then(|()| reporter.finish(&mut out, &tally.summary))
        .and_then(|()| out.flush());
    drop(out);
    finish(read_error, finished, unchecked, &tally)
}

/// The exit status, after telling standard error what went wrong.
fn finish(
    read_error: Option<io::Error>,
    finished: io::Result<()>,
    unchecked: usize,
    tally: &Tally,
) -> Status {
    let mut status = Status::Clean;
    if let Some(e) = read_error {
        eprintln!("copydesk: error: cannot read standard input: {e}");
        status = Status::Error;
    }
    if let Err(e) = finished {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: error: cannot write the report: {e}");
            status = Status::Error;
        }
    }
    if unchecked > 0 {
        let records = if unchecked == 1 { "record" } else { "records" };
        eprintln!("copydesk: error: {unchecked} {records} could not be checked (see the `error` lines)");
        status = Status::Error;
    }
    if status == Status::Clean && tally.failed {
        Status::Findings
    } else {
        status
    }
}

/// The job of one input line: its configuration, format and date.
fn plan_record(input: NumberedRecord, args: &CheckArgs, unnamed: &Job, projects: &mut Projects) -> Planned {
    let record: Record = match input.record {
        Ok(record) => record,
        Err(e) => {
            return Planned::Unusable {
                line: input.line,
                message: e.to_string(),
                id: e.id,
            }
        }
    };
    let format = record.format.or(args.input_format);
    let job = match &record.path {
        Some(path) => plan::job(PathBuf::from(path), format, projects),
        None => Some(Job {
            format: format.unwrap_or(unnamed.format),
            ..unnamed.clone()
        }),
    };
    let Some(job) = job else {
        return Planned::Unusable {
            line: input.line,
            id: Some(record.id),
            message: format!(
                "the configuration for `{}` could not be loaded",
                record.path.as_deref().unwrap_or(UNNAMED)
            ),
        };
    };
    Planned::Ready {
        line: input.line,
        id: record.id,
        job,
        text: record.text,
        options: CheckOptions {
            date: record.date.or_else(|| args.date.clone()),
            format,
            max_file_size: None,
            drop_prose: true,
        },
    }
}

fn check_planned(planned: Planned) -> Outcome {
    match planned {
        Planned::Ready {
            line,
            id,
            job,
            text,
            options,
        } => match job.run_on(text.into_bytes(), &options) {
            Ok(file) => Outcome::Checked {
                id,
                job,
                file: Box::new(file),
            },
            Err(e) => Outcome::Failed {
                line,
                message: e.to_string(),
                id: Some(id),
            },
        },
        Planned::Unusable { line, id, message } => Outcome::Failed { line, id, message },
    }
}
