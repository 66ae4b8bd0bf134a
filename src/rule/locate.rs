//! Finds where a rule, one of its fields or one of its examples is written in its file.
//!
//! serde reports positions only for errors it raises itself; problems found after
//! reading (a placeholder the kind lacks, a duplicate id) are placed by these look-ups.

/// A rule file split into lines once, with the lines that hold an `id`.
pub struct FileLines<'a> {
    lines: Vec<&'a str>,
    ids: Vec<(usize, &'a str)>,
}

impl<'a> FileLines<'a> {
    /// Index `text`.
    pub fn new(text: &'a str) -> Self {
        let lines: Vec<&str> = text.lines().collect();
        let ids = lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| id_value(l).map(|v| (i, v)))
            .collect();
        FileLines { lines, ids }
    }
}

/// The lines (0-based, end-exclusive) of the list item that holds `id: <id>`.
pub struct RuleLines {
    first: usize,
    end: usize,
    id_line: usize,
}

/// Find the rule with `id`; `nth` picks among repeated ids (0 for the first).
pub fn rule_lines(file: &FileLines<'_>, id: &str, nth: usize) -> Option<RuleLines> {
    let lines = &file.lines;
    let id_line = file
        .ids
        .iter()
        .filter(|(_, v)| *v == id)
        .map(|(i, _)| *i)
        .nth(nth)?;
    let first = (0..=id_line).rev().find(|&i| is_item_start(lines[i]))?;
    let indent = indentation(lines[first]);
    let end = (id_line + 1..lines.len())
        .find(|&i| is_item_start(lines[i]) && indentation(lines[i]) <= indent)
        .unwrap_or(lines.len());
    Some(RuleLines { first, end, id_line })
}

impl RuleLines {
    /// 1-based line of the rule's `id`.
    pub fn id_line(&self) -> usize {
        self.id_line + 1
    }

    fn own<'f>(&self, file: &'f FileLines<'_>) -> impl Iterator<Item = (usize, &'f str)> {
        (self.first..self.end).map(move |i| (i, file.lines[i]))
    }

    /// 1-based line and column of `field:` in this rule, or of its id.
    pub fn field(&self, file: &FileLines<'_>, field: &str) -> (usize, usize) {
        for (i, line) in self.own(file) {
            let body = line.trim_start().trim_start_matches("- ").trim_start();
            if body.strip_prefix(field).is_some_and(|rest| rest.starts_with(':')) {
                return (i + 1, line.len() - body.len() + 1);
            }
        }
        (self.id_line + 1, 1)
    }

    /// 1-based line where `example` is written in this rule, or the rule's id line.
    pub fn example(&self, file: &FileLines<'_>, example: &str) -> usize {
        let probe: String = example.chars().take(24).collect();
        let probe = probe.trim();
        self.own(file)
            .find(|(_, line)| !probe.is_empty() && line.contains(probe))
            .map_or(self.id_line + 1, |(i, _)| i + 1)
    }
}

fn id_value(line: &str) -> Option<&str> {
    let body = line.trim_start().trim_start_matches("- ").trim_start();
    let value = body.strip_prefix("id:")?.trim();
    let value = value.split(" #").next().unwrap_or(value).trim();
    Some(value.trim_matches(|c| c == '"' || c == '\''))
}

fn is_item_start(line: &str) -> bool {
    let t = line.trim_start();
    t == "-" || t.starts_with("- ")
}

fn indentation(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "- id: one\n  message: m\n  tests:\n    flag:\n      - \"bad text\"\n- id: two\n  category: style\n  message: x\n";

    #[test]
    fn finds_rules_fields_and_examples() {
        let file = FileLines::new(FILE);
        let two = rule_lines(&file, "two", 0).unwrap();
        assert_eq!(two.id_line(), 6);
        assert_eq!(two.field(&file, "message"), (8, 3));
        let one = rule_lines(&file, "one", 0).unwrap();
        assert_eq!(one.field(&file, "message"), (2, 3));
        assert_eq!(one.example(&file, "bad text"), 5);
        assert!(rule_lines(&file, "three", 0).is_none());
    }
}
