//! Documents: an article's source text, its line index and its prose.

pub mod cache;
pub mod front_matter;
pub mod html;
pub mod markdown;
pub mod prose;

use std::ops::Range;
use std::path::Path;
use std::sync::OnceLock;

use crate::error::SourceError;
use crate::position::{LineCol, LineIndex, Span};
use crate::text::capitalised::CapitalisedWord;
use crate::text::quantities::Quantity;
pub use prose::{Comment, Prose};

/// The input format of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Plain text: lines are paragraphs unless a line goes on in lower case.
    Text,
    /// CommonMark with tables and front matter.
    Markdown,
    /// HTML pages and fragments (CMS exports, scraped pages).
    Html,
}

impl Format {
    /// The format implied by a file name: Markdown for `.md`, `.markdown`, `.mdown`,
    /// `.mkd`; HTML for `.html`, `.htm`, `.xhtml`; plain text otherwise.
    pub fn from_path(path: &Path) -> Format {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            _ => Format::Text,
        }
    }
}

/// The prose of a document lower-cased as ASCII: every byte keeps its offset.
#[derive(Debug)]
pub struct LowerProse(pub String);

/// One article, parsed once and shared by every check.
#[derive(Debug, Clone)]
pub struct Document {
    /// The path as it should be reported.
    pub path: String,
    /// The input format.
    pub format: Format,
    /// The original source text.
    pub text: String,
    /// Line starts of `text`.
    pub lines: LineIndex,
    /// The visible prose, mapped back to `text`.
    pub prose: Prose,
    /// The article date (Markdown front matter `date:`, an HTML page's publication
    /// `<meta>` or first `<time datetime>`, or set by the caller), as `YYYY-MM-DD…`.
    pub date: Option<String>,
    /// Analyses shared by checks, computed on first use.
    pub cache: cache::AnalysisCache,
    /// The analyses of the prose itself, made on first use.
    own: ProseAnalyses,
}

/// The analyses of a document's prose that need nothing but the prose, each in a
/// place of its own: they are asked for by every check, so they are not looked up.
#[derive(Default)]
struct ProseAnalyses {
    lower: OnceLock<LowerProse>,
    flat: OnceLock<String>,
    quantities: OnceLock<Vec<Vec<Quantity>>>,
    capitalised: OnceLock<Vec<CapitalisedWord>>,
}

impl std::fmt::Debug for ProseAnalyses {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ProseAnalyses")
    }
}

impl Clone for ProseAnalyses {
    /// A clone starts empty, as the [`cache::AnalysisCache`] does.
    fn clone(&self) -> Self {
        ProseAnalyses::default()
    }
}

impl Document {
    /// Parse `text` in the given format.
    pub fn parse(path: impl Into<String>, text: String, format: Format) -> Result<Self, SourceError> {
        let path = path.into();
        let (prose, date) = match format {
            Format::Text => (Prose::from_plain(&text), None),
            Format::Markdown => {
                let front = front_matter::parse(&text).map_err(|e| e.with_path(&path))?;
                let (start, date) = front.map_or((0, None), |f| (f.body_start, f.date));
                (markdown::prose(&text, start), date)
            }
            Format::Html => {
                let page = html::parse(&text);
                (page.prose, page.date)
            }
        };
        let lines = LineIndex::new(&text);
        Ok(Document {
            path,
            format,
            text,
            lines,
            prose,
            date,
            cache: cache::AnalysisCache::default(),
            own: ProseAnalyses::default(),
        })
    }

    /// Parse text whose format follows from the path's extension.
    pub fn from_text(path: impl Into<String>, text: impl Into<String>) -> Result<Self, SourceError> {
        let path = path.into();
        let format = Format::from_path(Path::new(&path));
        Self::parse(path, text.into(), format)
    }

    /// Decode bytes read from `path` (UTF-8 only; a BOM is kept and skipped in columns).
    /// Bytes that are not UTF-8 and hold a NUL are a binary file, not an article (a stray
    /// NUL in otherwise good text, as scraped pages have, is read as text).
    pub fn from_bytes(path: impl Into<String>, bytes: Vec<u8>, format: Format) -> Result<Self, SourceError> {
        let path = path.into();
        let text = String::from_utf8(bytes).map_err(|e| {
            let offset = e.utf8_error().valid_up_to();
            match memchr::memchr(0, e.as_bytes()) {
                Some(nul) => SourceError::Binary {
                    path: path.clone(),
                    offset: nul,
                },
                None => SourceError::InvalidUtf8 {
                    path: path.clone(),
                    offset,
                },
            }
        })?;
        Self::parse(path, text, format)
    }

    /// Read and parse a file; the format follows from its extension.
    pub fn read(path: &Path) -> Result<Self, SourceError> {
        let bytes = read_file(path, None)?;
        Self::from_bytes(path.display().to_string(), bytes, Format::from_path(path))
    }

    /// The article date as `YYYY-MM-DD`, when it has one.
    pub fn day(&self) -> Option<&str> {
        let date = self.date.as_deref()?.get(..10)?;
        crate::names::dictionary::is_iso_date(date).then_some(date)
    }

    /// Drop every analysis made so far (they are made again when asked for): a document
    /// kept for its report needs none of them.
    pub fn forget_analyses(&mut self) {
        self.cache = cache::AnalysisCache::default();
        self.own = ProseAnalyses::default();
    }

    /// The prose with line breaks and tabs turned into spaces (same offsets), so that
    /// phrases match across the line breaks of wrapped text; computed once.
    pub fn flat_prose(&self) -> &str {
        self.own.flat.get_or_init(|| {
            let text = &self.prose.text;
            let mut flat = String::with_capacity(text.len());
            let mut copied = 0;
            for i in memchr::memchr3_iter(b'\n', b'\r', b'\t', text.as_bytes()) {
                flat.push_str(&text[copied..i]);
                flat.push(' ');
                copied = i + 1;
            }
            flat.push_str(&text[copied..]);
            flat
        })
    }

    /// The prose lower-cased as ASCII (same offsets), for searches that ignore case;
    /// computed once.
    pub fn lower_prose(&self) -> &LowerProse {
        self.own
            .lower
            .get_or_init(|| LowerProse(self.prose.text.to_ascii_lowercase()))
    }

    /// The quantities of every sentence, in sentence order, computed once.
    pub fn sentence_quantities(&self) -> &[Vec<Quantity>] {
        self.own.quantities.get_or_init(|| {
            let lower = self.lower_prose();
            crate::text::quantities::sentence_quantities(&self.prose.text, &lower.0, self.prose.sentences())
        })
    }

    /// The lower-case words of every sentence, each sentence's read the first time a
    /// check asks for it and shared by all the checks of the document.
    pub fn sentence_words(&self) -> &crate::text::phrases::SentenceWords {
        self.cache.get_or_compute(0, || {
            crate::text::phrases::SentenceWords::new(self.prose.sentences())
        })
    }

    /// The capitalised words of the prose, computed once.
    pub fn capitalised_words(&self) -> &[CapitalisedWord] {
        self.own.capitalised.get_or_init(|| {
            crate::text::capitalised::capitalised_words(&self.prose.text, self.prose.sentences())
        })
    }

    /// Line and column of a source byte offset.
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset)
    }

    /// The source span of a prose range, widened to whole characters of the source
    /// (blanked URLs keep their byte offsets, so a prose range may end inside one).
    pub fn source_span(&self, prose: Range<usize>) -> Span {
        let span = self.prose.map.to_source(prose);
        Span::new(
            crate::position::floor_char_boundary(&self.text, span.start),
            crate::position::ceil_char_boundary(&self.text, span.end),
        )
    }

    /// The source text of a span.
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or_default()
    }

    /// The source a fix deletes to remove the prose at `span`: whole lines in text and
    /// Markdown, the text alone in HTML (where one line may hold markup or a whole page).
    pub fn removal_span(&self, span: Span) -> Span {
        match self.format {
            Format::Html => span,
            Format::Text | Format::Markdown => self.whole_lines(span),
        }
    }

    /// The span of whole source lines covering `span`, including the final line break.
    pub fn whole_lines(&self, span: Span) -> Span {
        let first = self.line_col(span.start).line;
        let last = self.line_col(span.end.saturating_sub(1).max(span.start)).line;
        let start = self.lines.line_start(first).unwrap_or(0);
        let end = self.lines.line_start(last + 1).unwrap_or(self.text.len());
        Span::new(start, end)
    }
}

/// The bytes of the file at `path`, refusing a file of more than `limit` bytes (checked
/// before reading, and again while reading, in case the file grows meanwhile).
pub fn read_file(path: &Path, limit: Option<u64>) -> Result<Vec<u8>, SourceError> {
    use std::io::Read;
    let io = |source| SourceError::Io {
        path: path.to_owned(),
        source,
    };
    let too_large = |size| SourceError::TooLarge {
        path: path.to_owned(),
        size,
        limit: limit.unwrap_or(u64::MAX),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len();
    if limit.is_some_and(|limit| size > limit) {
        return Err(too_large(size));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    let most = limit.map_or(u64::MAX, |limit| limit.saturating_add(1));
    file.take(most).read_to_end(&mut bytes).map_err(io)?;
    if limit.is_some_and(|limit| bytes.len() as u64 > limit) {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_prose_has_spaces_for_line_breaks_and_tabs_at_the_same_offsets() {
        let doc = Document::from_text("a.txt", "Ana\tRuiz said\r\nthat\n\n“Né” went on.\n").expect("text");
        let flat = doc.flat_prose();
        let expected: String = doc
            .prose
            .text
            .chars()
            .map(|c| if matches!(c, '\n' | '\r' | '\t') { ' ' } else { c })
            .collect();
        assert_eq!(*flat, expected);
        assert!(flat.contains("Ana Ruiz said  that  “Né”"));
    }

    #[test]
    fn forgotten_analyses_are_made_again() {
        let mut doc = Document::from_text("a.txt", "Ana Ruiz said Two.\n").expect("text");
        let before = (doc.lower_prose().0.clone(), doc.capitalised_words().len());
        doc.forget_analyses();
        assert!(doc.own.lower.get().is_none() && doc.own.capitalised.get().is_none());
        assert_eq!(
            (doc.lower_prose().0.clone(), doc.capitalised_words().len()),
            before
        );
    }
}
