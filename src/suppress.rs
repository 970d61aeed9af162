//! Inline suppressions: `# planlint-disable-line ID`, `# planlint-disable-next-line ID`
//! and `# planlint-disable-file ID`, each naming rule ids or principle prefixes, with an
//! optional `-- reason`. A named rule that silenced nothing is `plan/unused-suppression`.

use crate::i18n::Message;
use crate::lint::Settings;
use crate::lint::selector_matches;
use crate::lint::{Finding, Fix};
use crate::model::Place;
use crate::source::{SourceFile, Span};

use crate::rules::plan::UNUSED_SUPPRESSION as UNUSED;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Scope {
    /// The 1-based line the finding must start on.
    Line(usize),
    File,
}

#[derive(Debug)]
struct Selector {
    text: String,
    span: Span,
    used: bool,
}

#[derive(Debug)]
struct Suppression {
    scope: Scope,
    selectors: Vec<Selector>,
    /// The line the comment is on: its start, its length (without `\n`) and where the
    /// `#` is in it.
    line_start: usize,
    line_len: usize,
    hash: usize,
}

impl Suppression {
    /// What to delete to remove the selector `i` from the comment: the selector and a
    /// separator beside it when others remain, else the whole comment (and the whole
    /// line, newline included, when the comment is all it holds).
    fn removal(&self, file: &SourceFile, i: usize) -> Span {
        let text = &file.text;
        let named: Vec<&Selector> = self
            .selectors
            .iter()
            .filter(|s| !s.text.is_empty())
            .collect();
        let line = &text[self.line_start..self.line_start + self.line_len];
        if named.len() <= 1 {
            // The comment ends where another one starts (`# planlint-disable-line x -- y
            // # note`), or with the line.
            let own = &line[self.hash + 1..];
            let own = match own.find(" #").or_else(|| own.find("\t#")) {
                Some(i) => own[..i].trim_end(),
                None => own.trim_end_matches('\r'),
            };
            let content_end = self.line_start + self.hash + 1 + own.len();
            let another = content_end < self.line_start + line.trim_end_matches('\r').len();
            let before = &line[..self.hash];
            if before.trim().is_empty() && !another {
                let end = (self.line_start + self.line_len + 1).min(text.len());
                return Span::new(self.line_start, end - self.line_start);
            }
            let start = self.line_start + before.trim_end().len();
            return Span::new(start, content_end - start);
        }
        let sel = &self.selectors[i];
        let is_sep = |c: char| c == ',' || c == ' ' || c == '\t';
        let after = &text[sel.span.end()..self.line_start + self.line_len];
        let sep_after = after.len() - after.trim_start_matches(is_sep).len();
        let rest_after = &after[sep_after..];
        let another_follows = named.iter().any(|s| s.span.offset > sel.span.offset);
        if another_follows && sep_after > 0 && !rest_after.is_empty() {
            return Span::new(sel.span.offset, sel.span.len + sep_after);
        }
        let before = &text[self.line_start..sel.span.offset];
        let sep_before = before.len() - before.trim_end_matches(is_sep).len();
        Span::new(sel.span.offset - sep_before, sel.span.len + sep_before)
    }
}

/// Byte offset of the `#` that starts a comment on `line`, if any: a `#` at the start or
/// after white space, outside quotes.
fn comment_start(line: &str) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut prev = ' ';
    for (i, c) in line.char_indices() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'')
                && (prev.is_whitespace() || matches!(prev, ':' | '[' | '{' | ',' | '-')) =>
            {
                quote = Some(c)
            }
            None if c == '#' && prev.is_whitespace() => return Some(i),
            None => {}
        }
        prev = c;
    }
    None
}

fn parse(file: &SourceFile) -> Vec<Suppression> {
    let text = &file.text;
    let mut out = Vec::new();
    let mut offset = 0;
    let lines: Vec<&str> = text.split('\n').collect();
    for (idx, raw) in lines.iter().enumerate() {
        let line_start = offset;
        offset += raw.len() + 1;
        let Some(hash) = comment_start(raw) else {
            continue;
        };
        let comment = &raw[hash + 1..];
        let trimmed = comment.trim_start();
        let lead = comment.len() - trimmed.len();
        let (scope, rest, kw_len) =
            if let Some(r) = trimmed.strip_prefix("planlint-disable-next-line") {
                let target = lines
                    .iter()
                    .enumerate()
                    .skip(idx + 1)
                    .find(|(_, l)| {
                        let t = l.trim();
                        !t.is_empty() && !t.starts_with('#')
                    })
                    .map_or(idx + 2, |(i, _)| i + 1);
                (Scope::Line(target), r, "planlint-disable-next-line".len())
            } else if let Some(r) = trimmed.strip_prefix("planlint-disable-line") {
                (Scope::Line(idx + 1), r, "planlint-disable-line".len())
            } else if let Some(r) = trimmed.strip_prefix("planlint-disable-file") {
                (Scope::File, r, "planlint-disable-file".len())
            } else {
                continue;
            };
        // `rest` must start with white space or be empty: `planlint-disable-lines` is no keyword.
        if rest.chars().next().is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        // The rule list ends at the reason (` -- why`) or at another comment (`# ...`).
        let end = [rest.find(" --"), rest.find('#')]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(rest.len());
        let list = &rest[..end];
        let list_start = line_start + hash + 1 + lead + kw_len;
        let mut selectors = Vec::new();
        let mut pos = 0;
        for part in list.split(|c: char| c == ',' || c.is_whitespace()) {
            let here = pos;
            pos += part.len() + 1;
            if part.is_empty() {
                continue;
            }
            selectors.push(Selector {
                text: part.to_string(),
                span: Span::new(list_start + here, part.len()),
                used: false,
            });
        }
        if selectors.is_empty() {
            // A bare keyword names nothing; report it so that it is fixed, not trusted.
            selectors.push(Selector {
                text: String::new(),
                span: Span::new(line_start + hash, raw.len() - hash),
                used: false,
            });
        }
        out.push(Suppression {
            scope,
            selectors,
            line_start,
            line_len: raw.len(),
            hash,
        });
    }
    out
}

/// Removes the findings that suppression comments silence and adds a
/// `plan/unused-suppression` finding for each named rule that silenced nothing.
pub fn apply(file: &SourceFile, findings: &mut Vec<Finding>, settings: &Settings) {
    if !file.text.contains("planlint-disable") {
        return;
    }
    let mut suppressions = parse(file);
    if suppressions.is_empty() {
        return;
    }
    // Every finding's line and rule before any is silenced: whether a corrected selector
    // would silence something.
    let found: Vec<(usize, &'static str)> = findings
        .iter()
        .filter(|f| !f.is(&UNUSED))
        .map(|f| (file.line_col(f.span.offset).0, f.rule.id))
        .collect();
    findings.retain(|f| {
        if f.is(&UNUSED) {
            return true;
        }
        let line = file.line_col(f.span.offset).0;
        let mut silenced = false;
        for s in suppressions.iter_mut() {
            let applies = match s.scope {
                Scope::File => true,
                Scope::Line(l) => l == line,
            };
            if !applies {
                continue;
            }
            for sel in s.selectors.iter_mut() {
                if !sel.text.is_empty() && selector_matches(&sel.text, f.rule.id) {
                    sel.used = true;
                    silenced = true;
                }
            }
        }
        !silenced
    });
    for s in &suppressions {
        for (i, sel) in s.selectors.iter().enumerate().filter(|(_, s)| !s.used) {
            let remove = Place {
                span: s.removal(file, i),
                path: String::new(),
            };
            let place = Place {
                span: sel.span,
                path: String::new(),
            };
            if sel.text.is_empty() {
                findings.push(
                    Finding::new(
                        &UNUSED,
                        place,
                        Message::new("plan-suppression-no-rule"),
                        Message::new("plan-suppression-no-rule.label"),
                    )
                    .help(Message::new("plan-suppression-no-rule.help")),
                );
                continue;
            }
            let rules: Vec<_> = settings
                .registry
                .iter()
                .filter(|r| selector_matches(&sel.text, r.id))
                .collect();
            if rules.is_empty() {
                let suggestion = settings.registry.suggest_selector(&sel.text);
                let help = match &suggestion {
                    Some(n) => Message::new("plan-did-you-mean").text("suggestion", n.clone()),
                    None => Message::new("plan-suppression-list-rules"),
                };
                let finding = Finding::new(
                    &UNUSED,
                    place.clone(),
                    Message::new("plan-suppression-unknown").text("selector", sel.text.clone()),
                    Message::new("plan-suppression-unknown.label"),
                )
                .help(help);
                // The rule meant silences findings once named: offered, not applied. A
                // selector that would silence nothing even if corrected is removed.
                let would_silence = suggestion.as_deref().is_some_and(|n| {
                    found.iter().any(|(line, rule)| {
                        selector_matches(n, rule)
                            && match s.scope {
                                Scope::File => true,
                                Scope::Line(l) => l == *line,
                            }
                    })
                });
                findings.push(match suggestion {
                    Some(n) if would_silence => finding.fix(
                        Fix::unsafe_(
                            Message::new("fix-replace-selector")
                                .text("selector", crate::model::value::shorten(&sel.text))
                                .text("suggestion", n.clone()),
                        )
                        .replace(place, n),
                    ),
                    _ => finding.fix(
                        Fix::safe(
                            Message::new("fix-remove-suppression")
                                .text("selector", crate::model::value::shorten(&sel.text)),
                        )
                        .replace(remove, ""),
                    ),
                });
                continue;
            }
            // A rule that is off cannot fire, so its suppression is not stale.
            if rules.iter().all(|r| settings.severity_of(r).is_none()) {
                continue;
            }
            findings.push(
                Finding::new(
                    &UNUSED,
                    place,
                    Message::new("plan-suppression-unused").text("selector", sel.text.clone()),
                    Message::new("plan-suppression-unused.label"),
                )
                .help(Message::new("plan-suppression-unused.help"))
                .fix(
                    Fix::safe(
                        Message::new("fix-remove-suppression")
                            .text("selector", crate::model::value::shorten(&sel.text)),
                    )
                    .replace(remove, ""),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_comments_outside_quotes() {
        assert_eq!(comment_start("a: 1 # x"), Some(5));
        assert_eq!(comment_start("a: \"x # y\" # z"), Some(11));
        assert_eq!(comment_start("a: b#c"), None);
        assert_eq!(comment_start("# top"), Some(0));
        assert_eq!(comment_start(" # top"), Some(1));
    }

    #[test]
    fn removing_an_unused_selector_keeps_the_rest_of_the_line() {
        let text = "a: 1 # planlint-disable-line x/y, z/ -- pilot\r\n  # planlint-disable-next-line q/r\nb: 2 # planlint-disable-line q/r\n";
        let f = SourceFile::new("t", text.to_string());
        let s = parse(&f);
        let cut = |k: usize, i: usize| {
            let span = s[k].removal(&f, i);
            format!("{}{}", &text[..span.offset], &text[span.end()..])
        };
        assert!(cut(0, 0).starts_with("a: 1 # planlint-disable-line z/ -- pilot\r\n"));
        assert!(cut(0, 1).starts_with("a: 1 # planlint-disable-line x/y -- pilot\r\n"));
        assert!(cut(1, 0).ends_with("-- pilot\r\nb: 2 # planlint-disable-line q/r\n"));
        assert!(cut(2, 0).ends_with("q/r\nb: 2\n"), "{}", cut(2, 0));
        let text = "a: 1   # planlint-disable-line x/y   # a note\n";
        let f = SourceFile::new("t", text.to_string());
        let span = parse(&f)[0].removal(&f, 0);
        assert_eq!(
            format!("{}{}", &text[..span.offset], &text[span.end()..]),
            "a: 1   # a note\n"
        );
    }

    #[test]
    fn parses_kinds_and_reasons() {
        let f = SourceFile::new(
            "t",
            "a: 1 # planlint-disable-line x/y, z/ -- pilot only\n# planlint-disable-next-line q/r\n\nb: 2\n".to_string(),
        );
        let s = parse(&f);
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].scope, Scope::Line(1));
        let names: Vec<_> = s[0].selectors.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(names, ["x/y", "z/"]);
        assert_eq!(f.slice(s[0].selectors[1].span), "z/");
        assert_eq!(s[1].scope, Scope::Line(4));
    }
}
