//! Byte offsets ↔ LSP positions, in the encoding the client negotiated: UTF-8 (a
//! character is a byte offset in its line) or UTF-16 (code units: an emoji counts two).

use lsp_types::{Position, Range};

use crate::source::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16,
}

/// A text and where its lines start.
pub struct Lines<'a> {
    text: &'a str,
    starts: Vec<usize>,
    encoding: Encoding,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self {
            text,
            starts,
            encoding,
        }
    }

    fn clamp(&self, offset: usize) -> usize {
        let mut o = offset.min(self.text.len());
        while !self.text.is_char_boundary(o) {
            o -= 1;
        }
        o
    }

    /// The position of a byte offset.
    pub fn position(&self, offset: usize) -> Position {
        let offset = self.clamp(offset);
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts[line];
        let before = &self.text[start..offset];
        let character = match self.encoding {
            Encoding::Utf8 => before.len(),
            Encoding::Utf16 => before.encode_utf16().count(),
        };
        Position::new(
            u32::try_from(line).unwrap_or(u32::MAX),
            u32::try_from(character).unwrap_or(u32::MAX),
        )
    }

    pub fn range(&self, span: Span) -> Range {
        Range::new(self.position(span.offset), self.position(span.end()))
    }

    /// The byte offset of a position; past the end of its line is the end of the line,
    /// past the last line the end of the text, inside a character its start.
    pub fn offset(&self, position: Position) -> usize {
        let Some(&start) = self.starts.get(position.line as usize) else {
            return self.text.len();
        };
        let line = &self.text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let want = position.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= want {
                return start + i;
            }
            units += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units > want {
                // Inside the character: its start.
                return start + i;
            }
        }
        start + line.len()
    }

    /// The start of the line holding `offset`.
    pub fn line_start(&self, offset: usize) -> usize {
        let offset = self.clamp(offset);
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        self.starts[line]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_text_and_an_emoji_count_as_the_client_counts() {
        let text = "name: 联恒 🚀 云\nacv: 5万\n";
        let at = text.find('云').unwrap();
        let utf8 = Lines::new(text, Encoding::Utf8);
        let utf16 = Lines::new(text, Encoding::Utf16);
        assert_eq!(utf8.position(at), Position::new(0, at as u32));
        // `name: ` 6, 联恒 2, space 1, 🚀 2 (a surrogate pair), space 1.
        assert_eq!(utf16.position(at), Position::new(0, 12));
        assert_eq!(utf16.offset(Position::new(0, 12)), at);
        assert_eq!(utf8.offset(utf8.position(at)), at);
        // Past the end of a line is its end; past the text, the text's end.
        assert_eq!(utf16.offset(Position::new(0, 99)), text.find('\n').unwrap());
        assert_eq!(utf16.offset(Position::new(9, 0)), text.len());
        let acv = text.find("5万").unwrap();
        assert_eq!(utf16.position(acv), Position::new(1, 5));
    }
}
