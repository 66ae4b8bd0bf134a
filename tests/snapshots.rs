//! One reviewed snapshot per fixture article, in the `snapshot` report format.

mod common;

use copydesk::report::{self, OutputFormat, Summary};
use copydesk::CheckOptions;

fn snapshot_of(path: &std::path::Path) -> String {
    let rules = common::rules();
    let file = rules
        .check_file(path, &CheckOptions::default())
        .expect("fixture is readable");
    let mut out = Vec::new();
    let mut reporter = report::reporter(OutputFormat::Snapshot, false, &[&rules]);
    reporter.file(&mut out, &file).expect("write");
    let mut summary = Summary {
        files: 1,
        ..Summary::default()
    };
    for f in &file.findings {
        summary.count(f.severity);
    }
    reporter.finish(&mut out, &summary).expect("write");
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn every_fixture_matches_its_snapshot() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path(concat!(env!("CARGO_MANIFEST_DIR"), "/snapshots"));
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for path in common::articles() {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_owned();
            insta::assert_snapshot!(name, snapshot_of(&path));
        }
    });
}
