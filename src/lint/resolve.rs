//! Turning the fixes rules propose into text edits on the file: a new value written in
//! the plan's own notation, and a value reached through an alias or a merge key edited
//! where it is defined (marked unsafe: every place that uses it changes), never in place.

use super::finding::{Applicability, Finding, Fix, Replacement};
use crate::i18n::Message;
use crate::model::value::write_like;
use crate::source::{SourceFile, Span};

/// Resolves every fix of `findings` into text edits on `file`, and gives its title the
/// argument `changes` (the edits as written: "`ltv: 60万`"). A fix that cannot be
/// resolved (no number to rewrite, an anchor that cannot be found, overlapping edits) is
/// dropped: the finding's help still says what to do.
pub fn resolve_fixes(file: &SourceFile, findings: &mut [Finding]) {
    for f in findings.iter_mut() {
        if let Some(fix) = f.fix.take() {
            f.fix = resolve(file, fix);
        }
        let alternatives = std::mem::take(&mut f.alternatives);
        f.alternatives = alternatives
            .into_iter()
            .filter_map(|fix| resolve(file, fix))
            .collect();
    }
}

fn resolve(file: &SourceFile, mut fix: Fix) -> Option<Fix> {
    let mut changes = Vec::new();
    for edit in &mut fix.edits {
        let raw = file.slice(edit.span);
        if raw.trim_start().starts_with('*') {
            let (span, line, anchor) = defined_at(file, edit.span, &edit.path)?;
            edit.span = span;
            fix.applicability = Applicability::Unsafe;
            fix.note = Some(
                Message::new("fix-defined-at")
                    .count("line", line)
                    .text("anchor", anchor),
            );
        }
        if let Replacement::Value {
            value,
            notation,
            round,
        } = edit.replacement
        {
            let text = write_like(file.slice(edit.span), value, notation, round)?;
            edit.replacement = Replacement::Text(text);
        }
        if let Replacement::RemoveItems = edit.replacement {
            edit.span = whole_lines(&file.text, edit.span)?;
            edit.replacement = Replacement::Text(String::new());
            continue;
        }
        if let Replacement::Text(t) = &edit.replacement {
            let leaf = leaf(&edit.path);
            changes.push(if leaf.is_empty() {
                format!("`{}`", crate::text::escape_line(t))
            } else {
                format!("`{leaf}: {}`", crate::text::escape_line(t))
            });
        }
    }
    fix.edits.sort_by_key(|e| e.span);
    let overlapping = fix
        .edits
        .windows(2)
        .any(|w| w[0].span.end() > w[1].span.offset);
    let outside = fix.edits.iter().any(|e| {
        e.span.end() > file.text.len()
            || !file.text.is_char_boundary(e.span.offset)
            || !file.text.is_char_boundary(e.span.end())
    });
    if overlapping || outside || fix.edits.is_empty() {
        return None;
    }
    fix.title = fix.title.text("changes", changes.join(", "));
    Some(fix)
}

/// The last segment of a YAML path: `projections[2].revenue` → `revenue`, but
/// `customer_size.employees[1]` → `employees[1]` (an item of a list of numbers is named
/// by its index: `employees: 1950` would read as the whole list).
fn leaf(path: &str) -> &str {
    path.rsplit('.').next().unwrap_or(path)
}

/// The key a [`leaf`] names: `employees[1]` → `employees`.
fn key_of(leaf: &str) -> &str {
    leaf.split('[').next().unwrap_or(leaf)
}

/// Where the value an alias at `alias` stands for is written: the scalar after its
/// anchor (`&v 5`), or, for a mapping anchored and merged (`<<: *base`), the value of the
/// key `path` ends with inside that mapping. With the line (1-based) and the anchor.
fn defined_at(file: &SourceFile, alias: Span, path: &str) -> Option<(Span, usize, String)> {
    let text = &file.text;
    let raw = file.slice(alias).trim_start();
    let name: String = raw[1..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ']' | '}'))
        .collect();
    if name.is_empty() {
        return None;
    }
    let needle = format!("&{name}");
    // The anchor in force is the last one written before the alias.
    let before = &text[..alias.offset.min(text.len())];
    let at = before
        .rmatch_indices(needle.as_str())
        .map(|(i, _)| i)
        .find(|&i| {
            text[i + needle.len()..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace())
        })?;
    let after = at + needle.len();
    let line_end = text[after..].find('\n').map_or(text.len(), |i| after + i);
    let rest = &text[after..line_end];
    let value = scalar_in(rest, after);
    let line = file.line_col(at).0;
    match value {
        Some(span) => Some((span, line, needle)),
        None if rest.trim().is_empty() || rest.trim_start().starts_with('#') => {
            // A block mapping: find `key:` among its lines, indented deeper than the
            // anchor's line.
            let key = key_of(leaf(path));
            let anchor_line_start = file.line_start_of(at);
            let anchor_indent = indent_of(&text[anchor_line_start..]);
            let mut start = line_end + 1;
            while start < text.len() {
                let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
                let l = &text[start..end];
                let content = l.trim_start();
                if !content.is_empty() && !content.starts_with('#') {
                    let indent = indent_of(l);
                    if indent <= anchor_indent {
                        break;
                    }
                    if let Some(v) = content.strip_prefix(key)
                        && let Some(v) = v.strip_prefix(':')
                    {
                        let from = end - v.len();
                        let span = scalar_in(v, from)?;
                        return Some((span, file.line_col(span.offset).0, needle));
                    }
                }
                start = end + 1;
            }
            None
        }
        None => None,
    }
}

/// `span` when it lies on one line; else from the end of its first line (before the line
/// break) to the end of its last line (before the line break), so that whole lines go.
fn whole_lines(text: &str, span: Span) -> Option<Span> {
    let cut = text.get(span.offset..span.end())?;
    let Some(first_break) = cut.find(['\r', '\n']) else {
        return Some(span);
    };
    let start = span.offset + first_break;
    let rest = &text[span.end()..];
    let end = span.end() + rest.find(['\r', '\n']).unwrap_or(rest.len());
    Some(Span::new(start, end - start))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The scalar written in `rest` (the text after a `key:` or an anchor, to the end of its
/// line), starting at byte `from` of the file: up to a comment, trimmed. `None` for
/// nothing, a nested node or another alias.
fn scalar_in(rest: &str, from: usize) -> Option<Span> {
    let body = match rest.find(" #") {
        Some(i) => &rest[..i],
        None => rest,
    };
    let body = body.trim_end_matches(['\r', ' ', '\t']);
    let trimmed = body.trim_start();
    if trimmed.is_empty() || trimmed.starts_with(['*', '&', '[', '{', '|', '>', '#', '!']) {
        return None;
    }
    let offset = from + (body.len() - trimmed.len());
    Some(Span::new(offset, trimmed.len()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::Notation;
    use crate::lint::Round;

    fn fix_at(text: &str, needle: &str, path: &str) -> Option<(String, Fix)> {
        let file = SourceFile::new("t", text.to_string());
        let at = text.rfind(needle).unwrap();
        let fix = Fix::computed().set(
            crate::model::Place {
                span: Span::new(at, needle.len()),
                path: path.to_string(),
            },
            70_0000.0,
            Notation::Money,
            Round::Nearest,
        );
        let fix = resolve(&file, fix)?;
        let e = &fix.edits[0];
        let Replacement::Text(t) = &e.replacement else {
            panic!("resolved")
        };
        Some((format!("{}|{}", file.slice(e.span), t), fix))
    }

    #[test]
    fn values_in_place_are_rewritten_in_their_notation() {
        let (edit, fix) = fix_at("ltv: \"60万\"\n", "\"60万\"", "unit_economics.ltv").unwrap();
        assert_eq!(edit, "\"60万\"|\"70万\"");
        assert_eq!(fix.applicability, Applicability::Safe);
        assert!(fix.note.is_none());
    }

    #[test]
    fn an_alias_is_edited_where_it_is_defined_and_unsafe() {
        let (edit, fix) = fix_at("a: &v 60万 # shared\nltv: *v\n", "*v", "ltv").unwrap();
        assert_eq!(edit, "60万|70万");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        assert!(fix.note.is_some());
    }

    #[test]
    fn removed_items_take_whole_lines_in_a_block_list_and_the_span_in_a_flow_list() {
        let block = "l:\n  - a  # kept\n  - b\n  - c  # gone\nx: 1\n";
        let from = block.find("a").unwrap() + 1;
        let to = block.find("c").unwrap() + 1;
        let got = whole_lines(block, Span::new(from, to - from)).unwrap();
        assert_eq!(&block[got.offset..got.end()], "\n  - b\n  - c  # gone");
        let flow = "l: [a, b, c]  # note\n";
        let got = whole_lines(flow, Span::new(5, 6)).unwrap();
        assert_eq!(&flow[got.offset..got.end()], ", b, c");
    }

    #[test]
    fn a_merged_value_is_edited_in_its_anchor() {
        let text = "base: &b\n  acv: 5万\n  ltv: 60万\nunit_economics:\n  <<: *b\n  cac: 1万\n";
        let (edit, fix) = fix_at(text, "*b", "unit_economics.ltv").unwrap();
        assert_eq!(edit, "60万|70万");
        assert_eq!(fix.applicability, Applicability::Unsafe);
        let text = "base: &b {acv: 5万}\nunit_economics:\n  <<: *b\n";
        assert!(fix_at(text, "*b", "unit_economics.acv").is_none());
    }
}
