//! Hostile input: whatever a CMS, a scraper or an editor's rule file throws at copydesk,
//! it answers with a clear message, keeps checking the other files, and never crashes
//! or hangs. Each test pins the exact behaviour.

mod common;

use std::path::Path;
use std::process::Output;

use common::{copydesk_in, stderr, stdout};

fn status(o: &Output) -> i32 {
    o.status.code().expect("exited")
}

/// A folder with one article that has a finding, plus `extra` files (name, bytes).
fn folder_with(extra: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::write(
        dir.path().join("ok.txt"),
        "The vote passed.\nComments are closed.\n",
    )
    .expect("write");
    for (name, bytes) in extra {
        std::fs::write(dir.path().join(name), bytes).expect("write");
    }
    dir
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(o)).expect("the JSON report parses")
}

#[test]
fn a_fifty_megabyte_single_line_is_skipped_by_default_and_checked_when_allowed() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let sentence = "The council approved the budget on Friday, said Mayor Ana Ruiz. ";
    let mut line = sentence.repeat(50 * 1024 * 1024 / sentence.len() + 1);
    line.truncate(50 * 1024 * 1024);
    line.push_str(" Reports suggest the mayor may resign.");
    std::fs::write(dir.path().join("long.txt"), &line).expect("write");

    let skipped = copydesk_in(
        dir.path(),
        &["check", "--no-config", "--format", "json", "long.txt"],
    );
    assert_eq!(status(&skipped), 0, "{}", stderr(&skipped));
    let note = format!(
        "copydesk: note: long.txt: skipped: {} bytes, more than the limit of 10485760 (--max-file-size)",
        line.len()
    );
    assert_eq!(stderr(&skipped).trim(), note);
    let report = json(&skipped);
    assert_eq!(report["skipped"][0]["path"], "long.txt");
    assert_eq!(report["summary"]["files"], 0);

    let checked = copydesk_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--max-file-size",
            "64",
            "--format",
            "line",
            "long.txt",
        ],
    );
    assert_eq!(status(&checked), 1, "{}", stderr(&checked));
    let column = line.find("Reports suggest").expect("the cue is there") + 1;
    assert_eq!(
        stdout(&checked).trim(),
        format!("long.txt:1:{column}: warning: “Reports suggest”: who says so? Name the source or describe it [copydesk/vague-source]")
    );
}

#[test]
fn a_binary_file_is_skipped_with_a_note_and_the_others_are_checked() {
    let dir = folder_with(&[("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")]);
    let out = copydesk_in(dir.path(), &["check", "--no-config", "--format", "json", "."]);
    assert_eq!(status(&out), 1, "the finding in ok.txt decides: {}", stderr(&out));
    assert_eq!(
        stderr(&out).trim(),
        "copydesk: note: ./photo.txt: skipped: a binary file (NUL byte at byte 8), not checked as text"
    );
    let report = json(&out);
    assert_eq!(report["skipped"][0]["path"], "./photo.txt");
    assert_eq!(report["errors"].as_array().map(Vec::len), Some(0));
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["findings"][0]["path"], "./ok.txt");
}

#[test]
fn a_stray_nul_in_good_utf8_is_read_as_text() {
    let dir = folder_with(&[("scraped.txt", b"Comments are closed.\n<img border=\x00>\n")]);
    let out = copydesk_in(
        dir.path(),
        &["check", "--no-config", "--format", "line", "scraped.txt"],
    );
    assert_eq!(status(&out), 1, "{}", stderr(&out));
    assert_eq!(stderr(&out), "");
    assert!(
        stdout(&out).starts_with("scraped.txt:1:1: warning:"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn invalid_utf8_is_an_error_naming_the_byte_and_the_others_are_checked() {
    let dir = folder_with(&[("latin1.txt", b"Caf\xe9 au lait.\n")]);
    let out = copydesk_in(dir.path(), &["check", "--no-config", "--format", "line", "."]);
    assert_eq!(status(&out), 2);
    assert_eq!(
        stderr(&out).trim(),
        "copydesk: error: ./latin1.txt: invalid UTF-8 at byte 3"
    );
    assert!(
        stdout(&out).starts_with("./ok.txt:2:1: warning:"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn an_empty_file_is_checked_and_clean() {
    let dir = folder_with(&[("empty.md", b"")]);
    let out = copydesk_in(
        dir.path(),
        &["check", "--no-config", "--format", "json", "empty.md"],
    );
    assert_eq!(status(&out), 0, "{}", stderr(&out));
    let report = json(&out);
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(report["summary"]["findings"], 0);
    assert_eq!(stderr(&out), "");
}

#[test]
fn a_file_gone_before_it_is_read_is_an_error_naming_it_and_the_others_are_checked() {
    // A link to nothing is what a walk that follows links meets when a file vanishes
    // between the folder listing and the read.
    let dir = folder_with(&[]);
    std::os::unix::fs::symlink(dir.path().join("deleted.txt"), dir.path().join("gone.txt")).expect("symlink");
    let out = copydesk_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--follow",
            "--format",
            "line",
            ".",
            "missing.md",
        ],
    );
    assert_eq!(status(&out), 2);
    assert_eq!(
        stderr(&out).trim(),
        "copydesk: error: missing.md: cannot read: No such file or directory (os error 2)\n\
         copydesk: error: ./gone.txt: cannot read: No such file or directory (os error 2)"
    );
    assert!(
        stdout(&out).starts_with("./ok.txt:2:1: warning:"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_file_that_cannot_be_opened_is_an_error_naming_it_and_the_others_are_checked() {
    // The tests run as root, whom permissions do not stop; a socket is a file no one
    // can open for reading.
    let dir = folder_with(&[]);
    let _socket = std::os::unix::net::UnixListener::bind(dir.path().join("socket.txt")).expect("socket");
    let out = copydesk_in(
        dir.path(),
        &["check", "--no-config", "--format", "line", "socket.txt", "ok.txt"],
    );
    assert_eq!(status(&out), 2);
    assert_eq!(
        stderr(&out).trim(),
        "copydesk: error: socket.txt: cannot read: No such device or address (os error 6)"
    );
    assert!(
        stdout(&out).starts_with("ok.txt:2:1: warning:"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_directory_symlink_loop_is_not_entered_and_with_follow_is_reported_once() {
    let dir = folder_with(&[]);
    std::fs::create_dir(dir.path().join("sub")).expect("folder");
    std::fs::write(dir.path().join("sub/inner.txt"), "Comments are closed.\n").expect("write");
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).expect("symlink");
    let reported = |out: &Output| -> Vec<String> {
        stdout(out)
            .lines()
            .map(|l| l.split(':').next().unwrap_or_default().to_owned())
            .collect()
    };

    let plain = copydesk_in(dir.path(), &["check", "--no-config", "--format", "line", "."]);
    assert_eq!(status(&plain), 1, "{}", stderr(&plain));
    assert_eq!(
        stderr(&plain),
        "",
        "links are not followed, so there is no loop to report"
    );
    assert_eq!(reported(&plain), ["./ok.txt", "./sub/inner.txt"]);

    let followed = copydesk_in(
        dir.path(),
        &["check", "--no-config", "--follow", "--format", "line", "."],
    );
    assert_eq!(status(&followed), 1, "{}", stderr(&followed));
    assert_eq!(
        stderr(&followed).trim(),
        "copydesk: note: ./sub/up: skipped: a symbolic link loop (it leads back to .), not followed"
    );
    assert_eq!(reported(&followed), ["./ok.txt", "./sub/inner.txt"]);
}

fn rules_error(dir: &Path, yaml: &str) -> Output {
    std::fs::create_dir_all(dir.join("pack")).expect("folder");
    std::fs::write(dir.join("pack/rules.yaml"), yaml).expect("write");
    std::fs::write(dir.join("a.txt"), "Comments are closed.\n").expect("write");
    copydesk_in(dir, &["check", "--no-config", "--rules", "pack", "a.txt"])
}

#[test]
fn a_rule_file_with_an_alias_bomb_is_refused_at_once_with_its_place() {
    let mut yaml = String::from(
        "- &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n",
    );
    for (name, previous) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        let refs = vec![format!("*{previous}"); 9].join(", ");
        yaml.push_str(&format!("- &{name} [{refs}]\n"));
    }
    let dir = tempfile::tempdir().expect("temporary folder");
    let started = std::time::Instant::now();
    let out = rules_error(dir.path(), &yaml);
    assert!(
        started.elapsed().as_secs() < 30,
        "an alias bomb must not be expanded"
    );
    assert_eq!(status(&out), 2);
    assert_eq!(
        stderr(&out).lines().next(),
        Some("pack/rules.yaml:1:3: rule 1: invalid type: sequence, expected struct RawRule")
    );
}

#[test]
fn a_deeply_nested_rule_file_is_refused_with_its_place() {
    let depth = 10_000;
    let yaml = format!("- id: deep\n  note: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    let dir = tempfile::tempdir().expect("temporary folder");
    let out = rules_error(dir.path(), &yaml);
    assert_eq!(status(&out), 2);
    // Rule fields are typed, so reading stops at the first bracket that does not belong.
    assert_eq!(
        stderr(&out).lines().next(),
        Some("pack/rules.yaml:2:9: rule 1, note: invalid type: sequence, expected a string")
    );
}

#[test]
fn thousands_of_rules_load_and_each_one_runs() {
    let rules: String = (0..5000)
        .map(|i| {
            format!(
                "- id: term-{i}\n  category: style\n  severity: info\n  message: \"found {{match}}\"\n  check:\n    pattern:\n      terms: [zqxword{i}]\n"
            )
        })
        .collect();
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir(dir.path().join("many")).expect("folder");
    std::fs::write(dir.path().join("many/rules.yaml"), rules).expect("write");
    std::fs::write(dir.path().join("a.txt"), "First zqxword0, last zqxword4999.\n").expect("write");
    let out = copydesk_in(
        dir.path(),
        &[
            "check",
            "--no-config",
            "--no-default-rules",
            "--rules",
            "many",
            "--format",
            "line",
            "a.txt",
        ],
    );
    assert_eq!(
        status(&out),
        0,
        "info findings do not fail the run: {}",
        stderr(&out)
    );
    assert_eq!(
        stdout(&out),
        "a.txt:1:7: info: found zqxword0 [many/term-0]\na.txt:1:22: info: found zqxword4999 [many/term-4999]\n"
    );
}
