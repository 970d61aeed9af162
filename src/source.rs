//! Source text, byte spans and the line index that turns them into lines and columns.

use serde::Serialize;

/// A byte range in a source file: `offset` and `len` count UTF-8 bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub offset: usize,
    pub len: usize,
}

impl Span {
    pub const fn new(offset: usize, len: usize) -> Self {
        Self { offset, len }
    }

    pub const fn end(&self) -> usize {
        self.offset + self.len
    }
}

/// A span resolved to 1-based lines and columns; columns count characters, not bytes,
/// so a value after Chinese text still gets the column an editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    pub offset: usize,
    pub length: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// One plan file: its display name, its text and an index of where each line starts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    pub name: String,
    pub text: String,
    line_starts: Vec<usize>,
    /// The length of the text, kept when the text is dropped.
    len: usize,
    /// After `compact`: the locations of the spans that were kept, the text dropped.
    resolved: Option<Vec<(Span, Location)>>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: String) -> Self {
        // `match_indices` on a `char` searches with memchr, several times faster than
        // testing every byte; plans average a line per 30-40 bytes.
        let mut line_starts = Vec::with_capacity(text.len() / 32 + 2);
        line_starts.push(0);
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self {
            name: name.into(),
            len: text.len(),
            text,
            line_starts,
            resolved: None,
        }
    }

    /// The length of the file in bytes, also after `compact`.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Resolves `spans` to locations and drops the text and line index. Afterwards
    /// `location` answers for those spans only, and `slice` is empty.
    pub fn compact(&mut self, spans: impl Iterator<Item = Span>) {
        if self.resolved.is_some() {
            return;
        }
        let mut resolved: Vec<(Span, Location)> = spans.map(|s| (s, self.location(s))).collect();
        resolved.sort_by_key(|(s, _)| *s);
        resolved.dedup_by_key(|(s, _)| *s);
        self.text = String::new();
        self.line_starts = vec![0];
        self.resolved = Some(resolved);
    }

    /// Clamps an offset into the text and back onto a character boundary, so that a
    /// span from any source can be resolved and sliced without panicking.
    pub fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// 1-based line and character column of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.clamp(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        let mut column = self.text[start..offset].chars().count() + 1;
        // A byte-order mark is not a column an editor shows.
        if start == 0 && offset >= 3 && self.text.starts_with('\u{feff}') {
            column -= 1;
        }
        (line, column)
    }

    /// Byte offset of the start of the line holding `offset`.
    pub fn line_start_of(&self, offset: usize) -> usize {
        let offset = self.clamp(offset);
        let line = self.line_starts.partition_point(|&s| s <= offset);
        self.line_starts[line.saturating_sub(1)]
    }

    /// Byte offset of a 1-based line and character column (as parsers report them).
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        let rest = &self.text[start..];
        let line_text = rest.split('\n').next().unwrap_or("");
        let within = line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i);
        start + within
    }

    pub fn location(&self, span: Span) -> Location {
        if let Some(resolved) = &self.resolved {
            return resolved
                .binary_search_by_key(&span, |(s, _)| *s)
                .ok()
                .and_then(|i| resolved.get(i))
                .map_or(
                    Location {
                        offset: span.offset,
                        length: span.len,
                        line: 1,
                        column: 1,
                        end_line: 1,
                        end_column: 1,
                    },
                    |(_, l)| *l,
                );
        }
        let start = self.clamp(span.offset);
        let end = self.clamp(span.end()).max(start);
        let (line, column) = self.line_col(start);
        let (end_line, end_column) = self.line_col(end);
        Location {
            offset: start,
            length: end - start,
            line,
            column,
            end_line,
            end_column,
        }
    }

    /// The source text of a span, clamped to the file.
    pub fn slice(&self, span: Span) -> &str {
        let start = self.clamp(span.offset);
        let end = self.clamp(span.end()).max(start);
        &self.text[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters() {
        let f = SourceFile::new("t", "name: 联恒云\nacv: 5万\n".to_string());
        let acv = f.text.find("5万").unwrap();
        assert_eq!(f.line_col(acv), (2, 6));
        let after = f.text.find('\n').unwrap();
        assert_eq!(f.line_col(after), (1, 10));
        let loc = f.location(Span::new(acv, "5万".len()));
        assert_eq!((loc.end_line, loc.end_column), (2, 8));
    }

    #[test]
    fn offset_of_inverts_line_col() {
        let f = SourceFile::new("t", "a: 1\nb: 联恒 x\n".to_string());
        let x = f.text.find('x').unwrap();
        let (l, c) = f.line_col(x);
        assert_eq!(f.offset_of(l, c), x);
    }

    #[test]
    fn compact_keeps_the_locations_it_was_given() {
        let mut f = SourceFile::new("t", "a: 1\nb: 联恒 x\n".to_string());
        let x = Span::new(f.text.find('x').unwrap(), 1);
        let before = f.location(x);
        f.compact([x].into_iter());
        assert!(f.text.is_empty());
        assert_eq!(f.len(), "a: 1\nb: 联恒 x\n".len());
        assert_eq!(f.location(x), before);
    }

    #[test]
    fn clamps_out_of_range_and_mid_character() {
        let f = SourceFile::new("t", "联".to_string());
        assert_eq!(f.clamp(1), 0);
        assert_eq!(f.clamp(99), 3);
        assert_eq!(f.slice(Span::new(1, 50)), "联");
    }
}
