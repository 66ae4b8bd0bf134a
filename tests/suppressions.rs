//! Inline suppressions end to end: regions, lines, and the report of stale ones.

use std::path::Path;
use std::process::{Command, Output};

fn check(dir: &Path, file: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "line", "--no-config", file])
        .current_dir(dir)
        .output()
        .expect("the binary runs")
}

/// `line [rule]` of each finding.
fn found(o: &Output) -> Vec<String> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| {
            let line = l.split(':').nth(1).unwrap_or_default();
            let rule = l.rsplit('[').next().unwrap_or_default().trim_end_matches(']');
            format!("{line} [{rule}]")
        })
        .collect()
}

const MARKDOWN: &str = "\
Reports suggest the plan will fail.

<!-- copydesk-disable attribution -->
Reports suggest the plan will fail.

It is understood the plan will fail.
<!-- copydesk-enable -->

Reports suggest the plan will fail. <!-- copydesk-disable-line vague-source -->

<!-- copydesk-disable-next-line copydesk/vague-source -->
Reports suggest the plan will fail.

<!-- copydesk-disable-next-line names -->
Reports suggest the plan will fail.
";

#[test]
fn markdown_regions_and_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("story.md"), MARKDOWN).expect("write");
    let out = check(dir.path(), "story.md");
    assert_eq!(
        found(&out),
        [
            "1 [copydesk/vague-source]",
            "14 [copydesk/unused-suppression]",
            "15 [copydesk/vague-source]"
        ]
    );
    // Suppressions never change the file.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("story.md")).unwrap(),
        MARKDOWN
    );
}

#[test]
fn plain_text_has_no_comments_to_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("story.txt"), MARKDOWN).expect("write");
    let out = check(dir.path(), "story.txt");
    assert_eq!(
        found(&out).iter().filter(|f| f.contains("vague-source")).count(),
        6
    );
}

#[test]
fn html_comments_suppress_too() {
    let page = "<html><body>\n<article>\n<p>Reports suggest the plan will fail.</p>\n\
                <!-- copydesk-disable-next-line vague-source -->\n\
                <p>Reports suggest the plan will <em>fail</em>.</p>\n\
                <!-- copydesk-disable boilerplate -->\n<footer><p>Comments are closed.</p></footer>\n\
                <!-- copydesk-enable -->\n<p>Share on Facebook</p>\n</article>\n</body></html>\n";
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("page.html"), page).expect("write");
    let out = check(dir.path(), "page.html");
    assert_eq!(
        found(&out),
        ["3 [copydesk/vague-source]", "9 [copydesk/share-buttons]"]
    );
}
