//! YAML text -> a tree of spanned nodes, through serde-saphyr.
//!
//! serde-saphyr gives every node its byte-exact span, expands anchors, aliases and merge
//! keys under alias limits, and (with `DuplicateKeyPolicy::PassThrough`) hands repeated
//! keys to us so that `plan/duplicate-key` can label both places.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use serde_saphyr::options::{DuplicateKeyPolicy, MergeKeyPolicy, NonFiniteFloatPolicy};

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
    /// For a key that is not a scalar (`? [a, b]`, `? {x: 1}`) or is empty, what it is
    /// (a kind word of `plan-found`: `list`, `mapping`, `empty-key`); its `key` is then
    /// empty and means nothing.
    pub complex_key: Option<&'static str>,
    pub key_span: Span,
    pub value: Node,
}

impl Node {
    /// The span of a mapping's first key, "the first line" of a plan; the start of any
    /// other node. Where findings about the whole document point.
    pub fn first_key_span(&self) -> Span {
        match &self.kind {
            NodeKind::Map(entries) => entries
                .iter()
                .map(|e| e.key_span)
                .min_by_key(|s| s.offset)
                .unwrap_or(Span::new(self.span.offset, 0)),
            _ => Span::new(self.span.offset, 0),
        }
    }

    /// What kind of YAML value this is, as the message files name it (`plan-found`:
    /// "expected money, found a list").
    pub fn kind_word(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "empty",
            NodeKind::Bool(_) => "bool",
            NodeKind::Int(_) | NodeKind::Float(_) => "number",
            NodeKind::Str(_) => "text",
            NodeKind::Seq(_) => "list",
            NodeKind::Map(_) => "mapping",
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
                        NodeKind::Float(f) => float_text(f),
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

/// A float as YAML writes it: `.nan`, `.inf`, `1e300` rather than `NaN`, `inf` or 301
/// digits.
fn float_text(f: f64) -> String {
    if f.is_nan() {
        ".nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { ".inf" } else { "-.inf" }.to_string()
    } else if f == 0.0 || (1e-6..1e15).contains(&f.abs()) {
        f.to_string()
    } else {
        format!("{f:e}")
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
    /// Events replayed by aliases in one file (what an alias bomb multiplies); also
    /// the number of aliases and of events recorded by anchors.
    pub max_alias_events: usize,
    /// YAML documents (separated by `---`) in one file.
    pub max_documents: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_size: 10 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 250_000,
            max_alias_events: 100_000,
            max_documents: 1_024,
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
    Syntax { span: Span, problem: SyntaxProblem },
    /// A safety limit was hit; `limit` is its name in `[limits]`, `what` says what was
    /// exceeded (a variant of `plan-limit`), beyond `n`.
    Limit {
        span: Span,
        limit: &'static str,
        value: u64,
        what: &'static str,
        n: u64,
    },
}

/// What is wrong with the YAML, as data: worded by `plan-syntax-detail`.
#[derive(Debug, Clone, PartialEq)]
pub enum SyntaxProblem {
    /// The parser's own words (English), positions taken out.
    Parser(String),
    /// A budget no key of `[limits]` raises.
    TooCostly,
    /// A merge key whose value is not a mapping or a list of mappings, with what it is
    /// (a kind word) and whether that is an item of a list.
    Merge {
        found: Option<&'static str>,
        in_list: bool,
    },
    /// A tab indents a line.
    Tab,
    /// A full-width colon where a key's `:` belongs.
    FullWidthColon,
}

impl SyntaxProblem {
    /// Message `id` with the arguments `plan-syntax-detail` and `plan-syntax.help` read.
    pub fn message(&self, id: &'static str) -> crate::i18n::Message {
        use crate::model::value::{Shown, with_found};
        let (problem, found) = match self {
            SyntaxProblem::Parser(_) => ("parser", "text"),
            SyntaxProblem::TooCostly => ("too-costly", "text"),
            SyntaxProblem::Merge { found: None, .. } => ("merge", "text"),
            SyntaxProblem::Merge {
                found: Some(k),
                in_list: false,
            } => ("merge-found", *k),
            SyntaxProblem::Merge {
                found: Some(k),
                in_list: true,
            } => ("merge-in-list", *k),
            SyntaxProblem::Tab => ("tab", "text"),
            SyntaxProblem::FullWidthColon => ("full-width-colon", "text"),
        };
        let detail = match self {
            SyntaxProblem::Parser(d) => d.as_str(),
            _ => "",
        };
        with_found(crate::i18n::Message::new(id), &Shown::Kind(found))
            .text("problem", problem)
            .text("detail", detail)
            .text("tab", if self.mentions_tab() { "yes" } else { "no" })
    }

    /// True when the problem is a tab (or the parser's words say so).
    pub fn mentions_tab(&self) -> bool {
        match self {
            SyntaxProblem::Tab => true,
            SyntaxProblem::Parser(d) => d.contains("tab"),
            _ => false,
        }
    }
}

/// Parses every document in `file`. An empty file or one holding only comments has no
/// documents.
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

/// A tab YAML refuses: the finding points at the tab itself, the first one that indents
/// a line at or after where the parser stopped (the parser often stops at the end of the
/// line before).
fn tab_error(file: &SourceFile, span: Span, message: String) -> (Span, SyntaxProblem) {
    let text = &file.text;
    let from = file.line_start_of(span.offset.min(text.len()));
    let indenting_tab = |start: usize| -> Option<usize> {
        let line = &text[start..];
        let line = &line[..line.find('\n').unwrap_or(line.len())];
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let content = line[indent..].trim_end_matches('\r');
        if content.is_empty() {
            return None;
        }
        line[..indent].find('\t').map(|i| start + i)
    };
    let mut start = from;
    loop {
        if let Some(tab) = indenting_tab(start) {
            return (Span::new(tab, 1), SyntaxProblem::Tab);
        }
        match text[start..].find('\n') {
            Some(nl) => start += nl + 1,
            None => break,
        }
    }
    // No tab indents a line from there on: the first tab on the line where it stopped.
    let line_end = text[from..].find('\n').map_or(text.len(), |i| from + i);
    match text[from..line_end].find('\t') {
        Some(i) => (Span::new(from + i, 1), SyntaxProblem::Parser(message)),
        None => (span, SyntaxProblem::Parser(message)),
    }
}

/// A full-width colon written where a key's `:` belongs (`acv：84000`), on the line where
/// the parser stopped or in the run of key-less lines just above it (which the parser read
/// as one long text): the earliest such colon.
fn full_width_colon(file: &SourceFile, span: Span) -> Option<Span> {
    let text = &file.text;
    let mut start = file.line_start_of(span.offset.min(text.len()));
    let mut found = None;
    let mut first = true;
    loop {
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[start..end];
        let content = line.trim_start_matches([' ', '\t']);
        let content = content.trim_start_matches(['-', ' ']);
        let has_key = content.contains(": ") || content.trim_end().ends_with(':');
        if !first && has_key {
            break;
        }
        if !content.starts_with('#')
            && let Some(i) = content.find('：')
            && !content[..i].trim().is_empty()
            && !content[..i].contains([':', '#', '"', '\'', '{', '[', ','])
        {
            let offset = end - line.len() + (line.len() - content.len()) + i;
            found = Some(Span::new(offset, '：'.len_utf8()));
        }
        first = false;
        if start == 0 {
            break;
        }
        start = file.line_start_of(start - 1);
    }
    found
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
        let Err(ParseError::Syntax {
            span,
            problem: SyntaxProblem::Parser(message),
        }) = parse(&f, &Limits::default())
        else {
            panic!("not a syntax error from the parser")
        };
        assert_eq!(f.line_col(span.offset).0, 3);
        assert!(!message.starts_with("error:"), "{message}");
    }

    #[test]
    fn positions_are_taken_out_of_messages() {
        assert_eq!(
            strip_position("error: line 3 column 6: mapping values are not allowed"),
            "mapping values are not allowed"
        );
        assert_eq!(
            strip_position("found a tab at line 2, column 8"),
            "found a tab"
        );
        assert_eq!(strip_position("at line x, column 1"), "at line x, column 1");
    }

    #[test]
    fn aliased_floats_read_as_yaml_writes_them() {
        assert_eq!(float_text(f64::NAN), ".nan");
        assert_eq!(float_text(f64::NEG_INFINITY), "-.inf");
        assert_eq!(float_text(1e300), "1e300");
        assert_eq!(float_text(1.5), "1.5");
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
