//! The names checks of the default pack on the fixtures: each fires on slips, none on clean copy.

mod common;

use copydesk::{Category, Document, RuleSet};

fn names_findings(file: &str) -> Vec<(String, String)> {
    common::findings_in(file, Category::Names)
}

#[test]
fn every_names_check_fires_on_the_slips_fixture() {
    let found = names_findings("names-slips.md");
    let has = |rule: &str, text: &str| found.iter().any(|(r, t)| r == rule && t == text);
    assert!(has("copydesk/misspelled-name", "Kiev"), "{found:#?}");
    assert!(has("copydesk/mixed-name-forms", "Zelenskyy"), "{found:#?}");
    assert!(has("copydesk/mixed-name-forms", "Halvosren"), "{found:#?}");
    assert!(has("copydesk/mixed-name-forms", "Zurich"), "{found:#?}");
    assert!(has("copydesk/name-near-miss", "Macorn"), "{found:#?}");
    assert!(
        has("copydesk/conflicting-titles", "Prime Minister Mark Rutte"),
        "{found:#?}"
    );
    assert!(
        has("copydesk/outdated-title", "Chancellor Olaf Scholz"),
        "{found:#?}"
    );
    assert!(has("copydesk/surname-first-reference", "Sunak"), "{found:#?}");
    assert_eq!(found.len(), 9, "{found:#?}");
}

#[test]
fn correct_copy_raises_nothing() {
    assert_eq!(names_findings("names-clean.md"), []);
}

#[test]
fn related_points_at_the_other_spelling() {
    let rules = RuleSet::builtin().expect("default pack");
    let doc = Document::from_text("a.txt", "Volodymyr Zelensky spoke. Later Zelenskyy left.\n").expect("doc");
    let findings = rules.check(&doc);
    let mixed = findings
        .iter()
        .find(|f| f.rule_id() == "copydesk/mixed-name-forms")
        .expect("mixed");
    assert_eq!(doc.slice(mixed.span), "Zelenskyy");
    assert_eq!(doc.slice(mixed.related[0].span), "Volodymyr Zelensky");
    let fix = mixed.fix.as_ref().expect("fix");
    assert_eq!(fix.edits[0].replacement, "Zelensky");
}

#[test]
fn without_a_date_titles_are_only_compared_within_the_article() {
    let rules = RuleSet::builtin().expect("default pack");
    let doc = Document::from_text("a.txt", "Chancellor Olaf Scholz opened the fair.\n").expect("doc");
    assert!(rules.check(&doc).is_empty());
    let mut dated = Document::from_text("a.txt", "Chancellor Olaf Scholz opened the fair.\n").expect("doc");
    dated.date = Some("2026-01-05".into());
    let findings = rules.check(&dated);
    assert_eq!(findings.len(), 1);
    assert!(findings[0]
        .message
        .contains("Chancellor of Germany (2021-12-08 to 2025-05-06)"));
}

#[test]
fn wrong_forms_inside_fixed_phrases_are_exempt() {
    let rules = RuleSet::builtin().expect("default pack");
    let doc = Document::from_text(
        "a.txt",
        "Chicken Kiev was served before Dynamo Kiev played in Kiev.\n",
    )
    .expect("doc");
    let findings = rules.check(&doc);
    assert_eq!(findings.len(), 1);
    assert_eq!(doc.slice(findings[0].span), "Kiev");
    assert_eq!(
        findings[0].span.start,
        "Chicken Kiev was served before Dynamo Kiev played in ".len()
    );
}
