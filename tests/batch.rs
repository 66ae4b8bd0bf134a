//! Batch mode (`check --input jsonl`), sharding (`--shard`) and the progress bar, through
//! the binary.

mod common;

use common::stderr;

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{json, Value};

fn copydesk() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    command.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("CI");
    command
}

/// Run `copydesk ARGS` with `input` on standard input (written from another thread, so
/// that large inputs cannot dead-lock against the output). A run that refuses its
/// arguments exits without reading its input, which may then meet a closed pipe: the
/// tests read what the run says about it from its status and output.
fn run_with_input(args: &[&str], input: String) -> Output {
    let mut child = copydesk()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("the binary finishes");
    match writer.join().expect("writer") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => panic!("input not written: {e}"),
        _ => output,
    }
}

fn batch(records: &[Value]) -> Output {
    run_with_input(&["check", "--input", "jsonl"], lines(records))
}

fn lines(records: &[Value]) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

fn parsed(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn of_type<'a>(values: &'a [Value], kind: &str) -> Vec<&'a Value> {
    values.iter().filter(|v| v["type"] == kind).collect()
}

const VOTE: &str = "The vote is on Monday, March 4.\n";

#[test]
fn records_carry_ids_formats_paths_and_dates() {
    let records = [
        json!({"id": "plain", "text": "The vote passed.\nComments are closed.\n"}),
        json!({"id": 2, "format": "html", "text": "<p>The vote passed.</p>\n<script>x = 1;</script><p>Comments are closed.</p>\n"}),
        json!({"id": "md", "path": "desk/story.md", "text": "# Vote\n\n```\nComments are closed.\n```\n\nShare this article\n"}),
        json!({"id": "dated", "date": "2025-02-01", "text": VOTE}),
        json!({"id": "undated", "text": VOTE}),
        json!({"id": "right-year", "date": "2024-02-01", "text": VOTE}),
    ];
    let out = batch(&records);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let values = parsed(&out);
    let found: Vec<(Value, &str, &str, u64, u64)> = of_type(&values, "finding")
        .iter()
        .map(|f| {
            (
                f["id"].clone(),
                f["path"].as_str().unwrap_or_default(),
                f["rule"].as_str().unwrap_or_default(),
                f["line"].as_u64().unwrap_or_default(),
                f["column"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (json!("plain"), "<stdin>", "copydesk/comments-closed", 2, 1),
            (json!(2), "<stdin>", "copydesk/comments-closed", 2, 27),
            (json!("md"), "desk/story.md", "copydesk/share-buttons", 7, 1),
            (json!("dated"), "<stdin>", "copydesk/wrong-weekday", 1, 16),
        ]
    );
    let summary = values.last().expect("summary line");
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["files"], 6);
    assert_eq!(summary["findings"], 4);
}

#[test]
fn the_command_line_date_and_format_apply_to_records_without_their_own() {
    let records = [
        json!({"id": 1, "text": VOTE}),
        json!({"id": 2, "text": VOTE, "date": "2024-01-01"}),
        json!({"id": 3, "text": "<p>Comments are closed.</p>\n"}),
        json!({"id": 4, "text": "<p>Comments are closed.</p>\n", "format": "text"}),
    ];
    let args = [
        "check",
        "--input",
        "jsonl",
        "--date",
        "2025-01-01",
        "--input-format",
        "html",
    ];
    let out = run_with_input(&args, lines(&records));
    let values = parsed(&out);
    let found: Vec<(Value, &str)> = of_type(&values, "finding")
        .iter()
        .map(|f| (f["id"].clone(), f["match"].as_str().unwrap_or_default()))
        .collect();
    assert_eq!(
        found,
        [(json!(1), "Monday, March 4"), (json!(3), "Comments are closed."),],
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn malformed_lines_are_reported_by_line_and_the_stream_goes_on() {
    let input = [
        r#"{"id": "first", "text": "Comments are closed.\n"}"#,
        r#"{"id": "broken", "text": "#,
        r#"{"id": 3}"#,
        "",
        r#"{"id": true, "text": "x"}"#,
        r#"{"id": "fmt", "text": "x", "format": "pdf"}"#,
        r#"{"id": 6, "text": "x", "date": "4 March"}"#,
        r#"["id", "text"]"#,
        r#"{"id": "bad-front-matter", "format": "markdown", "text": "---\ndate: [\n---\nText.\n"}"#,
        r#"{"id": "last", "text": "Comments are closed.\n"}"#,
    ]
    .join("\n");
    let out = run_with_input(&["check", "--input", "jsonl"], input);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("7 records could not be checked"),
        "{}",
        stderr(&out)
    );
    let values = parsed(&out);
    let errors: Vec<(u64, Value, &str)> = of_type(&values, "error")
        .iter()
        .map(|e| {
            (
                e["line"].as_u64().unwrap_or_default(),
                e["id"].clone(),
                e["message"].as_str().unwrap_or_default(),
            )
        })
        .collect();
    let expected: [(u64, Value, &str); 7] = [
        (2, Value::Null, "invalid JSON: "),
        (3, json!(3), "missing field `text`"),
        (
            5,
            Value::Null,
            "`id`: invalid type: boolean `true`, expected a string or a number",
        ),
        (6, json!("fmt"), "`format`: unknown variant `pdf`"),
        (
            7,
            json!(6),
            "`date`: `4 March` is not a date of the form YYYY-MM-DD",
        ),
        (8, Value::Null, "a record must be a JSON object"),
        (9, json!("bad-front-matter"), "<stdin>:3:1: invalid front matter"),
    ];
    assert_eq!(errors.len(), expected.len(), "{errors:?}");
    for ((line, id, message), (want_line, want_id, want_start)) in errors.iter().zip(&expected) {
        assert_eq!((line, id), (want_line, want_id), "{message}");
        assert!(message.starts_with(want_start), "line {line}: {message}");
    }
    let ids: Vec<&Value> = of_type(&values, "finding").iter().map(|f| &f["id"]).collect();
    assert_eq!(ids, [&json!("first"), &json!("last")]);
    let types: Vec<&str> = values
        .iter()
        .map(|v| v["type"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(types.first(), Some(&"finding"));
    assert_eq!(types.last(), Some(&"summary"));
    assert_eq!(values.last().map(|s| &s["files"]), Some(&json!(2)));
}

#[test]
fn output_keeps_input_order_across_parallel_batches() {
    let records: Vec<Value> = (0..600)
        .map(|i| {
            // Texts of very different lengths, so that parallel checks finish out of order.
            let filler = "The council met again today and discussed the harbour. ".repeat(i % 37 * 3);
            let text = format!("{filler}\nComments are closed.\n");
            if i % 2 == 0 {
                json!({"id": i, "text": text})
            } else {
                json!({"id": format!("r{i}"), "text": text})
            }
        })
        .collect();
    let out = batch(&records);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let values = parsed(&out);
    let ids: Vec<Value> = of_type(&values, "finding")
        .iter()
        .map(|f| f["id"].clone())
        .collect();
    let expected: Vec<Value> = records.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(ids, expected);
}

/// Every fixture article written to a fresh folder, with its contents.
fn fixture_copies() -> (tempfile::TempDir, Vec<(PathBuf, String)>) {
    let dir = tempfile::tempdir().expect("tempdir");
    let copies = common::articles()
        .into_iter()
        .map(|article| {
            let name = article.file_name().expect("file name");
            let copy = dir.path().join(name);
            let text = std::fs::read_to_string(&article).expect("fixture");
            std::fs::write(&copy, &text).expect("write copy");
            (copy, text)
        })
        .collect();
    (dir, copies)
}

#[test]
fn records_report_exactly_what_check_reports_for_the_same_files() {
    let (dir, copies) = fixture_copies();
    let folder = dir.path().to_str().expect("UTF-8 path");
    let files = copydesk()
        .args(["check", "--format", "jsonl", "--date", "2025-06-01", folder])
        .output()
        .expect("check runs");
    let records: Vec<Value> = copies
        .iter()
        .enumerate()
        .map(|(i, (path, text))| json!({"id": i, "path": path, "text": text}))
        .collect();
    let out = run_with_input(
        &["check", "--input", "jsonl", "--date", "2025-06-01"],
        lines(&records),
    );
    assert_eq!(out.status.code(), files.status.code());
    let from_files = parsed(&files);
    let mut from_records = parsed(&out);
    assert!(
        of_type(&from_files, "finding").len() > 20,
        "the fixtures have findings"
    );
    for value in &mut from_records {
        if let Some(fields) = value.as_object_mut() {
            let id = fields.remove("id");
            if fields["type"] == "finding" {
                let index = id.and_then(|id| id.as_u64()).expect("numeric id") as usize;
                assert_eq!(fields["path"], json!(copies[index].0), "ids follow paths");
            }
        }
    }
    assert_eq!(from_records, from_files);
}

#[test]
fn a_large_input_streams_before_it_is_closed() {
    let mut child = copydesk()
        .args(["check", "--input", "jsonl"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (close, closed) = mpsc::channel::<()>();
    let writer = std::thread::spawn(move || {
        for i in 0..20_000 {
            let record = json!({"id": i, "text": format!("Story {i}.\nComments are closed.\n")});
            writeln!(stdin, "{record}")?;
        }
        stdin.flush()?;
        // Keep standard input open until the first output has been seen.
        let _ = closed.recv();
        Ok::<(), std::io::Error>(())
    });
    let (first_line, first) = mpsc::channel();
    let reader = std::thread::spawn(move || {
        let mut lines = BufReader::new(stdout).lines();
        let _ = first_line.send(lines.next());
        lines.count() + 1
    });
    let line = first
        .recv_timeout(Duration::from_secs(120))
        .expect("output arrives while standard input is still open")
        .expect("a line")
        .expect("readable");
    let value: Value = serde_json::from_str(&line).expect("JSON");
    assert_eq!(
        (value["type"].as_str(), value["id"].as_u64()),
        (Some("finding"), Some(0))
    );
    close.send(()).expect("writer waiting");
    writer.join().expect("writer").expect("input written");
    let total = reader.join().expect("reader");
    assert_eq!(total, 20_001, "a finding per record and the summary");
    assert_eq!(child.wait().expect("exit").code(), Some(1));
}

#[test]
fn batch_mode_writes_jsonl_only_and_takes_no_paths() {
    let out = run_with_input(&["check", "--input", "jsonl", "--format", "line"], String::new());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--input jsonl writes --format jsonl only"));
    let out = run_with_input(&["check", "--input", "jsonl", "story.md"], String::new());
    assert_eq!(out.status.code(), Some(2));
    let out = run_with_input(&["check", "--input", "jsonl", "--format", "jsonl"], String::new());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        parsed(&out),
        [
            json!({"type": "summary", "version": 1, "tool": "copydesk", "files": 0, "findings": 0, "info": 0, "warning": 0, "error": 0})
        ]
    );
}

fn findings_of(args: &[&str]) -> Vec<Value> {
    let out = copydesk().args(args).output().expect("the binary runs");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    parsed(&out)
        .into_iter()
        .filter(|v| v["type"] == "finding")
        .collect()
}

fn sorted(mut values: Vec<Value>) -> Vec<Value> {
    values.sort_by_key(Value::to_string);
    values
}

#[test]
fn shards_together_report_what_one_full_run_reports() {
    let folder = "tests/fixtures/articles";
    let full = findings_of(&["check", "--format", "jsonl", folder]);
    for count in [1, 2, 3, 5] {
        let mut union = Vec::new();
        let mut owners: Vec<BTreeSet<String>> = Vec::new();
        for index in 1..=count {
            let shard = format!("{index}/{count}");
            let findings = findings_of(&["check", "--format", "jsonl", "--shard", &shard, folder]);
            owners.push(findings.iter().map(|f| f["path"].to_string()).collect());
            union.extend(findings);
        }
        assert_eq!(sorted(union), sorted(full.clone()), "{count} shards");
        let paths: usize = owners.iter().map(BTreeSet::len).sum();
        let distinct: BTreeSet<&String> = owners.iter().flatten().collect();
        assert_eq!(paths, distinct.len(), "each file in one shard of {count}");
    }
}

/// The files with findings in shard `shard` of `folder`.
fn shard_paths(folder: &Path, shard: &str) -> BTreeSet<String> {
    let folder = folder.to_str().expect("UTF-8 path");
    findings_of(&["check", "--format", "jsonl", "--shard", shard, folder])
        .iter()
        .filter_map(|f| f["path"].as_str().map(str::to_owned))
        .collect()
}

#[test]
fn adding_a_file_leaves_the_others_in_their_shards() {
    let dir = tempfile::tempdir().expect("tempdir");
    let footer = std::fs::read_to_string(common::articles_dir().join("harbour-footer.txt")).expect("fixture");
    for i in 0..40 {
        std::fs::write(dir.path().join(format!("story-{i:02}.txt")), &footer).expect("write");
    }
    let before: Vec<BTreeSet<String>> = (1..=4)
        .map(|i| shard_paths(dir.path(), &format!("{i}/4")))
        .collect();
    assert!(before.iter().all(|s| !s.is_empty()), "{before:?}");
    std::fs::write(dir.path().join("a-new-story.txt"), &footer).expect("write");
    let after: Vec<BTreeSet<String>> = (1..=4)
        .map(|i| shard_paths(dir.path(), &format!("{i}/4")))
        .collect();
    for (old, new) in before.iter().zip(&after) {
        let kept: BTreeSet<String> = new
            .iter()
            .filter(|p| !p.ends_with("a-new-story.txt"))
            .cloned()
            .collect();
        assert_eq!(&kept, old);
    }
}

#[test]
fn bad_shards_and_sharded_standard_input_are_usage_errors() {
    for shard in ["0/3", "4/3", "1/0", "two/3"] {
        let out = copydesk()
            .args(["check", "--shard", shard, "tests/fixtures/articles"])
            .output()
            .expect("the binary runs");
        assert_eq!(out.status.code(), Some(2), "{shard}");
        assert!(stderr(&out).contains("--shard"), "{shard}: {}", stderr(&out));
    }
    let out = run_with_input(&["check", "--shard", "1/2", "-"], "Text.\n".into());
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("standard input cannot be sharded"));
}

/// A folder of `n` articles, each with findings.
fn many_articles(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let footer = std::fs::read_to_string(common::articles_dir().join("harbour-footer.txt")).expect("fixture");
    for i in 0..n {
        std::fs::write(dir.path().join(format!("story-{i:03}.txt")), &footer).expect("write");
    }
    dir
}

#[test]
fn no_progress_output_goes_to_pipes() {
    let dir = many_articles(60);
    let folder = dir.path().to_str().expect("UTF-8 path");
    let out = copydesk()
        .args(["check", "--format", "line", folder])
        .output()
        .expect("the binary runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "");
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 180);
}

/// Standard error of `copydesk ARGS > stdout_file` run on a pseudo-terminal (through
/// util-linux `script`), or `None` where `script` is missing.
fn on_terminal(args: &str, ci: bool, stdout_file: &Path) -> Option<String> {
    let binary = env!("CARGO_BIN_EXE_copydesk");
    let shell = format!("'{binary}' {args} > '{}'", stdout_file.display());
    let mut command = Command::new("script");
    command.args(["-qec", &shell, "/dev/null"]).env_remove("CI");
    if ci {
        command.env("CI", "true");
    }
    match command.output() {
        Ok(out) => Some(String::from_utf8_lossy(&out.stdout).into_owned()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => panic!("script: {e}"),
    }
}

#[test]
fn the_progress_bar_shows_on_terminals_only_and_never_in_the_report() {
    let dir = many_articles(60);
    let report = dir.path().join("report.txt");
    let folder = dir.path().display().to_string();
    let Some(terminal) = on_terminal(&format!("check --format line '{folder}'"), false, &report) else {
        eprintln!("skipped: util-linux `script` is not installed");
        return;
    };
    assert!(terminal.contains("files checked"), "{terminal:?}");
    let lines = std::fs::read_to_string(&report).expect("report");
    assert_eq!(lines.lines().count(), 180);
    assert!(!lines.contains("files checked") && !lines.contains('\r'));

    for (args, ci) in [
        (format!("check --no-progress --format line '{folder}'"), false),
        (format!("check --format line '{folder}'"), true),
        (
            format!(
                "check --input jsonl < '{}'",
                write_records(dir.path(), 60).display()
            ),
            false,
        ),
    ] {
        let terminal = on_terminal(&args, ci, &report).expect("script ran before");
        assert!(
            !terminal.contains("files checked"),
            "{args} (CI {ci}): {terminal:?}"
        );
        assert!(std::fs::read_to_string(&report).expect("report").lines().count() >= 60);
    }
}

fn write_records(dir: &Path, n: usize) -> PathBuf {
    let path = dir.join("records.jsonl");
    let records: Vec<Value> = (0..n)
        .map(|i| json!({"id": i, "text": "Comments are closed.\n"}))
        .collect();
    std::fs::write(&path, lines(&records)).expect("write records");
    path
}

#[test]
fn a_record_under_a_broken_configuration_is_an_error_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("copydesk.yaml"), "no_such_key: 1\n").expect("write");
    let inside = dir.path().join("story.txt");
    let records = [
        json!({"id": "inside", "path": inside, "text": "Comments are closed.\n"}),
        json!({"id": "outside", "text": "Comments are closed.\n"}),
        json!({"id": "inside-again", "path": inside, "text": "Comments are closed.\n"}),
    ];
    let out = batch(&records);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no_such_key"), "{}", stderr(&out));
    let values = parsed(&out);
    let lines: Vec<(&str, &Value)> = values
        .iter()
        .filter(|v| v["type"] != "summary")
        .map(|v| (v["type"].as_str().unwrap_or_default(), &v["id"]))
        .collect();
    assert_eq!(
        lines,
        [
            ("error", &json!("inside")),
            ("finding", &json!("outside")),
            ("error", &json!("inside-again")),
        ]
    );
    assert!(values[0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("could not be loaded")));
}

#[test]
fn a_baseline_accepts_the_findings_of_records_by_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let story = dir.path().join("story.txt");
    std::fs::write(&story, "The vote passed.\nComments are closed.\n").expect("write");
    let baseline = dir.path().join("baseline.json");
    let status = copydesk()
        .args(["baseline", "--output"])
        .args([&baseline, &story])
        .output()
        .expect("baseline runs");
    assert_eq!(status.status.code(), Some(0), "{}", stderr(&status));
    let records = [
        json!({"id": 1, "path": story, "text": "The vote passed.\nComments are closed.\n"}),
        json!({"id": 2, "path": story, "text": "The vote passed.\nComments are closed.\nShare this article\n"}),
    ];
    let baseline = baseline.to_str().expect("UTF-8 path");
    let out = run_with_input(
        &["check", "--input", "jsonl", "--baseline", baseline],
        lines(&records),
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let values = parsed(&out);
    let found: Vec<(&Value, &Value)> = of_type(&values, "finding")
        .iter()
        .map(|f| (&f["id"], &f["rule"]))
        .collect();
    assert_eq!(found, [(&json!(2), &json!("copydesk/share-buttons"))]);
}
