//! Message templates: text with `{name}` placeholders, checked when rules load.

/// A parsed message template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Part {
    Text(String),
    Var(String),
}

impl Template {
    /// Parse `source`, allowing only the placeholders in `allowed`.
    /// `{{` and `}}` stand for literal braces.
    pub fn parse(source: &str, allowed: &[&str]) -> Result<Template, String> {
        let mut parts = Vec::new();
        let mut text = String::new();
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '{' if chars.peek() == Some(&'{') => {
                    chars.next();
                    text.push('{');
                }
                '}' if chars.peek() == Some(&'}') => {
                    chars.next();
                    text.push('}');
                }
                '{' => {
                    let name: String = chars.by_ref().take_while(|&d| d != '}').collect();
                    if !allowed.contains(&name.as_str()) {
                        return Err(unknown_placeholder(&name, allowed));
                    }
                    if !text.is_empty() {
                        parts.push(Part::Text(std::mem::take(&mut text)));
                    }
                    parts.push(Part::Var(name));
                }
                '}' => return Err("unmatched `}` in message (write `}}` for a brace)".into()),
                _ => text.push(c),
            }
        }
        if !text.is_empty() {
            parts.push(Part::Text(text));
        }
        Ok(Template { parts })
    }

    /// Fill the placeholders from `vars`; a missing one renders as empty.
    pub fn render(&self, vars: &[(&str, &str)]) -> String {
        let mut out = String::new();
        for part in &self.parts {
            match part {
                Part::Text(t) => out.push_str(t),
                Part::Var(name) => {
                    if let Some((_, value)) = vars.iter().find(|(k, _)| k == name) {
                        out.push_str(value);
                    }
                }
            }
        }
        out
    }
}

fn unknown_placeholder(name: &str, allowed: &[&str]) -> String {
    let list: Vec<String> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
    format!(
        "unknown placeholder `{{{name}}}` in message; this kind offers {}",
        list.join(", ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_placeholders_and_braces() {
        let t = Template::parse("Use {fix} not “{match}” {{ok}}", &["match", "fix"]).unwrap();
        assert_eq!(
            t.render(&[("match", "Kiev"), ("fix", "Kyiv")]),
            "Use Kyiv not “Kiev” {ok}"
        );
    }

    #[test]
    fn unknown_placeholder_is_an_error() {
        let err = Template::parse("Bad {nope}", &["match"]).unwrap_err();
        assert!(err.contains("{nope}") && err.contains("{match}"), "{err}");
    }

    #[test]
    fn stray_brace_is_an_error() {
        assert!(Template::parse("a } b", &["match"]).is_err());
    }
}
