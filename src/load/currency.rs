//! The plan's currency when it states none: the one that every amount naming a
//! currency names. A plan whose amounts name none, or several, has no currency the
//! rules could trust; `plan/missing-currency` says so once, and the money rules do not
//! run, rather than judging a USD plan by CNY thresholds and reporting dozens of
//! findings for one missing line.

use crate::i18n::Message;
use crate::lint::Finding;
use crate::model::Place;
use crate::model::value::parse_money;
use crate::source::Span;
use crate::yaml::{Node, NodeKind};

/// Infers the currency of a document that has no `currency` key, pushing the finding
/// that says what was decided.
pub fn infer(root: &Node, findings: &mut Vec<Finding>) -> Option<String> {
    // Each currency named, with the first amount that names it, in document order.
    let mut named: Vec<(&'static str, Span)> = Vec::new();
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &node.kind {
            NodeKind::Str(s) => {
                if let Ok(m) = parse_money(s)
                    && let Some(c) = m.currency
                {
                    match named.iter_mut().find(|(n, _)| *n == c) {
                        Some((_, span)) if node.span.offset < span.offset => *span = node.span,
                        Some(_) => {}
                        None => named.push((c, node.span)),
                    }
                }
            }
            NodeKind::Seq(items) => stack.extend(items.iter().rev()),
            NodeKind::Map(entries) => stack.extend(entries.iter().rev().map(|e| &e.value)),
            _ => {}
        }
    }
    named.sort_by_key(|(_, span)| span.offset);
    let top = Place {
        span: root.first_key_span(),
        path: String::new(),
    };
    match named.as_slice() {
        [(code, span)] => {
            findings.push(
                Finding::new(
                    &crate::rules::plan::INFERRED_CURRENCY,
                    Place {
                        span: *span,
                        path: String::new(),
                    },
                    Message::new("plan-inferred-currency").text("code", *code),
                    Message::new("plan-inferred-currency.label").text("code", *code),
                )
                .help(Message::new("plan-inferred-currency.help").text("code", *code)),
            );
            Some((*code).to_string())
        }
        [] => {
            findings.push(
                Finding::new(
                    &crate::rules::plan::MISSING_CURRENCY,
                    top,
                    Message::new("plan-missing-currency"),
                    Message::new("plan-missing-currency.label"),
                )
                .help(Message::new("plan-missing-currency.help")),
            );
            None
        }
        several => {
            let codes: Vec<&str> = several.iter().map(|(c, _)| *c).collect();
            let mut finding = Finding::new(
                &crate::rules::plan::MISSING_CURRENCY,
                top,
                Message::new("plan-several-currencies").text("codes", codes.join(", ")),
                Message::new("plan-missing-currency.label"),
            )
            .help(
                Message::new("plan-several-currencies.help")
                    .text("code", codes.first().copied().unwrap_or_default()),
            );
            for (code, span) in several {
                finding = finding.label(
                    Place {
                        span: *span,
                        path: String::new(),
                    },
                    Message::new("plan-inferred-currency.label").text("code", *code),
                );
            }
            findings.push(finding);
            None
        }
    }
}
