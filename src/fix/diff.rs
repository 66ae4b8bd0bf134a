//! A unified diff of a document before and after its fixes.

use similar::TextDiff;

/// Lines of context around each change.
const CONTEXT: usize = 3;

/// The unified diff of `old` and `new` with `--- a/PATH` and `+++ b/PATH` headers and three
/// lines of context; empty when the texts are the same.
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let path = path.trim_start_matches("./").trim_start_matches('/');
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(CONTEXT)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::unified_diff;

    #[test]
    fn headers_hunks_and_context() {
        let old = "1\n2\n3\n4\nShare this:\n6\n7\n8\n9\n";
        let new = "1\n2\n3\n4\n6\n7\n8\n9\n";
        let diff = unified_diff("./drafts/story.txt", old, new);
        assert_eq!(
            diff,
            "--- a/drafts/story.txt\n+++ b/drafts/story.txt\n@@ -2,7 +2,6 @@\n 2\n 3\n 4\n-Share this:\n 6\n 7\n 8\n"
        );
    }

    #[test]
    fn no_change_no_diff() {
        assert_eq!(unified_diff("a.txt", "same\n", "same\n"), "");
    }
}
