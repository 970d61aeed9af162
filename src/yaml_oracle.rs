//! The YAML step as it was before issue 15: serde-saphyr deserializing `Spanned<RawNode>`,
//! then `convert`. Kept only as the oracle of the differential tests in `yaml.rs`: the
//! tree built from granit-parser's events must be this one, spans included.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use serde_saphyr::options::{DuplicateKeyPolicy, MergeKeyPolicy, NonFiniteFloatPolicy};

use super::{
    Entry, Limits, Node, NodeKind, ParseError, SyntaxProblem, full_width_colon, tab_error,
};
use crate::source::{SourceFile, Span};

pub fn parse(file: &SourceFile, limits: &Limits) -> Result<Vec<Node>, ParseError> {
    match serde_saphyr::from_multiple_with_options::<Spanned<RawNode>>(
        &file.text,
        options(limits, MergeKeyPolicy::Merge),
    ) {
        Ok(docs) => Ok(docs.into_iter().map(|d| convert(d, file)).collect()),
        Err(err) => Err(parse_error(&err, file, limits)),
    }
}

/// The parser's options: every budget of serde-saphyr is tied to one key of `[limits]`,
/// so that each limit a file can hit is named in its finding and can be raised.
fn options(limits: &Limits, merge_keys: MergeKeyPolicy) -> serde_saphyr::Options {
    let depth = limits.max_depth.min(Limits::DEPTH_CEILING);
    let bytes = usize::try_from(limits.max_file_size).unwrap_or(usize::MAX);
    let budget = serde_saphyr::budget! {
        max_depth: depth,
        flow_nesting_limit: depth,
        max_nodes: limits.max_nodes,
        // Every node is at most two events (start and end), every alias one more.
        max_events: limits
            .max_nodes
            .saturating_mul(2)
            .saturating_add(limits.max_alias_events)
            .saturating_add(limits.max_documents.saturating_mul(2))
            .saturating_add(16),
        // An anchor and a merge key each sit on a node.
        max_anchors: limits.max_nodes,
        max_merge_keys: limits.max_nodes,
        max_aliases: limits.max_alias_events,
        max_recorded_anchor_events: limits.max_alias_events,
        // Without aliases, scalars cannot hold more text than the file.
        max_total_scalar_bytes: bytes,
        max_recorded_anchor_bytes: bytes,
        max_documents: limits.max_documents,
        // A heuristic that no limit could raise; the replay limits bound the cost.
        enforce_alias_anchor_ratio: false,
    };
    let alias_limits = serde_saphyr::alias_limits! {
        max_total_replayed_events: limits.max_alias_events,
        max_replay_stack_depth: depth,
    };
    serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        merge_keys: merge_keys,
        // `.inf`, `.nan` and `1e999` reach the loader, which reports them at the value.
        non_finite_float_policy: NonFiniteFloatPolicy::PassThrough,
        budget: budget,
        alias_limits: alias_limits,
    }
}

/// The limit an error reports, if it is a limit rather than a syntax error: the key of
/// `[limits]` that raises it, its value, and what was exceeded, in words.
fn limit_of(
    err: &serde_saphyr::Error,
    limits: &Limits,
) -> Option<(&'static str, u64, &'static str, u64)> {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    let depth_n = limits.max_depth as u64;
    let depth = || Some(("max_depth", depth_n, "depth", depth_n));
    let nodes_n = limits.max_nodes as u64;
    let nodes = |what| Some(("max_nodes", nodes_n, what, nodes_n));
    let alias_n = limits.max_alias_events as u64;
    let aliases = |what| Some(("max_alias_events", alias_n, what, alias_n));
    let bytes = || {
        Some((
            "max_file_size",
            limits.max_file_size,
            "bytes",
            limits.max_file_size,
        ))
    };
    match inner_error(err) {
        E::Budget { breach, .. } => match breach {
            B::Depth { .. } | B::InclusionDepth { .. } => depth(),
            B::Nodes { .. } | B::Events { .. } => nodes("nodes"),
            B::Anchors { .. } => nodes("anchors"),
            B::MergeKeys { .. } => nodes("merge-keys"),
            B::Aliases { .. } | B::AliasAnchorRatio { .. } => aliases("aliases"),
            B::RecordedAnchorEvents { .. } => aliases("anchor-events"),
            B::ScalarBytes { .. } | B::RecordedAnchorBytes { .. } | B::InputBytes { .. } => bytes(),
            B::Documents { .. } => Some((
                "max_documents",
                limits.max_documents as u64,
                "documents",
                limits.max_documents as u64,
            )),
            // A budget this build does not configure (comments, properties): no key of
            // `[limits]` raises it, so it is reported as unreadable YAML.
            _ => None,
        },
        E::AliasReplayStackDepthExceeded { .. } => {
            Some(("max_depth", depth_n, "alias-depth", depth_n))
        }
        E::AliasReplayLimitExceeded { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasExpansionLimitExceeded { .. } => aliases("alias-expansion"),
        // The scanner's own guard against deep flow nesting (`[[[[...`).
        other if other.to_string().contains("recursion limit exceeded") => depth(),
        _ => None,
    }
}

/// The error inside the wrappers that add snippets and alias locations.
fn inner_error(err: &serde_saphyr::Error) -> &serde_saphyr::Error {
    use serde_saphyr::Error as E;
    let mut inner = err;
    while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = inner {
        inner = error;
    }
    inner
}

fn parse_error(err: &serde_saphyr::Error, file: &SourceFile, limits: &Limits) -> ParseError {
    let span = error_span(err, file);
    if let Some((limit, value, what, n)) = limit_of(err, limits) {
        return ParseError::Limit {
            span,
            limit,
            value,
            what,
            n,
        };
    }
    let (span, problem) = match inner_error(err) {
        serde_saphyr::Error::Budget { .. } => (span, SyntaxProblem::TooCostly),
        serde_saphyr::Error::MergeValueNotMapOrSeqOfMaps { .. } => bad_merge(file, limits)
            .unwrap_or((
                span,
                SyntaxProblem::Merge {
                    found: None,
                    in_list: false,
                },
            )),
        _ => {
            let message = strip_position(&err.without_snippet().to_string());
            let mentions_tab = message
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.eq_ignore_ascii_case("tab") || w.eq_ignore_ascii_case("tabs"));
            if mentions_tab {
                tab_error(file, span, message)
            } else {
                match full_width_colon(file, span) {
                    Some(colon) => (colon, SyntaxProblem::FullWidthColon),
                    None => (span, SyntaxProblem::Parser(message)),
                }
            }
        }
    };
    ParseError::Syntax { span, problem }
}

/// The merge key `<<` whose value is not a mapping or a list of mappings, found by
/// reading the file again with `<<` as an ordinary key: the error serde-saphyr gives
/// points into the anchor the value came from, not at the `<<` that uses it.
fn bad_merge(file: &SourceFile, limits: &Limits) -> Option<(Span, SyntaxProblem)> {
    let docs = serde_saphyr::from_multiple_with_options::<Spanned<RawNode>>(
        &file.text,
        options(limits, MergeKeyPolicy::AsOrdinary),
    )
    .ok()?;
    docs.into_iter()
        .find_map(|d| first_bad_merge(&convert(d, file)))
}

fn first_bad_merge(node: &Node) -> Option<(Span, SyntaxProblem)> {
    match &node.kind {
        NodeKind::Map(entries) => entries.iter().find_map(|e| {
            if e.key == "<<" && e.complex_key.is_none() {
                let bad = match &e.value.kind {
                    NodeKind::Map(_) => None,
                    NodeKind::Seq(items) => items
                        .iter()
                        .find(|i| !matches!(i.kind, NodeKind::Map(_)))
                        .map(|i| (i.span, i.kind_word(), true)),
                    _ => Some((e.value.span, e.value.kind_word(), false)),
                };
                if let Some((span, found, in_list)) = bad {
                    return Some((
                        span,
                        SyntaxProblem::Merge {
                            found: Some(found),
                            in_list,
                        },
                    ));
                }
            }
            first_bad_merge(&e.value)
        }),
        NodeKind::Seq(items) => items.iter().find_map(first_bad_merge),
        _ => None,
    }
}

fn error_span(err: &serde_saphyr::Error, file: &SourceFile) -> Span {
    match err.location() {
        Some(loc) if loc.line() > 0 => {
            let s = loc.span();
            match (s.byte_offset(), s.byte_len()) {
                (Some(o), Some(l)) if (o as usize) <= file.text.len() => {
                    Span::new(o as usize, l as usize)
                }
                _ => {
                    let offset = file.offset_of(loc.line() as usize, loc.column() as usize);
                    let len = file.text[offset..].chars().next().map_or(0, char::len_utf8);
                    Span::new(offset, len)
                }
            }
        }
        _ => Span::new(0, 0),
    }
}

/// serde-saphyr writes the position into its messages ("error: line L column C: ...",
/// "... at line L, column C"); our report shows the position itself, once.
fn strip_position(text: &str) -> String {
    let first = text.lines().next().unwrap_or(text);
    let mut t = first.strip_prefix("error: ").unwrap_or(first);
    if let Some(rest) = t.strip_prefix("line ")
        && let Some(idx) = rest.find(": ")
        && rest[..idx].contains("column")
    {
        t = &rest[idx + 2..];
    }
    if let Some(idx) = t.rfind(" at line ")
        && let Some((line, column)) = t[idx + " at line ".len()..].split_once(", column ")
        && !line.is_empty()
        && line.bytes().all(|b| b.is_ascii_digit())
        && !column.is_empty()
        && column.bytes().all(|b| b.is_ascii_digit())
    {
        t = &t[..idx];
    }
    t.to_string()
}

fn span_of<T>(s: &Spanned<T>, file: &SourceFile) -> Span {
    let sp = s.referenced.span();
    match (sp.byte_offset(), sp.byte_len()) {
        (Some(o), Some(l)) if (o as usize) <= file.text.len() => Span::new(o as usize, l as usize),
        _ => {
            let line = s.referenced.line() as usize;
            if line == 0 {
                return Span::new(0, 0);
            }
            Span::new(file.offset_of(line, s.referenced.column() as usize), 0)
        }
    }
}

fn convert(raw: Spanned<RawNode>, file: &SourceFile) -> Node {
    let span = span_of(&raw, file);
    let kind = match raw.value {
        RawNode::Null => NodeKind::Null,
        RawNode::Bool(b) => NodeKind::Bool(b),
        RawNode::Int(i) => NodeKind::Int(i),
        RawNode::Float(f) => NodeKind::Float(f),
        RawNode::Str(s) => NodeKind::Str(s),
        RawNode::Seq(items) => NodeKind::Seq(items.into_iter().map(|n| convert(n, file)).collect()),
        RawNode::Map(entries) => NodeKind::Map(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key_span = span_of(&k, file);
                    let (key, complex_key) = match convert(k, file) {
                        Node {
                            kind: NodeKind::Str(s),
                            ..
                        } => (s, None),
                        Node {
                            kind: kind @ (NodeKind::Seq(_) | NodeKind::Map(_)),
                            span,
                        } => (String::new(), Some(Node { kind, span }.kind_word())),
                        Node {
                            kind: NodeKind::Null,
                            span,
                        } => {
                            // `~: x` and `null: x` are keys as written; `? ` alone is none.
                            let raw = file.slice(span).trim();
                            if raw.is_empty() {
                                (String::new(), Some("empty-key"))
                            } else {
                                (raw.to_string(), None)
                            }
                        }
                        other => (other.scalar_text(file).unwrap_or_default(), None),
                    };
                    Entry {
                        key,
                        complex_key,
                        key_span,
                        value: convert(v, file),
                    }
                })
                .collect(),
        ),
    };
    Node { span, kind }
}

/// The shape serde-saphyr deserializes into; converted to `Node` with byte spans.
enum RawNode {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<RawNode>>),
    Map(Vec<(Spanned<RawNode>, Spanned<RawNode>)>),
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = RawNode;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_none<E>(self) -> Result<RawNode, E> {
        Ok(RawNode::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<RawNode, D::Error> {
        RawNode::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
        Ok(RawNode::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
        Ok(RawNode::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }
    fn visit_i128<E>(self, v: i128) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }
    fn visit_u128<E>(self, v: u128) -> Result<RawNode, E> {
        Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
        Ok(RawNode::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
        Ok(RawNode::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
        Ok(RawNode::Str(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<RawNode, E> {
        Ok(RawNode::Str(String::from_utf8_lossy(v).into_owned()))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Spanned<RawNode>>()? {
            items.push(item);
        }
        Ok(RawNode::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key::<Spanned<RawNode>>()? {
            let value = map.next_value::<Spanned<RawNode>>()?;
            entries.push((key, value));
        }
        Ok(RawNode::Map(entries))
    }
}
