//! Showing untrusted text safely: every text that came from a plan, a file name, a
//! config or an argument goes through [`escape_control`] before it reaches a terminal
//! or a log, so that only planlint chooses colours and no plan can move the cursor,
//! retitle the window or reorder a line with bidi overrides.

use std::borrow::Cow;

/// True for characters that must never be printed raw: C0 controls (but tab and line
/// feed), DEL, C1 controls, the line and paragraph separators, and the bidi controls.
pub fn is_unsafe_char(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{2028}' | '\u{2029}'
        | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        | '\u{61c}' | '\u{feff}')
}

/// `text` with every unsafe character written as a visible Rust-style escape
/// (`\u{1b}`); borrowed when there is nothing to escape. Tabs and line feeds stay,
/// since reports are multi-line; use [`escape_line`] for text that must stay on one line.
pub fn escape_control(text: &str) -> Cow<'_, str> {
    escape_with(text, is_unsafe_char)
}

/// Like [`escape_control`], and also escapes tabs, carriage returns and line feeds: for
/// file names and arguments, which are shown on one line.
pub fn escape_line(text: &str) -> Cow<'_, str> {
    escape_with(text, |c| {
        is_unsafe_char(c) || matches!(c, '\t' | '\n' | '\r')
    })
}

fn escape_with(text: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_terminal_and_bidi_controls() {
        assert_eq!(escape_control("k\u{1b}]0;x\u{7}"), "k\\u{1b}]0;x\\u{7}");
        assert_eq!(escape_control("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(escape_control("a\u{85}b\u{9b}"), "a\\u{85}b\\u{9b}");
        assert_eq!(escape_control("line\n\ttab"), "line\n\ttab");
        assert!(matches!(escape_control("plain 中文"), Cow::Borrowed(_)));
        assert_eq!(escape_line("a\nb\r"), "a\\u{a}b\\u{d}");
    }
}
