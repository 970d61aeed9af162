//! YAML text -> a tree of spanned nodes, through serde-saphyr.
//!
//! serde-saphyr gives every node its byte-exact span, expands anchors, aliases and merge
//! keys under alias limits, and (with `DuplicateKeyPolicy::PassThrough`) hands repeated
//! keys to us so that `plan/duplicate-key` can label both places.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use serde_saphyr::options::DuplicateKeyPolicy;

use crate::source::{SourceFile, Span};

/// A YAML node with the span of the place it is written (for an alias, the alias itself).
#[derive(Debug, Clone)]
pub struct Node {
    pub span: Span,
    pub kind: NodeKind,
}

#[derive(Debug, Clone)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<Entry>),
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub key: String,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    /// What kind of YAML value this is, for messages ("expected money, found a list").
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "an empty value",
            NodeKind::Bool(_) => "a boolean",
            NodeKind::Int(_) | NodeKind::Float(_) => "a number",
            NodeKind::Str(_) => "text",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }

    /// The scalar as text: strings as they are, numbers and booleans as written in the
    /// file (so `period: 2025` and `version: 1.50` keep their spelling).
    pub fn scalar_text(&self, file: &SourceFile) -> Option<String> {
        match &self.kind {
            NodeKind::Str(s) => Some(s.clone()),
            NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_) => {
                let raw = file.slice(self.span).trim();
                // An alias points at `*name`, not at the number; fall back to its value.
                if raw.starts_with('*') || raw.is_empty() {
                    Some(match self.kind {
                        NodeKind::Int(i) => i.to_string(),
                        NodeKind::Float(f) => f.to_string(),
                        NodeKind::Bool(b) => b.to_string(),
                        _ => String::new(),
                    })
                } else {
                    Some(raw.to_string())
                }
            }
            _ => None,
        }
    }
}

/// Safety limits on what one plan file may cost to read. Real plans are a few kilobytes
/// and a few levels deep; these stop hostile files (alias bombs, deep nesting, huge
/// inputs) long before they cost time or memory.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of one file.
    pub max_file_size: u64,
    /// Nesting depth of mappings and lists.
    pub max_depth: usize,
    /// YAML nodes in one file (after alias expansion).
    pub max_nodes: usize,
    /// Events replayed by aliases in one file (what an alias bomb multiplies).
    pub max_alias_events: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_size: 10 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 250_000,
            max_alias_events: 100_000,
        }
    }
}

impl Limits {
    /// The highest nesting depth that can be configured: the tree is built recursively,
    /// and this keeps it far from the end of a thread's stack.
    pub const DEPTH_CEILING: usize = 512;
}

/// Why a file could not be read as YAML.
#[derive(Debug, Clone)]
pub enum ParseError {
    /// Not valid YAML, positioned where the parser stopped.
    Syntax { span: Span, message: String },
    /// A safety limit was hit; `limit` is its name in `[limits]`.
    Limit {
        span: Span,
        limit: &'static str,
        value: u64,
        message: String,
    },
}

/// Parses every document in `file`. An empty file or one holding only comments has no
/// documents.
pub fn parse(file: &SourceFile, limits: &Limits) -> Result<Vec<Node>, ParseError> {
    let depth = limits.max_depth.min(Limits::DEPTH_CEILING);
    let budget = serde_saphyr::budget! {
        max_depth: depth,
        flow_nesting_limit: depth,
        max_nodes: limits.max_nodes,
        // Scalars cannot hold more text than the file (aliases are limited on their own).
        max_total_scalar_bytes: usize::try_from(limits.max_file_size).unwrap_or(usize::MAX),
    };
    let alias_limits = serde_saphyr::alias_limits! {
        max_total_replayed_events: limits.max_alias_events,
    };
    let options = serde_saphyr::options! {
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        budget: budget,
        alias_limits: alias_limits,
    };
    match serde_saphyr::from_multiple_with_options::<Spanned<RawNode>>(&file.text, options) {
        Ok(docs) => Ok(docs.into_iter().map(|d| convert(d, file)).collect()),
        Err(err) => Err(parse_error(&err, file, limits)),
    }
}

/// The limit an error reports, if it is a limit rather than a syntax error.
fn limit_of(err: &serde_saphyr::Error, limits: &Limits) -> Option<(&'static str, u64, String)> {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    // Look through the wrappers that add snippets and alias locations.
    let mut inner = err;
    while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = inner {
        inner = error;
    }
    match inner {
        E::Budget { breach, .. } => match breach {
            B::Depth { .. } => Some((
                "max_depth",
                limits.max_depth as u64,
                format!("the plan nests deeper than {} levels", limits.max_depth),
            )),
            B::Nodes { .. } | B::Events { .. } => Some((
                "max_nodes",
                limits.max_nodes as u64,
                format!("the plan has more than {} YAML nodes", limits.max_nodes),
            )),
            B::Aliases { .. } | B::Anchors { .. } | B::MergeKeys { .. } => Some((
                "max_alias_events",
                limits.max_alias_events as u64,
                "the plan uses more aliases, anchors or merge keys than a plan needs".to_string(),
            )),
            other => Some((
                "max_file_size",
                limits.max_file_size,
                format!("the plan exceeds a parser budget ({other:?})"),
            )),
        },
        E::AliasReplayLimitExceeded { .. }
        | E::AliasReplayCounterOverflow { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. } => Some((
            "max_alias_events",
            limits.max_alias_events as u64,
            format!(
                "aliases expand to more than {} YAML events (an alias bomb?)",
                limits.max_alias_events
            ),
        )),
        // The scanner's own guard against deep flow nesting (`[[[[...`).
        other if other.to_string().contains("recursion limit exceeded") => Some((
            "max_depth",
            limits.max_depth as u64,
            format!("the plan nests deeper than {} levels", limits.max_depth),
        )),
        _ => None,
    }
}

fn parse_error(err: &serde_saphyr::Error, file: &SourceFile, limits: &Limits) -> ParseError {
    let span = error_span(err, file);
    if let Some((limit, value, message)) = limit_of(err, limits) {
        return ParseError::Limit {
            span,
            limit,
            value,
            message,
        };
    }
    let text = err.without_snippet().to_string();
    ParseError::Syntax {
        span,
        message: strip_position_prefix(&text),
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

/// serde-saphyr prefixes messages with "error: line L column C: "; our report shows the
/// position itself.
fn strip_position_prefix(text: &str) -> String {
    let first = text.lines().next().unwrap_or(text);
    let t = first.strip_prefix("error: ").unwrap_or(first);
    if let Some(rest) = t.strip_prefix("line ")
        && let Some(idx) = rest.find(": ")
        && rest[..idx].contains("column")
    {
        return rest[idx + 2..].to_string();
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
                    let key = match convert(k, file) {
                        Node {
                            kind: NodeKind::Str(s),
                            ..
                        } => s,
                        other => other.scalar_text(file).unwrap_or_default(),
                    };
                    Entry {
                        key,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn file(t: &str) -> SourceFile {
        SourceFile::new("t.yaml", t.to_string())
    }

    #[test]
    fn keeps_byte_spans_after_chinese_text() {
        let f = file("name: 联恒\nacv: \"30万\"\n");
        let docs = parse(&f, &Limits::default()).unwrap();
        let NodeKind::Map(entries) = &docs[0].kind else {
            panic!("not a map")
        };
        assert_eq!(entries[1].key, "acv");
        assert_eq!(f.slice(entries[1].value.span), "\"30万\"");
    }

    #[test]
    fn duplicate_keys_are_kept() {
        let f = file("a: 1\na: 2\n");
        let docs = parse(&f, &Limits::default()).unwrap();
        let NodeKind::Map(entries) = &docs[0].kind else {
            panic!("not a map")
        };
        assert_eq!(entries.len(), 2);
    }

    #[test]
    fn syntax_error_has_position() {
        let f = file("a: 1\nb: [1, 2\nc: 3\n");
        let Err(ParseError::Syntax { span, message }) = parse(&f, &Limits::default()) else {
            panic!("not a syntax error")
        };
        assert_eq!(f.line_col(span.offset).0, 3);
        assert!(!message.starts_with("error:"), "{message}");
    }

    #[test]
    fn merge_keys_expand() {
        let f = file("base: &b {x: 1}\nuse:\n  <<: *b\n  y: 2\n");
        let docs = parse(&f, &Limits::default()).unwrap();
        let NodeKind::Map(entries) = &docs[0].kind else {
            panic!("not a map")
        };
        let NodeKind::Map(inner) = &entries[1].value.kind else {
            panic!("not a map")
        };
        let keys: Vec<_> = inner.iter().map(|e| e.key.as_str()).collect();
        assert!(keys.contains(&"x") && keys.contains(&"y"), "{keys:?}");
    }
}
