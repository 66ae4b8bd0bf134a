//! `copydesk baseline` and `copydesk check --baseline` end to end, in a scratch folder.

mod common;

use common::{copydesk_in as copydesk, stderr, stdout};
use std::path::Path;

/// A short report with two pieces of page furniture and one vague source.
const STORY: &str = "\
The night ferry to Castlemoor ran again on Friday after a week of repairs.

Critics say the timetable is still too thin for commuters.

Share on Facebook

Comments are closed.
";

fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).expect("write article");
}

fn baseline_json(dir: &Path, name: &str) -> serde_json::Value {
    let text = std::fs::read_to_string(dir.join(name)).expect("baseline written");
    serde_json::from_str(&text).expect("baseline is JSON")
}

/// A folder with `story.txt` and a baseline of it in `copydesk-baseline.json`.
fn accepted_story() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "story.txt", STORY);
    let out = copydesk(dir.path(), &["baseline", "story.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    dir
}

#[test]
fn baseline_writes_every_finding_to_the_default_file() {
    let dir = accepted_story();
    let json = baseline_json(dir.path(), "copydesk-baseline.json");
    assert_eq!(json["version"], 1);
    let entries = json["entries"].as_array().expect("entries");
    let rules: Vec<&str> = entries.iter().filter_map(|e| e["rule"].as_str()).collect();
    assert_eq!(
        rules,
        [
            "copydesk/comments-closed",
            "copydesk/share-buttons",
            "copydesk/vague-source"
        ]
    );
    let closed = &entries[0];
    assert_eq!(closed["path"], "story.txt");
    assert_eq!(closed["match"], "Comments are closed.");
    assert_eq!(closed["count"], 1);
    assert_eq!(closed["line"], 7);
    assert_eq!(closed["context"].as_str().map(str::len), Some(16));
}

#[test]
fn output_and_min_severity_choose_file_and_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let with_statistic = format!("{STORY}\nRidership fell by 12.5% over the winter.\n");
    write(dir.path(), "story.txt", &with_statistic);
    let out = copydesk(
        dir.path(),
        &[
            "baseline",
            "--min-severity",
            "warning",
            "--output",
            "accepted.json",
            ".",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!dir.path().join("copydesk-baseline.json").exists());
    let json = baseline_json(dir.path(), "accepted.json");
    let entries = json["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), 3, "the info-level statistic is left out");
    assert!(entries.iter().all(|e| e["path"] == "story.txt"), "{json}");
    let check = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "line",
            "--baseline",
            "accepted.json",
            "story.txt",
        ],
    );
    assert_eq!(stdout(&check).lines().count(), 1, "{}", stdout(&check));
    assert!(stdout(&check).contains("[copydesk/unsourced-statistic]"));
    assert_eq!(check.status.code(), Some(0), "info does not fail the run");
}

#[test]
fn check_with_the_baseline_reports_nothing() {
    let dir = accepted_story();
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--baseline",
            "copydesk-baseline.json",
            "--color",
            "never",
            "story.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out).trim(), "no findings in 1 file");
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let without = copydesk(dir.path(), &["check", "story.txt"]);
    assert_eq!(without.status.code(), Some(1));
}

#[test]
fn edits_elsewhere_keep_the_baseline_and_new_problems_are_reported() {
    let dir = accepted_story();
    let edited = format!(
        "Updated on Saturday with the operator's statement.\n\n{}\nSubscribe now\n",
        STORY.replace(
            "Share on Facebook",
            "Share on Facebook\n\nThe operator apologised."
        )
    );
    write(dir.path(), "story.txt", &edited);
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "line",
            "--baseline",
            "copydesk-baseline.json",
            "story.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out).trim(),
        "story.txt:13:1: warning: Subscription prompt, not article text: “Subscribe now” [copydesk/subscribe-prompt]"
    );
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn a_second_copy_of_an_accepted_problem_is_new() {
    let dir = accepted_story();
    write(
        dir.path(),
        "story.txt",
        &format!("{STORY}\nComments are closed.\n"),
    );
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "line",
            "--baseline",
            "copydesk-baseline.json",
            "story.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 1, "{}", stdout(&out));
    assert!(stdout(&out).starts_with("story.txt:9:1: "), "{}", stdout(&out));
}

#[test]
fn removed_problems_are_listed_as_stale() {
    let dir = accepted_story();
    write(
        dir.path(),
        "story.txt",
        &STORY.replace("Comments are closed.\n", ""),
    );
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "line",
            "--baseline",
            "copydesk-baseline.json",
            "story.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    let notes = stderr(&out);
    assert!(
        notes.contains("stale baseline entry, no longer found: story.txt (line 7 when accepted): “Comments are closed.” [copydesk/comments-closed]"),
        "{notes}"
    );
    assert!(notes.contains("1 stale baseline entry;"), "{notes}");

    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "copydesk-baseline.json",
            "story.txt",
        ],
    );
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    assert_eq!(json["version"], 1);
    assert_eq!(json["findings"].as_array().map(Vec::len), Some(0));
    let stale = json["stale_baseline"].as_array().expect("stale_baseline");
    assert_eq!(stale.len(), 1);
    assert_eq!(stale[0]["path"], "story.txt");
    assert_eq!(stale[0]["rule"], "copydesk/comments-closed");
    assert_eq!(stale[0]["match"], "Comments are closed.");
    assert_eq!(stale[0]["count"], 1);
}

#[test]
fn only_the_checked_files_entries_can_be_stale() {
    let dir = accepted_story();
    write(dir.path(), "other.txt", "Comments are closed.\n");
    let out = copydesk(dir.path(), &["baseline", "."]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    write(dir.path(), "other.txt", "The harbour reopened.\n");
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "copydesk-baseline.json",
            "story.txt",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    assert_eq!(json["stale_baseline"].as_array().map(Vec::len), Some(0), "{json}");
    let out = copydesk(
        dir.path(),
        &[
            "check",
            "--format",
            "json",
            "--baseline",
            "copydesk-baseline.json",
            ".",
        ],
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("JSON report");
    let stale = json["stale_baseline"].as_array().expect("stale_baseline");
    assert_eq!(stale.len(), 1, "{json}");
    assert_eq!(stale[0]["path"], "other.txt");
}

#[test]
fn a_malformed_baseline_exits_2_naming_the_file() {
    let dir = accepted_story();
    write(
        dir.path(),
        "broken.json",
        "{\n  \"version\": 1,\n  \"entries\": [\n",
    );
    let out = copydesk(dir.path(), &["check", "--baseline", "broken.json", "story.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty(), "{}", stdout(&out));
    assert!(
        stderr(&out).starts_with("copydesk: error: broken.json:4:1: malformed baseline: "),
        "{}",
        stderr(&out)
    );
    let missing = copydesk(dir.path(), &["check", "--baseline", "missing.json", "story.txt"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("missing.json: cannot read the baseline"));
}

#[test]
fn unreadable_articles_are_reported_and_the_rest_accepted() {
    let dir = accepted_story();
    std::fs::write(dir.path().join("latin1.txt"), b"Caf\xe9 society\n").expect("write");
    let out = copydesk(dir.path(), &["baseline", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("latin1.txt: invalid UTF-8"),
        "{}",
        stderr(&out)
    );
    let json = baseline_json(dir.path(), "copydesk-baseline.json");
    assert_eq!(json["entries"].as_array().map(Vec::len), Some(3));
}
