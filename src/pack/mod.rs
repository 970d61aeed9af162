//! Rule packs: rules a review board writes in YAML with CEL expressions, loaded at run
//! time into the registry next to the built-in ones (docs/packs.md).
//!
//! A pack is hostile input, like a plan: it is read with the plan's limits, every
//! problem is an error at its place in the pack with the fix, and its expressions are
//! compiled once, checked against the plan's types before any plan is linted, and
//! evaluated under a budget.

pub mod expr;
mod rule;
pub mod shape;
pub mod view;

use std::collections::HashMap;
use std::path::Path;
use std::sync::{LazyLock, Mutex};

use crate::i18n::Message;
use crate::lint::{Check, Registry, Rule, Severity, nearest};
use crate::source::{SourceFile, Span};
use crate::text::escape_line;
use crate::yaml::{Limits, Node, NodeKind};
use expr::CompileError;
use rule::{Interpolated, PackRule};
use shape::Seg;

/// The largest pack file planlint reads.
pub const MAX_PACK_BYTES: u64 = 1024 * 1024;
/// The most rules one pack may declare.
pub const MAX_RULES: usize = 1000;

/// A pack that cannot be used: exit 2, shown as a diagnostic into the pack file, with
/// the fix.
#[derive(Debug)]
pub struct PackError {
    /// The pack file, when the problem is inside it.
    pub file: Option<Box<SourceFile>>,
    pub span: Span,
    pub message: Message,
    pub help: Message,
}

impl PackError {
    fn at(file: &SourceFile, span: Span, message: Message, help: Message) -> Self {
        Self {
            file: Some(Box::new(file.clone())),
            span,
            message,
            help,
        }
    }
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(file) = &self.file {
            let at = file.location(self.span);
            write!(f, "{}:{}:{}: ", escape_line(&file.name), at.line, at.column)?;
        }
        f.write_str(&self.message.render(crate::i18n::Lang::En))
    }
}

impl std::error::Error for PackError {}

/// One example of a rule, for `planlint pack test`.
#[derive(Clone, Debug)]
pub struct Example {
    pub rule: &'static Rule,
    /// True for a `fail` example (it must produce the rule's finding).
    pub fail: bool,
    /// The YAML snippet.
    pub snippet: String,
    /// Where it is written in the pack.
    pub span: Span,
}

/// A loaded pack.
#[derive(Clone, Debug)]
pub struct Pack {
    pub name: String,
    pub file: std::sync::Arc<SourceFile>,
    pub rules: Vec<&'static Rule>,
    pub examples: Vec<Example>,
}

/// Packs already loaded in this process, by file name and text: loading the same pack
/// again (a second command, a server re-reading an unchanged file) gives the same rules
/// rather than leaking new ones.
static LOADED: LazyLock<Mutex<HashMap<(String, String), Pack>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Reads and loads the pack at `path`, named `name` in messages, whose rules must not
/// clash with those of `registry`.
pub fn load(path: &Path, registry: &Registry) -> Result<Pack, PackError> {
    let name = crate::input::shown(path);
    let text =
        crate::input::read_small_text(path, MAX_PACK_BYTES).map_err(|problem| PackError {
            file: None,
            span: Span::default(),
            message: problem.reason(Message::new("pack-unreadable").text("path", name.clone())),
            help: Message::new("pack-unreadable.help"),
        })?;
    parse(SourceFile::new(name, text), registry)
}

/// Loads a pack from its text.
pub fn parse(file: SourceFile, registry: &Registry) -> Result<Pack, PackError> {
    let key = (file.name.clone(), file.text.clone());
    let cached = LOADED.lock().ok().and_then(|m| m.get(&key).cloned());
    let pack = match cached {
        Some(p) => p,
        None => {
            let p = Loader { file: &file }.pack()?;
            if let Ok(mut m) = LOADED.lock() {
                m.insert(key, p.clone());
            }
            p
        }
    };
    for r in &pack.rules {
        // The same pack loaded twice (named in planlint.toml and tested) is the same rules.
        if let Some(clash) = registry.find(r.id).filter(|c| !std::ptr::eq(*c, *r)) {
            let span = find_id_span(&pack.file, clash.id);
            return Err(PackError::at(
                &pack.file,
                span,
                Message::new("pack-duplicate-id").text("id", clash.id),
                Message::new("pack-duplicate-id.help"),
            ));
        }
    }
    Ok(pack)
}

/// Where a rule's id is written in its pack.
fn find_id_span(file: &SourceFile, id: &str) -> Span {
    let limits = Limits::default();
    let Ok(docs) = crate::yaml::parse(file, &limits) else {
        return Span::default();
    };
    docs.first()
        .and_then(|d| field(d, "rules"))
        .and_then(|r| match &r.value.kind {
            NodeKind::Seq(items) => items
                .iter()
                .filter_map(|i| field(i, "id"))
                .find(|e| matches!(&e.value.kind, NodeKind::Str(s) if s == id))
                .map(|e| e.value.span),
            _ => None,
        })
        .unwrap_or_default()
}

fn field<'n>(node: &'n Node, key: &str) -> Option<&'n crate::yaml::Entry> {
    match &node.kind {
        NodeKind::Map(entries) => entries.iter().find(|e| e.key == key),
        _ => None,
    }
}

const TOP_FIELDS: &[&str] = &["pack", "description", "rules"];
const RULE_FIELDS: &[&str] = &[
    "id",
    "severity",
    "summary",
    "description",
    "given",
    "when",
    "message",
    "help",
    "required",
    "examples",
];
const EXAMPLE_FIELDS: &[&str] = &["fail", "pass"];

struct Loader<'f> {
    file: &'f SourceFile,
}

impl Loader<'_> {
    fn err(&self, span: Span, message: Message, help: Message) -> PackError {
        PackError::at(self.file, span, message, help)
    }

    fn pack(&self) -> Result<Pack, PackError> {
        let limits = Limits::default();
        let docs = crate::yaml::parse(self.file, &limits).map_err(|e| match e {
            crate::yaml::ParseError::Syntax { span, problem } => self.err(
                span,
                problem.message("pack-yaml"),
                Message::new("pack-yaml.help"),
            ),
            crate::yaml::ParseError::Limit { span, limit, .. } => self.err(
                span,
                Message::new("pack-limit").text("limit", limit),
                Message::new("pack-limit.help"),
            ),
        })?;
        let Some(root) = docs.first() else {
            return Err(self.err(
                Span::default(),
                Message::new("pack-empty"),
                Message::new("pack-empty.help"),
            ));
        };
        let entries = self.mapping(root, "top")?;
        let name_entry = self.required(root, &entries, "pack", "top")?;
        let name = self.text(&name_entry.value, "pack")?;
        let name_ok = !name.is_empty()
            && name.len() <= 64
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            && !name.starts_with('-');
        if !name_ok {
            return Err(self.err(
                name_entry.value.span,
                Message::new("pack-bad-name").text("name", escape_line(&name).into_owned()),
                Message::new("pack-bad-name.help"),
            ));
        }
        if crate::rules::builtin()
            .principles()
            .contains(&name.as_str())
        {
            return Err(self.err(
                name_entry.value.span,
                Message::new("pack-builtin-name").text("name", name.clone()),
                Message::new("pack-builtin-name.help"),
            ));
        }
        let description = match entries.iter().find(|e| e.key == "description") {
            Some(e) => Some(self.text(&e.value, "description")?),
            None => None,
        };
        let rules_entry = self.required(root, &entries, "rules", "top")?;
        let NodeKind::Seq(items) = &rules_entry.value.kind else {
            return Err(self.wrong_type(&rules_entry.value, "rules", "list"));
        };
        if items.len() > MAX_RULES {
            return Err(self.err(
                rules_entry.key_span,
                Message::new("pack-too-many-rules").count("max", MAX_RULES),
                Message::new("pack-too-many-rules.help"),
            ));
        }
        let mut rules: Vec<&'static Rule> = Vec::new();
        let mut examples = Vec::new();
        for item in items {
            let (rule, ex) = self.rule(item, &name, description.as_deref())?;
            if let Some(first) = rules.iter().find(|r| r.id == rule.id) {
                let entries = self.mapping(item, "rule")?;
                let span = entries
                    .iter()
                    .find(|e| e.key == "id")
                    .map_or(item.span, |e| e.value.span);
                return Err(self.err(
                    span,
                    Message::new("pack-duplicate-id").text("id", first.id),
                    Message::new("pack-duplicate-id.help"),
                ));
            }
            examples.extend(ex.into_iter().map(|(fail, snippet, span)| Example {
                rule,
                fail,
                snippet,
                span,
            }));
            rules.push(rule);
        }
        Ok(Pack {
            name,
            file: std::sync::Arc::new(self.file.clone()),
            rules,
            examples,
        })
    }

    /// The entries of a mapping, every key known and none repeated.
    fn mapping<'n>(
        &self,
        node: &'n Node,
        what: &'static str,
    ) -> Result<Vec<&'n crate::yaml::Entry>, PackError> {
        let NodeKind::Map(entries) = &node.kind else {
            return Err(self.wrong_type(node, what, "mapping"));
        };
        let known = match what {
            "top" => TOP_FIELDS,
            "rule" => RULE_FIELDS,
            _ => EXAMPLE_FIELDS,
        };
        let mut seen: Vec<&str> = Vec::new();
        for e in entries {
            if !known.contains(&e.key.as_str()) || e.complex_key.is_some() {
                let suggestion = nearest(&e.key, known);
                return Err(self.err(
                    e.key_span,
                    Message::new("pack-unknown-field")
                        .text("field", escape_line(&e.key).into_owned())
                        .text("where", what),
                    Message::new("pack-unknown-field.help")
                        .text("suggested", if suggestion.is_some() { "yes" } else { "no" })
                        .text("suggestion", suggestion.unwrap_or_default())
                        .text("known", known.join(", ")),
                ));
            }
            if seen.contains(&e.key.as_str()) {
                return Err(self.err(
                    e.key_span,
                    Message::new("pack-duplicate-field").text("field", e.key.clone()),
                    Message::new("pack-duplicate-field.help"),
                ));
            }
            seen.push(&e.key);
        }
        Ok(entries.iter().collect())
    }

    fn required<'n>(
        &self,
        node: &Node,
        entries: &[&'n crate::yaml::Entry],
        key: &'static str,
        what: &'static str,
    ) -> Result<&'n crate::yaml::Entry, PackError> {
        entries
            .iter()
            .copied()
            .find(|e| e.key == key)
            .ok_or_else(|| {
                self.err(
                    node.first_key_span(),
                    Message::new("pack-missing-field")
                        .text("field", key)
                        .text("where", what),
                    Message::new("pack-missing-field.help").text("field", key),
                )
            })
    }

    fn wrong_type(&self, node: &Node, field: &str, expected: &'static str) -> PackError {
        self.err(
            node.span,
            Message::new("pack-wrong-type")
                .text("field", field.to_string())
                .text("expected", expected)
                .text("found", node.kind_word()),
            Message::new("pack-wrong-type.help").text("expected", expected),
        )
    }

    /// A scalar as text (numbers and booleans as written).
    fn text(&self, node: &Node, field: &str) -> Result<String, PackError> {
        match node.kind {
            NodeKind::Str(_) | NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_) => {
                Ok(node.scalar_text(self.file).unwrap_or_default())
            }
            _ => Err(self.wrong_type(node, field, "text")),
        }
    }

    /// Where byte `at` of a scalar's text is in the file: exact for plain and quoted
    /// scalars without escapes, else the scalar's start.
    fn inside(&self, node: &Node, text: &str, at: usize) -> Span {
        let raw = self.file.slice(node.span);
        let start = if raw == text {
            Some(node.span.offset)
        } else if raw.len() >= 2
            && (raw.starts_with('"') || raw.starts_with('\''))
            && &raw[1..raw.len() - 1] == text
        {
            Some(node.span.offset + 1)
        } else {
            None
        };
        match start {
            Some(s) => {
                let offset = s + at.min(text.len());
                let len = text[at.min(text.len())..]
                    .chars()
                    .next()
                    .map_or(0, char::len_utf8);
                Span::new(offset, len)
            }
            None => node.span,
        }
    }

    fn compile_error(&self, node: &Node, text: &str, e: CompileError) -> PackError {
        let (at, message, help) = match e {
            CompileError::Syntax { at, detail } => (
                at,
                Message::new("pack-cel-syntax").text("detail", escape_line(&detail).into_owned()),
                Message::new("pack-cel-syntax.help"),
            ),
            CompileError::TooLong => (
                0,
                Message::new("pack-cel-too-long").count("max", expr::MAX_EXPRESSION),
                Message::new("pack-cel-too-long.help"),
            ),
            CompileError::TooDeep => (
                0,
                Message::new("pack-cel-too-deep").count("max", expr::MAX_COMPREHENSION_DEPTH),
                Message::new("pack-cel-too-deep.help"),
            ),
            CompileError::Regex {
                at,
                pattern,
                detail,
            } => (
                at,
                Message::new("pack-regex")
                    .text("pattern", escape_line(&pattern).into_owned())
                    .text("detail", escape_line(&detail).into_owned()),
                Message::new("pack-regex.help"),
            ),
            CompileError::MoneyArgument { at } => (
                at,
                Message::new("pack-money-argument"),
                Message::new("pack-money-argument.help"),
            ),
            CompileError::Money { at, text } => (
                at,
                Message::new("pack-money").text("text", escape_line(&text).into_owned()),
                Message::new("pack-money.help"),
            ),
        };
        self.err(self.inside(node, text, at), message, help)
    }

    /// Reads one rule, compiles its expressions and checks them against the plan's
    /// types; the rule is then made `'static` (see [`leak`]).
    #[allow(clippy::type_complexity)]
    fn rule(
        &self,
        item: &Node,
        pack: &str,
        _pack_description: Option<&str>,
    ) -> Result<(&'static Rule, Vec<(bool, String, Span)>), PackError> {
        let entries = self.mapping(item, "rule")?;
        let get = |k: &str| entries.iter().copied().find(|e| e.key == k);
        let id_entry = self.required(item, &entries, "id", "rule")?;
        let id = self.text(&id_entry.value, "id")?;
        let id_ok = id
            .strip_prefix(pack)
            .and_then(|r| r.strip_prefix('/'))
            .is_some_and(|name| {
                !name.is_empty()
                    && name.len() <= 64
                    && name
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            });
        if !id_ok {
            return Err(self.err(
                id_entry.value.span,
                Message::new("pack-bad-id")
                    .text("id", escape_line(&id).into_owned())
                    .text("pack", pack.to_string()),
                Message::new("pack-bad-id.help").text("pack", pack.to_string()),
            ));
        }
        let severity = match get("severity") {
            None => Severity::Warning,
            Some(e) => {
                let word = self.text(&e.value, "severity")?;
                word.parse().map_err(|_| {
                    self.err(
                        e.value.span,
                        Message::new("pack-bad-severity")
                            .text("found", escape_line(&word).into_owned()),
                        Message::new("pack-bad-severity.help"),
                    )
                })?
            }
        };
        let required = match get("required") {
            None => false,
            Some(e) => match e.value.kind {
                NodeKind::Bool(b) => b,
                _ => return Err(self.wrong_type(&e.value, "required", "bool")),
            },
        };
        let given_entry = self.required(item, &entries, "given", "rule")?;
        let given = self.text(&given_entry.value, "given")?;
        let segs = shape::parse_path(&given).ok_or_else(|| {
            self.err(
                given_entry.value.span,
                Message::new("pack-bad-path").text("path", escape_line(&given).into_owned()),
                Message::new("pack-bad-path.help"),
            )
        })?;
        if let Err(e) = shape::check_path(&segs) {
            let suggestion = {
                let known: Vec<&str> = e.known.iter().map(String::as_str).collect();
                nearest(&e.written, &known).map(str::to_string)
            };
            let offset = given.find(e.written.as_str()).unwrap_or(0);
            let span = self.inside(&given_entry.value, &given, offset);
            let span = Span::new(span.offset, e.written.len().min(given.len()));
            return Err(if e.not_container {
                self.err(
                    span,
                    Message::new("pack-path-not-container")
                        .text("path", escape_line(&given).into_owned())
                        .text("key", escape_line(&e.written).into_owned()),
                    Message::new("pack-path-not-container.help"),
                )
            } else {
                self.err(
                    span,
                    Message::new("pack-unknown-path")
                        .text("path", escape_line(&given).into_owned())
                        .text("key", escape_line(&e.written).into_owned()),
                    Message::new("pack-unknown-path.help")
                        .text("suggested", if suggestion.is_some() { "yes" } else { "no" })
                        .text("suggestion", suggestion.unwrap_or_default())
                        .text("known", e.known.join(", ")),
                )
            });
        }
        let when_entry = self.required(item, &entries, "when", "rule")?;
        let when_text = self.text(&when_entry.value, "when")?;
        let when = expr::compile(&when_text)
            .map_err(|e| self.compile_error(&when_entry.value, &when_text, e))?;
        let message_entry = self.required(item, &entries, "message", "rule")?;
        let message_text = self.text(&message_entry.value, "message")?;
        let message = self.interpolated(&message_entry.value, &message_text, &segs)?;
        let (help, help_text) = match get("help") {
            Some(e) => {
                let t = self.text(&e.value, "help")?;
                (Some(self.interpolated(&e.value, &t, &segs)?), Some(t))
            }
            None => (None, None),
        };
        let summary = match get("summary") {
            Some(e) => self.text(&e.value, "summary")?,
            None => message_text.clone(),
        };
        let description = match get("description") {
            Some(e) => Some(self.text(&e.value, "description")?),
            None => None,
        };
        let mut examples = Vec::new();
        if let Some(e) = get("examples") {
            let ex = self.mapping(&e.value, "examples")?;
            for entry in ex {
                let fail = entry.key == "fail";
                let NodeKind::Seq(items) = &entry.value.kind else {
                    return Err(self.wrong_type(&entry.value, &entry.key, "list"));
                };
                for snippet in items {
                    let text = self.text(snippet, &entry.key)?;
                    examples.push((fail, text, snippet.span));
                }
            }
        }
        let pack_rule = PackRule {
            id: id.clone(),
            given: given.clone(),
            segs,
            required,
            when,
            message,
            help,
            doc: doc_of(&summary, description.as_deref(), help_text.as_deref()),
            help_text,
        };
        // Checked against a plan holding every field before any plan is linted: a type
        // error is the pack's, not one plan's.
        if let Err((which, detail)) = pack_rule.type_check() {
            let (node, text) = match which {
                rule::Which::When => (&when_entry.value, &when_text),
                rule::Which::Message => (&message_entry.value, &message_text),
                rule::Which::Help => match get("help") {
                    Some(e) => (&e.value, &message_text),
                    None => (&message_entry.value, &message_text),
                },
            };
            let _ = text;
            return Err(self.err(
                node.span,
                Message::new("pack-cel-type").text("detail", escape_line(&detail).into_owned()),
                Message::new("pack-cel-type.help"),
            ));
        }
        Ok((
            leak(id, severity, escape_line(&summary).into_owned(), pack_rule),
            examples,
        ))
    }

    fn interpolated(
        &self,
        node: &Node,
        text: &str,
        segs: &[Seg],
    ) -> Result<Interpolated, PackError> {
        rule::interpolate(text, segs).map_err(|(at, e)| match e {
            Some(e) => self.compile_error(node, text, e),
            None => self.err(
                self.inside(node, text, at),
                Message::new("pack-unclosed-brace"),
                Message::new("pack-unclosed-brace.help"),
            ),
        })
    }
}

/// The Markdown `planlint explain` shows for a pack rule and reports carry as its help:
/// its author's words, as written.
fn doc_of(summary: &str, description: Option<&str>, help: Option<&str>) -> String {
    let mut doc = format!("{}\n", escape_control(summary));
    if let Some(d) = description {
        doc.push('\n');
        doc.push_str(&escape_control(d));
        doc.push('\n');
    }
    if let Some(h) = help {
        doc.push_str(&format!("\n**Help:** {}\n", escape_control(h)));
    }
    doc
}

fn escape_control(s: &str) -> String {
    s.lines()
        .map(|l| escape_line(l).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Makes a pack rule `'static`, as every rule is (findings name their rule by
/// reference). Its memory is kept for the life of the process: once per pack text (see
/// [`LOADED`]), so a process that re-reads an unchanged pack leaks nothing more, and one
/// that reads changed packs grows by the size of each new version.
fn leak(id: String, severity: Severity, summary: String, rule: PackRule) -> &'static Rule {
    let runtime: &'static PackRule = Box::leak(Box::new(rule));
    Box::leak(Box::new(Rule {
        id: Box::leak(id.into_boxed_str()),
        severity,
        summary: Box::leak(summary.into_boxed_str()),
        check: Some(Check::Runtime(runtime)),
        inputs: &[],
        thresholds: &[],
    }))
}
