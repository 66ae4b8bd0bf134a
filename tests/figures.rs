//! The figures checks of the default pack: each fires on the slips fixture, none on
//! the clean one, and the seed-style conflict is reported with both positions.

mod common;

use copydesk::{Category, Document, RuleSet};

fn figures_findings(file: &str) -> Vec<(String, String)> {
    common::findings_in(file, Category::Figures)
}

#[test]
fn every_figures_check_fires_on_the_slips_fixture() {
    let found = figures_findings("figures-slips.md");
    let has = |rule: &str, text: &str| found.iter().any(|(r, t)| r == rule && t == text);
    assert!(has("copydesk/conflicting-figure", "€300 million"), "{found:#?}");
    assert!(has("copydesk/conflicting-figure", "150"), "{found:#?}");
    assert!(has("copydesk/conflicting-age", "54"), "{found:#?}");
    assert!(has("copydesk/count-against-list", "Three"), "{found:#?}");
    assert!(
        has(
            "copydesk/breakdown-over-100",
            "58% supported the plan, 37% opposed it and 12%"
        ),
        "{found:#?}"
    );
    assert!(
        has("copydesk/wrong-weekday", "Thursday, March 12, 2025"),
        "{found:#?}"
    );
    assert_eq!(found.len(), 6, "{found:#?}");
}

#[test]
fn changes_comparisons_and_several_amounts_stay_quiet() {
    assert_eq!(figures_findings("figures-clean.md"), []);
}

#[test]
fn a_conflict_points_at_both_figures() {
    let rules = RuleSet::builtin().expect("default pack");
    let text =
        "Ukraine may buy around $100 billion worth of weapons. Later a $90 billion figure was cited.\n";
    let doc = Document::from_text("a.txt", text).expect("doc");
    let findings: Vec<_> = rules
        .check(&doc)
        .into_iter()
        .filter(|f| f.category() == Category::Figures)
        .collect();
    assert_eq!(findings.len(), 1);
    assert_eq!(doc.slice(findings[0].span), "$90 billion");
    assert_eq!(doc.slice(findings[0].related[0].span), "around $100 billion");
}

#[test]
fn the_weekday_year_comes_from_the_article_date() {
    let rules = RuleSet::builtin().expect("default pack");
    let mut doc = Document::from_text("a.txt", "The vote is on Monday, March 4.\n").expect("doc");
    assert!(rules.check(&doc).is_empty(), "no year, no check");
    doc.date = Some("2025-02-01".into());
    let findings = rules.check(&doc);
    assert_eq!(findings.len(), 1);
    assert!(
        findings[0].message.contains("March 4, 2025 was a Tuesday"),
        "{}",
        findings[0].message
    );
}
