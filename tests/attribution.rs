//! The attribution checks of the default pack: each fires on the slips fixture, and the
//! ordinary ways of attributing stay quiet.

mod common;

use copydesk::Category;

fn attribution_findings(file: &str) -> Vec<(String, String)> {
    common::findings_in(file, Category::Attribution)
}

#[test]
fn every_attribution_check_fires_on_the_slips_fixture() {
    let found = attribution_findings("attribution-slips.md");
    let has = |rule: &str, text: &str| found.iter().any(|(r, t)| r == rule && t == text);
    assert!(has("copydesk/vague-source", "Reports suggest"), "{found:#?}");
    assert!(has("copydesk/vague-source", "It is understood"), "{found:#?}");
    assert!(has("copydesk/vague-source", "Critics say"), "{found:#?}");
    assert!(
        has(
            "copydesk/quote-without-speaker",
            "“We cannot keep running empty boats through the winter months.”"
        ),
        "{found:#?}"
    );
    assert!(
        has(
            "copydesk/quote-without-speaker",
            "“a fair balance between cost and service for the islands”"
        ),
        "{found:#?}"
    );
    assert!(has("copydesk/unsourced-statistic", "12.5%"), "{found:#?}");
    assert_eq!(found.len(), 6, "{found:#?}");
}

#[test]
fn ordinary_attribution_stays_quiet() {
    assert_eq!(attribution_findings("attribution-clean.md"), []);
}
