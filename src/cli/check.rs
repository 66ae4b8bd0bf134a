//! `copydesk check`: check articles and report findings.

use std::io::{self, IsTerminal, Read, Write};
use std::path::PathBuf;

use copydesk::report::{self, FileError, Summary};
use copydesk::{files, CheckOptions, CheckedFile, Format, RuleSet, Severity, SourceError};

use super::{load_rules, CheckArgs, Color, FailOn, Status, BATCH};

/// Run `copydesk check`.
pub fn check(args: &CheckArgs) -> Status {
    let rules = match load_rules(&args.rule_args) {
        Ok(rules) => rules,
        Err(status) => return status,
    };
    let options = CheckOptions {
        date: args.date.clone(),
        format: args.input_format,
    };
    let use_stdin = args.stdin || args.paths.iter().any(|p| p.as_os_str() == "-");
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
    let (files, walk_errors) = files::collect(&paths);
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut reporter = report::reporter(args.format, color, &rules);
    let mut summary = Summary::default();
    for e in walk_errors {
        summary.errors.push(FileError {
            path: e.path.clone(),
            message: e.to_string(),
        });
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut worst: Option<Severity> = None;
    let mut emit = |result: Result<CheckedFile, SourceError>, summary: &mut Summary| -> io::Result<()> {
        match result {
            Ok(mut file) => {
                file.findings.retain(|f| f.severity >= args.min_severity);
                summary.files += 1;
                for f in &file.findings {
                    summary.count(f.severity);
                    worst = worst.max(Some(f.severity));
                }
                reporter.file(&mut out, &file)
            }
            Err(e) => {
                summary.errors.push(file_error(&e));
                Ok(())
            }
        }
    };
    let mut written = Ok(());
    if use_stdin {
        written = emit(check_stdin(&rules, args, &options), &mut summary);
    }
    for chunk in files.chunks(BATCH) {
        if written.is_err() {
            break;
        }
        for result in rules.check_files(chunk, &options) {
            written = written.and_then(|()| emit(result, &mut summary));
        }
    }
    let finished = written
        .and_then(|()| reporter.finish(&mut out, &summary))
        .and_then(|()| out.flush());
    drop(out);
    for e in &summary.errors {
        eprintln!("copydesk: error: {}", e.message);
    }
    if let Err(e) = finished {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("copydesk: error: cannot write the report: {e}");
            return Status::Error;
        }
    }
    status_of(&summary, worst, args.fail_on)
}

fn status_of(summary: &Summary, worst: Option<Severity>, fail_on: FailOn) -> Status {
    if !summary.errors.is_empty() {
        return Status::Error;
    }
    let threshold = match fail_on {
        FailOn::Info => Severity::Info,
        FailOn::Warning => Severity::Warning,
        FailOn::Error => Severity::Error,
        FailOn::Never => return Status::Clean,
    };
    if worst.is_some_and(|w| w >= threshold) {
        Status::Findings
    } else {
        Status::Clean
    }
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

fn check_stdin(
    rules: &RuleSet,
    args: &CheckArgs,
    options: &CheckOptions,
) -> Result<CheckedFile, SourceError> {
    let name = args
        .stdin_filename
        .clone()
        .unwrap_or_else(|| "<stdin>".to_owned());
    let mut bytes = Vec::new();
    io::stdin()
        .read_to_end(&mut bytes)
        .map_err(|source| SourceError::Io {
            path: PathBuf::from(&name),
            source,
        })?;
    let format = options
        .format
        .unwrap_or_else(|| Format::from_path(std::path::Path::new(&name)));
    rules.check_bytes(&name, bytes, format, options)
}
