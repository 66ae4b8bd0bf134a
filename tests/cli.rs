//! The `copydesk` binary end to end: exit statuses, formats, standard input, bad input.

mod common;

use std::path::Path;
use std::process::{Command, Output};

use common::{stderr, stdout};

fn copydesk(args: &[&str]) -> Output {
    common::copydesk_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

const FOOTER: &str = "tests/fixtures/articles/harbour-footer.txt";
const CLEAN: &str = "tests/fixtures/articles/clean-report.txt";

#[test]
fn footers_are_reported_line_by_line_with_exit_1() {
    let out = copydesk(&["check", "--format", "line", FOOTER]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let lines: Vec<String> = stdout(&out)
        .lines()
        .map(|l| l.split(": ").next().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        lines,
        [
            format!("{FOOTER}:5:1"),
            format!("{FOOTER}:6:1"),
            format!("{FOOTER}:9:1")
        ]
    );
}

#[test]
fn clean_article_exits_0() {
    let out = copydesk(&["check", CLEAN]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("no findings in 1 file"));
}

#[test]
fn json_carries_every_documented_field() {
    let out = copydesk(&["check", "--format", "json", FOOTER]);
    assert_eq!(out.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("valid JSON");
    assert_eq!(json["version"], 1);
    let findings = json["findings"].as_array().expect("findings array");
    assert_eq!(findings.len(), 3);
    let first = &findings[0];
    for field in [
        "path",
        "rule",
        "category",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "byte_start",
        "byte_end",
        "match",
        "related",
        "fix",
    ] {
        assert!(first.get(field).is_some(), "missing {field}");
    }
    assert_eq!(first["rule"], "copydesk/discover-more-from");
    assert_eq!(first["category"], "boilerplate");
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(5), Some(1))
    );
    assert_eq!(first["match"], "Discover more from The Elsmere Courier");
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(FOOTER)).expect("fixture");
    let (a, b) = (
        first["byte_start"].as_u64().unwrap_or(0) as usize,
        first["byte_end"].as_u64().unwrap_or(0) as usize,
    );
    assert_eq!(&text[a..b], first["match"].as_str().unwrap_or_default());
    assert_eq!(first["fix"]["edits"][0]["replacement"], "");
    assert_eq!(json["summary"]["warning"], 3);
}

#[test]
fn standard_input_with_a_name() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args([
            "check",
            "--stdin",
            "--stdin-filename",
            "draft.md",
            "--format",
            "line",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin
            .write_all(b"A story.\n\n```\nComments are closed.\n```\n\n**Comments are closed.**\n")
            .expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out).trim(),
        "draft.md:7:3: warning: Comment-section furniture, not article text: “Comments are closed.” [copydesk/comments-closed]"
    );
}

#[test]
fn a_broken_rule_file_stops_before_checking_with_exit_2() {
    let out = copydesk(&[
        "check",
        "--rules",
        "tests/fixtures/bad-rules/invalid-regex",
        FOOTER,
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).starts_with("tests/fixtures/bad-rules/invalid-regex/rules.yaml:17:12: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unreadable_file_does_not_stop_the_others() {
    let out = copydesk(&["check", "--format", "line", "missing/article.txt", FOOTER]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stdout(&out).lines().count(), 3);
    assert!(
        stderr(&out).contains("missing/article.txt: cannot read"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn invalid_utf8_names_path_and_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("latin1.txt");
    std::fs::write(&path, b"Caf\xe9 society\n").expect("write");
    let out = copydesk(&["check", path.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("latin1.txt: invalid UTF-8 at byte 3"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn folders_are_walked_for_articles() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.txt"), "Comments are closed.\n").expect("write");
    std::fs::write(dir.path().join("b.md"), "# T\n\nComments are closed.\n").expect("write");
    std::fs::write(dir.path().join("c.json"), "Comments are closed.\n").expect("write");
    let out = copydesk(&["check", "--format", "line", dir.path().to_str().expect("path")]);
    let out = stdout(&out);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("a.txt:1:1") && out.contains("b.md:3:1"));
}

#[test]
fn min_severity_and_fail_on() {
    let args = [
        "check",
        "--no-default-rules",
        "--rules",
        "tests/fixtures/packs/house",
        "--format",
        "line",
    ];
    let slips = "tests/fixtures/articles/style-slips.md";
    let all = copydesk(&[&args[..], &[slips]].concat());
    let warnings = copydesk(&[&args[..], &["--min-severity", "warning", slips]].concat());
    assert!(stdout(&all).lines().count() > stdout(&warnings).lines().count());
    assert!(!stdout(&warnings).contains("info:"));
    let lenient = copydesk(&[&args[..], &["--fail-on", "error", slips]].concat());
    assert_eq!(lenient.status.code(), Some(0));
    assert_eq!(all.status.code(), Some(1));
}

#[test]
fn human_format_underlines_the_match() {
    let out = copydesk(&["check", "--color", "never", FOOTER]);
    let text = stdout(&out);
    assert!(text.contains("warning[copydesk/comments-closed]"), "{text}");
    assert!(text.contains(&format!("--> {FOOTER}:9:1")), "{text}");
    assert!(text.contains("9 | Comments are closed."), "{text}");
    assert!(text.contains("3 warnings in 1 file"), "{text}");
}

#[test]
fn test_rules_passes_on_the_default_pack_and_reports_failures() {
    let out = copydesk(&["test-rules"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).trim_end().ends_with(" passed, 0 failed"));
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("r.yaml"),
        "- id: gonna\n  category: style\n  severity: info\n  message: \"{match}\"\n  check:\n    pattern:\n      terms: [gonna]\n  tests:\n    flag:\n      - \"We are going to win\"\n    pass:\n      - \"fine\"\n",
    )
    .expect("write");
    let out = copydesk(&[
        "test-rules",
        "--no-default-rules",
        "--rules",
        dir.path().to_str().expect("path"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stdout(&out).contains("r.yaml:10: [") && stdout(&out).contains("should be flagged"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn rules_lists_ids_categories_and_severities() {
    let out = copydesk(&["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let line = stdout(&out)
        .lines()
        .find(|l| l.starts_with("copydesk/comments-closed"))
        .map(str::to_owned);
    let line = line.expect("comments-closed is listed");
    assert!(line.contains("boilerplate") && line.contains("warning"), "{line}");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(copydesk(&["check"]).status.code(), Some(2));
    assert_eq!(
        copydesk(&["check", "--date", "2025-13-01", FOOTER]).status.code(),
        Some(2)
    );
    assert_eq!(copydesk(&["frobnicate"]).status.code(), Some(2));
}

const PAGE: &str = "tests/fixtures/articles/bridge-closure.html";

#[test]
fn an_html_page_is_read_as_html() {
    let out = copydesk(&["check", "--format", "line", PAGE]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let out = stdout(&out);
    assert!(
        out.contains(&format!(
            "{PAGE}:62:6: warning: Comment-section furniture, not article text: “Comments are closed.” [copydesk/comments-closed]"
        )),
        "{out}"
    );
    // The same words inside <pre> (line 48) are code, not prose.
    assert!(!out.contains(&format!("{PAGE}:48:")), "{out}");
}

#[test]
fn input_format_html_on_standard_input() {
    let page = "<pre>Comments are closed.</pre>\r\n<footer><p>Comments\r\n  are closed.</p></footer>\r\n";
    let run = |extra: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(["check", "-", "--format", "line"])
            .args(extra)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("spawn");
        {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("stdin");
            stdin.write_all(page.as_bytes()).expect("write");
        }
        child.wait_with_output().expect("wait")
    };
    let html = run(&["--input-format", "html"]);
    assert_eq!(html.status.code(), Some(1), "{}", stderr(&html));
    assert_eq!(
        stdout(&html).trim(),
        "<stdin>:2:12: warning: Comment-section furniture, not article text: “Comments are closed.” [copydesk/comments-closed]"
    );
    let text = run(&[]);
    assert_eq!(
        text.status.code(),
        Some(0),
        "as plain text the tags are part of each line"
    );
}

#[test]
fn folders_are_walked_for_html_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("a.html"), "<p>Comments are closed.</p>\n").expect("write");
    std::fs::write(dir.path().join("b.htm"), "<div>Comments are closed.</div>\n").expect("write");
    std::fs::write(dir.path().join("c.xml"), "<p>Comments are closed.</p>\n").expect("write");
    let out = copydesk(&["check", "--format", "line", dir.path().to_str().expect("path")]);
    let out = stdout(&out);
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("a.html:1:4") && out.contains("b.htm:1:6"), "{out}");
}
