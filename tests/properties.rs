//! Properties of checking arbitrary text in every input format: it never panics, every
//! position points into the source on character boundaries and round-trips through line
//! and column, and the findings are the same on every run and with any number of threads.

#[path = "../fuzz/harness.rs"]
mod harness;

use std::sync::LazyLock;

use copydesk::{CheckOptions, Finding, Format, RuleSet};
use proptest::prelude::*;
use rayon::prelude::*;

static RULES: LazyLock<RuleSet> = LazyLock::new(|| RuleSet::builtin().expect("the embedded pack loads"));

/// Arbitrary Unicode mixed with the pieces articles are made of, so the rules have
/// something to find: markup of each format, figures, names, quotations, furniture.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => any::<String>(),
        1 => "[ \\n\\r\\t]{1,3}",
        2 => prop::sample::select(vec![
            "\n\n", "\r\n", ". ", "“", "”", "\"", "’", "# ", "**", "- ", "> ", "`", "<p>", "</p>",
            "<br>", "<script>", "</script>", "&amp;", "&#x1F600;", "<!-- copydesk-disable -->",
            "<!-- copydesk-disable-next-line -->", "$100 billion", "a $90 billion figure", "42%",
            "58%", "12%", "aged 41", "41-year-old", "three", "Zelensky", "Zelenksy", "Zelenskyy",
            "Prime Minister", "Kiev", "Comments are closed.", "Share this:", "Reports suggest ",
            "It is understood ", "said", "\u{feff}", "é", "e\u{301}", "🙂", "日本語", "Monday, 3 May 2024",
            "---\ndate: 2024-05-03\n---\n", "[link](http://x.y)", "http://example.com/a.b",
        ])
        .prop_map(str::to_owned),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn format() -> impl Strategy<Value = Format> {
    prop_oneof![Just(Format::Text), Just(Format::Markdown), Just(Format::Html)]
}

fn findings(text: &str, format: Format) -> Vec<Finding> {
    match RULES.check_bytes("a", text.as_bytes().to_vec(), format, &CheckOptions::default()) {
        Ok(file) => file.findings,
        Err(_) => Vec::new(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn checking_never_panics_and_every_position_points_into_the_source(text in article(), format in format()) {
        let file = RULES
            .check_bytes("a", text.as_bytes().to_vec(), format, &CheckOptions::default())
            .expect("any UTF-8 text parses");
        for finding in &file.findings {
            harness::assert_finding(&file.doc, finding);
        }
    }

    #[test]
    fn line_and_column_round_trip_to_every_offset(text in article(), format in format()) {
        let doc = copydesk::Document::from_bytes("a", text.into_bytes(), format).expect("any UTF-8 text parses");
        for (offset, _) in doc.text.char_indices() {
            harness::round_trip(&doc, offset);
        }
        harness::round_trip(&doc, doc.text.len());
    }

    #[test]
    fn findings_are_the_same_on_every_run(text in article(), format in format()) {
        prop_assert_eq!(findings(&text, format), findings(&text, format));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn findings_are_the_same_with_any_number_of_threads(
        texts in prop::collection::vec((article(), format()), 1..12),
    ) {
        let alone: Vec<Vec<Finding>> = texts.iter().map(|(t, f)| findings(t, *f)).collect();
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("a thread pool");
            // A fresh rule set each time, so lazily compiled patterns race as in a real run.
            let rules = RuleSet::builtin().expect("the embedded pack loads");
            let together: Vec<Vec<Finding>> = pool.install(|| {
                texts
                    .par_iter()
                    .map(|(t, f)| {
                        rules
                            .check_bytes("a", t.as_bytes().to_vec(), *f, &CheckOptions::default())
                            .map(|file| file.findings)
                            .unwrap_or_default()
                    })
                    .collect()
            });
            prop_assert_eq!(&alone, &together, "with {} threads", threads);
        }
    }
}
