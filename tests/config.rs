//! Project configuration end to end: `copydesk.yaml` discovery, rule selection,
//! severities, house style, extensions, per-path overrides, errors and `copydesk config`.

mod common;

use common::{copydesk_in, stderr, stdout};
use std::fs;
use std::path::Path;
use std::process::Output;

fn write(dir: &Path, path: &str, text: &str) {
    let path = dir.join(path);
    fs::create_dir_all(path.parent().expect("has a folder")).expect("mkdir");
    fs::write(path, text).expect("write");
}

/// `path:line: severity [rule]` for each finding of the `line` format.
fn findings(o: &Output) -> Vec<String> {
    stdout(o)
        .lines()
        .map(|l| {
            let mut parts = l.splitn(4, ':');
            let path = parts.next().unwrap_or_default();
            let line = parts.next().unwrap_or_default();
            let _column = parts.next();
            let rest = parts.next().unwrap_or_default();
            let severity = rest.trim_start().split(':').next().unwrap_or_default();
            let rule = rest.rsplit('[').next().unwrap_or_default().trim_end_matches(']');
            format!("{path}:{line}: {severity} [{rule}]")
        })
        .collect()
}

const ARTICLE: &str =
    "Reports suggest the deal is off.\nThe ferry left Kiev at noon.\nComments are closed.\n";

fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "desk/story.txt", ARTICLE);
    write(dir.path(), "desk/archive/2019/old.txt", ARTICLE);
    dir
}

#[test]
fn without_a_configuration_every_rule_runs() {
    let dir = project();
    let out = copydesk_in(dir.path(), &["check", "--format", "line", "desk/story.txt"]);
    assert_eq!(
        findings(&out),
        [
            "desk/story.txt:1: warning [copydesk/vague-source]",
            "desk/story.txt:2: warning [copydesk/misspelled-name]",
            "desk/story.txt:3: warning [copydesk/comments-closed]",
        ]
    );
}

#[test]
fn configuration_is_found_upwards_and_applied() {
    let dir = project();
    write(
        dir.path(),
        "copydesk.yaml",
        "disable: [comments-closed]\nseverity:\n  copydesk/vague-source: error\n",
    );
    let out = copydesk_in(
        &dir.path().join("desk"),
        &["check", "--format", "line", "story.txt"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        findings(&out),
        [
            "story.txt:1: error [copydesk/vague-source]",
            "story.txt:2: warning [copydesk/misspelled-name]",
        ]
    );
}

#[test]
fn the_nearest_configuration_wins() {
    let dir = project();
    write(dir.path(), "copydesk.yaml", "disable: [names]\n");
    write(
        dir.path(),
        "desk/copydesk.yaml",
        "disable: [attribution, boilerplate]\n",
    );
    let out = copydesk_in(dir.path(), &["check", "--format", "line", "desk/story.txt"]);
    assert_eq!(
        findings(&out),
        ["desk/story.txt:2: warning [copydesk/misspelled-name]"]
    );
}

#[test]
fn overrides_apply_to_matching_paths_only() {
    let dir = project();
    let config = "\
overrides:
  - files: [\"archive/**\"]
    disable: [boilerplate]
    severity: {misspelled-name: info}
    min_severity: info
  - files: [\"*.txt\"]
    enable: [comments-closed]
  - files: [\"story.txt\"]
    disable: [copydesk/vague-*]
";
    write(dir.path(), "desk/copydesk.yaml", config);
    let out = copydesk_in(dir.path(), &["check", "--format", "line", "desk"]);
    assert_eq!(
        findings(&out),
        [
            // `*.txt` matches the file name at any depth and switches boilerplate back on.
            "desk/archive/2019/old.txt:1: warning [copydesk/vague-source]",
            "desk/archive/2019/old.txt:2: info [copydesk/misspelled-name]",
            "desk/archive/2019/old.txt:3: warning [copydesk/comments-closed]",
            "desk/story.txt:2: warning [copydesk/misspelled-name]",
            "desk/story.txt:3: warning [copydesk/comments-closed]",
        ]
    );
}

#[test]
fn fail_on_and_min_severity_come_from_the_configuration_unless_given() {
    let dir = project();
    write(
        dir.path(),
        "copydesk.yaml",
        "fail_on: error\nmin_severity: warning\n",
    );
    let out = copydesk_in(dir.path(), &["check", "--format", "line", "desk/story.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(findings(&out).len(), 3);
    let out = copydesk_in(
        dir.path(),
        &[
            "check",
            "--format",
            "line",
            "--fail-on",
            "warning",
            "desk/story.txt",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn house_style_names_and_extra_extensions() {
    let dir = project();
    write(
        dir.path(),
        "copydesk.yaml",
        "names:\n  prefer: {Volodymyr Zelensky: Zelenskyy}\nextensions: {story: markdown}\n",
    );
    write(
        dir.path(),
        "desk/ukraine.story",
        "# Talks\n\nVolodymyr Zelensky *spoke*.\n",
    );
    write(dir.path(), "desk/notes.draft", "Volodymyr Zelensky spoke.\n");
    let out = copydesk_in(
        dir.path(),
        &["check", "--format", "line", "--no-default-rules", "desk"],
    );
    assert_eq!(
        out.status.code(),
        Some(2),
        "no rules: the preference has no dictionary"
    );
    assert!(
        stderr(&out).contains("copydesk.yaml:2:12: `names.prefer`"),
        "{}",
        stderr(&out)
    );
    let out = copydesk_in(dir.path(), &["check", "--format", "line", "desk"]);
    let found = findings(&out);
    assert!(found.contains(&"desk/ukraine.story:3: warning [copydesk/house-style-name]".to_owned()));
    assert!(!found.iter().any(|f| f.contains("notes.draft")), "{found:?}");
}

#[test]
fn packs_are_relative_to_the_configuration() {
    let dir = project();
    let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/packs/house");
    write(
        dir.path(),
        "desk/copydesk.yaml",
        &format!("packs: [\"{pack}\"]\ndefault_rules: false\n"),
    );
    write(dir.path(), "desk/style.txt", "It rained alot.\n");
    let out = copydesk_in(dir.path(), &["check", "--format", "line", "desk/style.txt"]);
    assert_eq!(
        findings(&out),
        ["desk/style.txt:1: warning [house/informal-alot]"]
    );
}

#[test]
fn explicit_and_ignored_configurations() {
    let dir = project();
    write(dir.path(), "copydesk.yaml", "disable: [\"*\"]\n");
    write(dir.path(), "other.yaml", "disable: [names, boilerplate]\n");
    let out = copydesk_in(dir.path(), &["check", "--format", "line", "desk/story.txt"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(findings(&out).is_empty());
    let out = copydesk_in(
        dir.path(),
        &[
            "check",
            "--format",
            "line",
            "--config",
            "other.yaml",
            "desk/story.txt",
        ],
    );
    assert_eq!(
        findings(&out),
        ["desk/story.txt:1: warning [copydesk/vague-source]"]
    );
    let out = copydesk_in(
        dir.path(),
        &["check", "--format", "line", "--no-config", "desk/story.txt"],
    );
    assert_eq!(findings(&out).len(), 3);
}

#[test]
fn broken_configurations_name_file_line_and_column() {
    let dir = project();
    write(
        dir.path(),
        "copydesk.yaml",
        "disable: [vague-source]\nfail_onn: info\n",
    );
    let out = copydesk_in(dir.path(), &["check", "desk/story.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).contains("copydesk.yaml:2:1: unknown field `fail_onn`"),
        "{}",
        stderr(&out)
    );
    write(
        dir.path(),
        "copydesk.yaml",
        "disable:\n  - vague-sorce\nseverity: {copydesk/nope: info}\noverrides:\n  - files: [\"a[\"]\n",
    );
    let out = copydesk_in(dir.path(), &["check", "desk/story.txt"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("copydesk.yaml:2:5: `vague-sorce` names no loaded rule"),
        "{err}"
    );
    assert!(
        err.contains("copydesk.yaml:3:12: `copydesk/nope` names no loaded rule"),
        "{err}"
    );
    assert!(
        err.contains("copydesk.yaml:5:14: `a[` is not a valid glob"),
        "{err}"
    );
}

#[test]
fn config_command_prints_the_resolved_configuration() {
    let dir = project();
    write(
        dir.path(),
        "copydesk.yaml",
        "disable: [boilerplate]\noverrides:\n  - files: [\"desk/archive/**\"]\n    severity: {vague-source: error}\n",
    );
    let out = copydesk_in(dir.path(), &["config", "desk/archive/2019/old.txt"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let resolved: serde_yaml::Value = serde_yaml::from_str(&stdout(&out)).expect("YAML");
    assert!(resolved["config"].as_str().unwrap().ends_with("copydesk.yaml"));
    assert_eq!(resolved["rules"]["copydesk/vague-source"], "error");
    assert_eq!(resolved["fail_on"], "warning");
    let disabled = resolved["disabled"].as_sequence().unwrap();
    assert!(disabled.iter().any(|d| d == "copydesk/comments-closed"));
    let out = copydesk_in(dir.path(), &["config", "desk/story.txt"]);
    let resolved: serde_yaml::Value = serde_yaml::from_str(&stdout(&out)).expect("YAML");
    assert_eq!(resolved["rules"]["copydesk/vague-source"], "warning");
}
