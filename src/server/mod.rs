//! `planlint server`: the Language Server Protocol over stdio, on `lsp-server`'s message
//! types and `lsp-types`. Synchronous: one main loop answers requests in order while a
//! worker thread lints, so a large plan being linted blocks no hover or code action.
//!
//! Diagnostics come from the editor's text, not the file on disk, for documents that
//! look like plans (`*.plan.yaml`, `plan.yaml`, or a top-level `planlint:` key). A
//! document has at most one lint in flight: changes that arrive meanwhile are coalesced
//! into one more lint of the latest text (the debounce), and a result for an older
//! version is never published. The config is found per file as the command line finds
//! it (`planlint.toml` in the file's directory or a parent) and read again when a config
//! file changes (watched files).

mod lines;
mod transport;

use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

use crossbeam_channel::{Receiver, Sender, select, unbounded};
use lsp_server::{Message, Notification, Request, RequestId, Response};
use lsp_types as lsp;
use serde_json::Value;

use crate::config::{self, Config};
use crate::engine;
use crate::fix::{self, Which};
use crate::i18n::{Lang, Message as Words};
use crate::lint::{Applicability, Diagnostic, Settings, Severity};
use crate::run::Exit;
use crate::source::{SourceFile, Span};
use crate::yaml::{Node, NodeKind};
use lines::{Encoding, Lines};
use transport::Incoming;

/// Runs the server until the client says `exit` (or closes standard input).
pub fn run() -> Exit {
    let (in_tx, in_rx) = unbounded::<Incoming>();
    let (out_tx, out_rx) = unbounded::<String>();
    let (job_tx, job_rx) = unbounded::<Job>();
    let (done_tx, done_rx) = unbounded::<Linted>();
    let spawned = std::thread::Builder::new()
        .name("planlint-lsp-read".into())
        .spawn(move || transport::read_loop(std::io::stdin().lock(), &in_tx))
        .is_ok()
        && std::thread::Builder::new()
            .name("planlint-lsp-lint".into())
            .stack_size(crate::run::LINT_STACK_BYTES)
            .spawn(move || lint_loop(&job_rx, &done_tx))
            .is_ok();
    let writer = std::thread::Builder::new()
        .name("planlint-lsp-write".into())
        .spawn(move || transport::write_loop(std::io::stdout().lock(), &out_rx));
    let Ok(writer) = writer else {
        return Exit::Trouble;
    };
    if !spawned {
        return Exit::Trouble;
    }
    let mut server = Server::new(out_tx, job_tx);
    let exit = server.serve(&in_rx, &done_rx);
    drop(server);
    let _ = writer.join();
    exit
}

/// A lint to run: the text of one version of a document.
struct Job {
    key: String,
    version: i32,
    text: String,
    name: String,
    settings: Settings,
}

/// A lint done.
struct Linted {
    key: String,
    version: i32,
    text: String,
    findings: Vec<Diagnostic>,
    lang: Lang,
}

/// The worker: lints each job, the latest of each document first (older ones queued
/// behind it are dropped).
fn lint_loop(jobs: &Receiver<Job>, done: &Sender<Linted>) {
    while let Ok(first) = jobs.recv() {
        let mut batch: Vec<Job> = vec![first];
        for j in jobs.try_iter() {
            match batch.iter_mut().find(|b| b.key == j.key) {
                Some(b) => *b = j,
                None => batch.push(j),
            }
        }
        for job in batch {
            let lang = job.settings.lang;
            let findings = catch_unwind(AssertUnwindSafe(|| {
                engine::lint(
                    SourceFile::new(job.name.clone(), job.text.clone()),
                    &job.settings,
                )
                .findings
            }))
            .unwrap_or_default();
            let linted = Linted {
                key: job.key,
                version: job.version,
                text: job.text,
                findings,
                lang,
            };
            if done.send(linted).is_err() {
                return;
            }
        }
    }
}

/// An open document.
struct Doc {
    uri: lsp::Uri,
    text: String,
    version: i32,
    /// A lint of this document is running.
    in_flight: bool,
    /// The text changed while it ran: lint again when it is done.
    dirty: bool,
    /// The last lint published, with the text it was of.
    linted: Option<Linted>,
}

enum Flow {
    Continue,
    Exit(Exit),
}

struct Server {
    out: Sender<String>,
    jobs: Sender<Job>,
    initialized: bool,
    shutdown: bool,
    encoding: Encoding,
    dynamic_watch: bool,
    docs: HashMap<String, Doc>,
    /// Configs read, by the path of their file (`None`: no config found).
    configs: HashMap<Option<PathBuf>, Config>,
    next_id: i32,
}

impl Server {
    fn new(out: Sender<String>, jobs: Sender<Job>) -> Self {
        Self {
            out,
            jobs,
            initialized: false,
            shutdown: false,
            encoding: Encoding::Utf16,
            dynamic_watch: false,
            docs: HashMap::new(),
            configs: HashMap::new(),
            next_id: 0,
        }
    }

    fn serve(&mut self, incoming: &Receiver<Incoming>, done: &Receiver<Linted>) -> Exit {
        loop {
            select! {
                recv(incoming) -> m => match m {
                    Ok(m) => {
                        if let Flow::Exit(e) = self.incoming(m) {
                            return e;
                        }
                    }
                    // The client went away without `exit`.
                    Err(_) => return Exit::Trouble,
                },
                recv(done) -> l => {
                    if let Ok(l) = l {
                        self.linted(l);
                    }
                }
            }
        }
    }

    fn send(&self, m: Message) {
        let _ = self.out.send(transport::encode(&m));
    }

    fn respond(&self, id: RequestId, result: Result<Value, (i32, String)>) {
        let response = match result {
            Ok(v) => Response {
                id,
                response_result: Ok(v),
            },
            Err((code, message)) => Response::new_err(id, code, message),
        };
        self.send(Message::Response(response));
    }

    fn notify(&self, method: &str, params: impl serde::Serialize) {
        self.send(Message::Notification(Notification::new(
            method.to_string(),
            params,
        )));
    }

    fn incoming(&mut self, m: Incoming) -> Flow {
        match m {
            Incoming::Malformed { id, code, message } => {
                let _ = self.out.send(transport::error_response(id, code, &message));
                Flow::Continue
            }
            Incoming::Message(Message::Request(r)) => {
                self.request(r);
                Flow::Continue
            }
            Incoming::Message(Message::Notification(n)) => self.notification(n),
            // Answers to our requests (the watcher registration): nothing to do.
            Incoming::Message(Message::Response(_)) => Flow::Continue,
        }
    }

    fn request(&mut self, r: Request) {
        let id = r.id.clone();
        if r.method != "initialize" && !self.initialized {
            return self.respond(id, Err((-32002, "the server is not initialized".into())));
        }
        if self.shutdown {
            return self.respond(id, Err((-32600, "the server is shutting down".into())));
        }
        let outcome = catch_unwind(AssertUnwindSafe(|| self.handle(r)));
        let result = outcome.unwrap_or_else(|_| {
            Err((
                -32603,
                "planlint failed on this request; the server goes on".into(),
            ))
        });
        self.respond(id, result);
    }

    fn handle(&mut self, r: Request) -> Result<Value, (i32, String)> {
        fn params<P: serde::de::DeserializeOwned>(v: Value) -> Result<P, (i32, String)> {
            serde_json::from_value(v).map_err(|e| (-32602, format!("invalid params: {e}")))
        }
        let json = |v: Result<Value, serde_json::Error>| v.map_err(|e| (-32603, e.to_string()));
        match r.method.as_str() {
            "initialize" => {
                let p: lsp::InitializeParams = params(r.params)?;
                json(serde_json::to_value(self.initialize(&p)))
            }
            "shutdown" => {
                self.shutdown = true;
                Ok(Value::Null)
            }
            "textDocument/hover" => {
                let p: lsp::HoverParams = params(r.params)?;
                json(serde_json::to_value(self.hover(&p)))
            }
            "textDocument/codeAction" => {
                let p: lsp::CodeActionParams = params(r.params)?;
                json(serde_json::to_value(self.code_actions(&p)))
            }
            other => Err((-32601, format!("method not found: {other}"))),
        }
    }

    fn initialize(&mut self, p: &lsp::InitializeParams) -> lsp::InitializeResult {
        let offered = p
            .capabilities
            .general
            .as_ref()
            .and_then(|g| g.position_encodings.as_ref());
        self.encoding = match offered {
            Some(list) if list.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        };
        self.dynamic_watch = p
            .capabilities
            .workspace
            .as_ref()
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false);
        self.initialized = true;
        lsp::InitializeResult {
            capabilities: lsp::ServerCapabilities {
                position_encoding: Some(match self.encoding {
                    Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
                    Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
                }),
                text_document_sync: Some(lsp::TextDocumentSyncCapability::Kind(
                    lsp::TextDocumentSyncKind::FULL,
                )),
                hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
                code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
                    lsp::CodeActionOptions {
                        code_action_kinds: Some(vec![
                            lsp::CodeActionKind::QUICKFIX,
                            lsp::CodeActionKind::SOURCE_FIX_ALL,
                        ]),
                        ..Default::default()
                    },
                )),
                ..Default::default()
            },
            server_info: Some(lsp::ServerInfo {
                name: "planlint".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        }
    }

    fn notification(&mut self, n: Notification) -> Flow {
        if n.method == "exit" {
            return Flow::Exit(if self.shutdown {
                Exit::Clean
            } else {
                Exit::Trouble
            });
        }
        if !self.initialized {
            return Flow::Continue;
        }
        let handled = catch_unwind(AssertUnwindSafe(|| self.handle_notification(n)));
        if handled.is_err() {
            self.notify(
                "window/logMessage",
                lsp::LogMessageParams {
                    typ: lsp::MessageType::ERROR,
                    message: "planlint failed on a notification; the server goes on".into(),
                },
            );
        }
        Flow::Continue
    }

    fn handle_notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "initialized" => self.register_watchers(),
            "textDocument/didOpen" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidOpenTextDocumentParams>(n.params) {
                    let key = p.text_document.uri.as_str().to_string();
                    self.docs.insert(
                        key.clone(),
                        Doc {
                            uri: p.text_document.uri,
                            text: p.text_document.text,
                            version: p.text_document.version,
                            in_flight: false,
                            dirty: false,
                            linted: None,
                        },
                    );
                    self.schedule(&key);
                }
            }
            "textDocument/didChange" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidChangeTextDocumentParams>(n.params)
                {
                    let key = p.text_document.uri.as_str().to_string();
                    let encoding = self.encoding;
                    if let Some(doc) = self.docs.get_mut(&key) {
                        for change in p.content_changes {
                            match change.range {
                                None => doc.text = change.text,
                                Some(range) => {
                                    let l = Lines::new(&doc.text, encoding);
                                    let (a, b) = (l.offset(range.start), l.offset(range.end));
                                    if a <= b {
                                        doc.text.replace_range(a..b, &change.text);
                                    }
                                }
                            }
                        }
                        doc.version = p.text_document.version;
                        self.schedule(&key);
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<lsp::DidCloseTextDocumentParams>(n.params)
                    && let Some(doc) = self.docs.remove(p.text_document.uri.as_str())
                {
                    self.publish(&doc.uri, Vec::new(), None);
                }
            }
            "workspace/didChangeWatchedFiles" => {
                // A config changed (or appeared, or went): read them again, lint again.
                self.configs.clear();
                let keys: Vec<String> = self.docs.keys().cloned().collect();
                for k in keys {
                    self.schedule(&k);
                }
            }
            _ => {}
        }
    }

    /// Asks the client to tell the server when a config file changes.
    fn register_watchers(&mut self) {
        if !self.dynamic_watch {
            return;
        }
        let watchers = config::CONFIG_NAMES
            .iter()
            .map(|name| lsp::FileSystemWatcher {
                glob_pattern: lsp::GlobPattern::String(format!("**/{name}")),
                kind: None,
            })
            .collect();
        let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
        self.next_id += 1;
        let params = lsp::RegistrationParams {
            registrations: vec![lsp::Registration {
                id: "planlint-config".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            }],
        };
        self.send(Message::Request(Request::new(
            RequestId::from(format!("planlint-{}", self.next_id)),
            "client/registerCapability".into(),
            params,
        )));
    }

    /// The settings for the plan at `path` (or for a document with no path): its config
    /// found as the command line finds it, with its `[[overrides]]`.
    fn settings_for(&mut self, path: Option<&Path>) -> Settings {
        let dir = path.and_then(Path::parent);
        let config_path = dir.and_then(config::discover);
        if !self.configs.contains_key(&config_path) {
            let config = match &config_path {
                None => Config::default(),
                Some(p) => match Config::load(p) {
                    Ok(c) => c,
                    Err(e) => {
                        self.show_error(&e.diagnostic(Lang::from_env()));
                        Config::default()
                    }
                },
            };
            self.configs.insert(config_path.clone(), config);
        }
        let Some(config) = self.configs.get(&config_path) else {
            return Settings::default();
        };
        let mut settings = match config.settings_for(path, None) {
            Ok(s) => s,
            Err(e) => {
                let d = e.diagnostic(Lang::from_env());
                self.show_error(&d);
                Settings::default()
            }
        };
        let Some(config) = self.configs.get(&config_path) else {
            return settings;
        };
        if let Some(p) = path {
            config.apply_overrides(&mut settings, p);
        }
        settings.lang = crate::run::lang_with(&crate::cli::ConfigArgs::default(), config);
        settings
    }

    fn show_error(&self, d: &Diagnostic) {
        let mut message = format!("planlint: {}", d.message);
        if let Some(h) = &d.help {
            message.push_str("; ");
            message.push_str(h);
        }
        self.notify(
            "window/showMessage",
            lsp::ShowMessageParams {
                typ: lsp::MessageType::ERROR,
                message,
            },
        );
    }

    /// Lints the document now, or after the lint in flight.
    fn schedule(&mut self, key: &str) {
        let Some(doc) = self.docs.get(key) else {
            return;
        };
        if doc.in_flight {
            if let Some(doc) = self.docs.get_mut(key) {
                doc.dirty = true;
            }
            return;
        }
        let path = file_path(&doc.uri);
        let name = path
            .as_deref()
            .map_or_else(|| doc.uri.as_str().to_string(), crate::input::display_path);
        let looks_like_plan = path
            .as_deref()
            .and_then(Path::file_name)
            .is_some_and(|n| crate::input::is_plan_file_name(&n.to_string_lossy()))
            || crate::input::has_plan_key(doc.text.as_bytes());
        if !looks_like_plan {
            let uri = doc.uri.clone();
            let had = doc.linted.as_ref().is_some_and(|l| !l.findings.is_empty());
            if let Some(doc) = self.docs.get_mut(key) {
                doc.linted = None;
            }
            if had {
                self.publish(&uri, Vec::new(), None);
            }
            return;
        }
        let settings = self.settings_for(path.as_deref());
        let Some(doc) = self.docs.get_mut(key) else {
            return;
        };
        let job = Job {
            key: key.to_string(),
            version: doc.version,
            text: doc.text.clone(),
            name,
            settings,
        };
        doc.in_flight = true;
        doc.dirty = false;
        let _ = self.jobs.send(job);
    }

    fn linted(&mut self, l: Linted) {
        let key = l.key.clone();
        let Some(doc) = self.docs.get_mut(&key) else {
            return;
        };
        doc.in_flight = false;
        let current = l.version == doc.version && l.text == doc.text;
        let again = doc.dirty || !current;
        if current {
            let lines = Lines::new(&l.text, self.encoding);
            let diagnostics = l
                .findings
                .iter()
                .map(|d| lsp_diagnostic(d, &lines, &doc.uri, l.lang))
                .collect();
            let uri = doc.uri.clone();
            let version = doc.version;
            doc.linted = Some(l);
            self.publish(&uri, diagnostics, Some(version));
        }
        if again {
            // The text changed meanwhile: lint the latest one.
            self.schedule(&key);
        }
    }

    fn publish(&self, uri: &lsp::Uri, diagnostics: Vec<lsp::Diagnostic>, version: Option<i32>) {
        self.notify(
            "textDocument/publishDiagnostics",
            lsp::PublishDiagnosticsParams {
                uri: uri.clone(),
                diagnostics,
                version,
            },
        );
    }

    /// The document and its lint, when the lint is of its current text.
    fn current(&self, uri: &lsp::Uri) -> Option<(&Doc, Option<&Linted>)> {
        let doc = self.docs.get(uri.as_str())?;
        let linted = doc
            .linted
            .as_ref()
            .filter(|l| l.version == doc.version && l.text == doc.text);
        Some((doc, linted))
    }

    fn hover(&mut self, p: &lsp::HoverParams) -> Option<lsp::Hover> {
        let uri = &p.text_document_position_params.text_document.uri;
        let path = file_path(uri);
        let settings = self.settings_for(path.as_deref());
        let lang = settings.lang;
        let (doc, linted) = self.current(uri)?;
        let lines = Lines::new(&doc.text, self.encoding);
        let offset = lines.offset(p.text_document_position_params.position);
        let mut parts: Vec<String> = Vec::new();
        let mut range: Option<Span> = None;
        // The findings here: the rule's explanation.
        for d in linted.map_or(&[][..], |l| &l.findings) {
            if d.span.offset <= offset && offset <= d.span.end() {
                let mut part = format!("**{}** — {}", d.rule, d.message);
                if let Some(section) = crate::docs::section(d.rule, lang) {
                    part.push_str("\n\n");
                    part.push_str(section.trim());
                }
                parts.push(part);
                range.get_or_insert(d.span);
            }
        }
        // The field here: what it means and what the plan derives from it.
        let file = SourceFile::new("hover", doc.text.clone());
        if let Ok(docs) = crate::yaml::parse(&file, &settings.limits)
            && let Some(root) = docs.iter().find(|d| matches!(d.kind, NodeKind::Map(_)))
            && let Some((field, span)) = field_at(root, offset, "")
        {
            let mut part = match crate::model::describe::description(&field, lang) {
                Some(d) => Words::new("server-hover-field")
                    .text("field", field.as_str())
                    .text("description", d)
                    .render(lang),
                None => format!("`{field}`"),
            };
            let figures = derived_figures(&file, root, &field, &settings);
            if !figures.is_empty() {
                part.push_str("\n\n");
                part.push_str(&figures.join("\n"));
            }
            parts.insert(0, part);
            range = Some(span);
        }
        if parts.is_empty() {
            return None;
        }
        Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: parts.join("\n\n---\n\n"),
            }),
            range: range.map(|s| lines.range(s)),
        })
    }

    fn code_actions(&mut self, p: &lsp::CodeActionParams) -> Vec<lsp::CodeActionOrCommand> {
        let uri = &p.text_document.uri;
        let path = file_path(uri);
        let settings = self.settings_for(path.as_deref());
        let lang = settings.lang;
        let Some((doc, Some(linted))) = self.current(uri) else {
            return Vec::new();
        };
        let lines = Lines::new(&doc.text, self.encoding);
        let (start, end) = (lines.offset(p.range.start), lines.offset(p.range.end));
        let wanted = |kind: &lsp::CodeActionKind| {
            p.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|o| {
                    kind.as_str() == o.as_str()
                        || kind.as_str().starts_with(&format!("{}.", o.as_str()))
                })
            })
        };
        let edit_of = |edits: Vec<lsp::TextEdit>| lsp::WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), edits)])),
            ..Default::default()
        };
        let mut actions = Vec::new();
        let crlf = doc.text.contains("\r\n");
        for d in &linted.findings {
            if d.span.end() < start || d.span.offset > end {
                continue;
            }
            let diagnostic = lsp_diagnostic(d, &lines, uri, lang);
            for fix in d
                .fix
                .iter()
                .chain(&d.alternatives)
                .filter(|_| wanted(&lsp::CodeActionKind::QUICKFIX))
            {
                let edits = fix
                    .edits
                    .iter()
                    .map(|e| lsp::TextEdit {
                        range: lines.range(e.span),
                        new_text: e.text.clone(),
                    })
                    .collect();
                let safe = fix.applicability == Applicability::Safe;
                let title = if safe {
                    fix.title.clone()
                } else {
                    Words::new("server-unsafe-fix")
                        .text("title", fix.title.clone())
                        .render(lang)
                };
                actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title,
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic.clone()]),
                    edit: Some(edit_of(edits)),
                    is_preferred: Some(safe),
                    ..Default::default()
                }));
            }
            if wanted(&lsp::CodeActionKind::QUICKFIX) {
                let at = lines.line_start(d.span.offset);
                let line = &doc.text[at..];
                let indent = &line[..line.len() - line.trim_start_matches([' ', '\t']).len()];
                let comment = format!(
                    "{indent}# planlint-disable-next-line {} -- {}{}",
                    d.rule,
                    Words::new("server-suppress-reason").render(lang),
                    if crlf { "\r\n" } else { "\n" }
                );
                let here = lines.position(at);
                actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: Words::new("server-suppress")
                        .text("rule", d.rule)
                        .render(lang),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: Some(vec![diagnostic]),
                    edit: Some(edit_of(vec![lsp::TextEdit {
                        range: lsp::Range::new(here, here),
                        new_text: comment,
                    }])),
                    is_preferred: Some(false),
                    ..Default::default()
                }));
            }
        }
        let any_safe = linted.findings.iter().any(|d| {
            d.fix
                .as_ref()
                .is_some_and(|f| f.applicability == Applicability::Safe)
        });
        if any_safe && wanted(&lsp::CodeActionKind::SOURCE_FIX_ALL) {
            let fixed = fix::fix_text(&linted_name(doc), doc.text.clone(), &settings, Which::Safe);
            if fixed.text != doc.text
                && let Some((span, text)) = one_edit(&doc.text, &fixed.text)
            {
                actions.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: Words::new("server-fix-all")
                        .count("n", fixed.applied.len())
                        .render(lang),
                    kind: Some(lsp::CodeActionKind::SOURCE_FIX_ALL),
                    edit: Some(edit_of(vec![lsp::TextEdit {
                        range: lines.range(span),
                        new_text: text,
                    }])),
                    ..Default::default()
                }));
            }
        }
        actions
    }
}

/// The name a document's findings are reported under.
fn linted_name(doc: &Doc) -> String {
    file_path(&doc.uri).map_or_else(
        || doc.uri.as_str().to_string(),
        |p| crate::input::display_path(&p),
    )
}

/// The one edit that turns `old` into `new`: the span between their common prefix and
/// suffix (on character boundaries), and the text that replaces it.
fn one_edit(old: &str, new: &str) -> Option<(Span, String)> {
    let mut prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = old.len().min(new.len()) - prefix;
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    let span = Span::new(prefix, old.len() - suffix - prefix);
    Some((span, new.get(prefix..new.len() - suffix)?.to_string()))
}

/// The local path of a `file:` URI (percent-decoded); `None` for other schemes.
fn file_path(uri: &lsp::Uri) -> Option<PathBuf> {
    let s = uri.as_str();
    let rest = s.strip_prefix("file://")?;
    // `file:///a/b` (no host) or `file://localhost/a/b`.
    let rest = rest.strip_prefix("localhost").unwrap_or(rest);
    if !rest.starts_with('/') {
        return None;
    }
    let bytes = rest.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(h) = bytes
                .get(i + 1..i + 3)
                .and_then(|h| std::str::from_utf8(h).ok())
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(h);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStringExt;
        Some(PathBuf::from(std::ffi::OsString::from_vec(out)))
    }
    #[cfg(not(unix))]
    {
        String::from_utf8(out).ok().map(PathBuf::from)
    }
}

/// A planlint diagnostic as the client shows it.
fn lsp_diagnostic(d: &Diagnostic, lines: &Lines, uri: &lsp::Uri, lang: Lang) -> lsp::Diagnostic {
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push('\n');
        message.push_str(
            &Words::new("cli-help")
                .text("help", help.clone())
                .render(lang),
        );
    }
    let related = d
        .labels
        .iter()
        .filter(|l| !l.message.is_empty())
        .map(|l| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), lines.range(l.span)),
            message: l.message.clone(),
        })
        .collect::<Vec<_>>();
    let unused = d.rule == crate::rules::plan::UNUSED_SUPPRESSION.id;
    lsp::Diagnostic {
        range: lines.range(d.span),
        severity: Some(match d.severity {
            Severity::Error => lsp::DiagnosticSeverity::ERROR,
            Severity::Warning => lsp::DiagnosticSeverity::WARNING,
            Severity::Info => lsp::DiagnosticSeverity::INFORMATION,
        }),
        code: Some(lsp::NumberOrString::String(d.rule.to_string())),
        source: Some("planlint".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: unused.then(|| vec![lsp::DiagnosticTag::UNNECESSARY]),
        ..Default::default()
    }
}

/// The field at `offset`: its path as the schema's descriptions name it (`[]` for a
/// list's entries: `projections[].revenue`) and the span of its key or scalar value.
fn field_at(node: &Node, offset: usize, prefix: &str) -> Option<(String, Span)> {
    let contains = |s: Span| s.offset <= offset && offset <= s.end() && s.len > 0;
    match &node.kind {
        NodeKind::Map(entries) => entries.iter().find_map(|e| {
            let path = if prefix.is_empty() {
                e.key.clone()
            } else {
                format!("{prefix}.{}", e.key)
            };
            if contains(e.key_span) {
                return Some((path, e.key_span));
            }
            match &e.value.kind {
                NodeKind::Map(_) | NodeKind::Seq(_) => field_at(&e.value, offset, &path),
                _ if contains(e.value.span) => Some((path, e.value.span)),
                _ => None,
            }
        }),
        NodeKind::Seq(items) => items.iter().find_map(|item| {
            let path = format!("{prefix}[]");
            match &item.kind {
                NodeKind::Map(_) | NodeKind::Seq(_) => field_at(item, offset, &path),
                _ if contains(item.span) => Some((path, item.span)),
                _ => None,
            }
        }),
        _ => None,
    }
}

/// The figures the plan derives from the field at `field`, with the thresholds in force:
/// for the unit economics the computed LTV, CAC payback and LTV:CAC; for the value the ROI
/// and the improvement.
fn derived_figures(
    file: &SourceFile,
    root: &Node,
    field: &str,
    settings: &Settings,
) -> Vec<String> {
    let lang = settings.lang;
    let mut findings = Vec::new();
    let Some(plan) = crate::load::load_plan(file, root, &mut findings) else {
        return Vec::new();
    };
    let cx = crate::lint::Context::new(&plan, &settings.thresholds, &settings.fx);
    let t = &settings.thresholds;
    let m = &cx.metrics;
    let currency = cx.currency().to_string();
    let mut out = Vec::new();
    let line = |w: Words| format!("- {}", w.render(lang));
    if field.starts_with("unit_economics") {
        if let Some(ltv) = m.ltv_computed {
            let min = cx.money(t.min_ltv).map_or(t.min_ltv, |x| x.amount);
            out.push(line(
                Words::new("server-hover-ltv")
                    .money("ltv", ltv, &currency)
                    .money("min", min, &currency),
            ));
        }
        if let Some(months) = m.payback_computed {
            out.push(line(
                Words::new("server-hover-payback")
                    .number("months", months)
                    .number("max", t.max_cac_payback_months),
            ));
        }
        if let Some(ue) = cx.unit_economics() {
            let ltv = ue.ltv.value().or(m.ltv_computed);
            if let (Some(ltv), Some(cac)) = (ltv, ue.cac.value())
                && cac > 0.0
            {
                out.push(line(
                    Words::new("server-hover-ltv-cac")
                        .number("ratio", ltv / cac)
                        .number("min", t.min_ltv_cac),
                ));
            }
        }
    }
    if field.starts_with("value") || field == "unit_economics.acv" {
        if let Some(roi) = m.roi_computed {
            out.push(line(
                Words::new("server-hover-roi")
                    .number("roi", roi)
                    .number("min", t.min_roi),
            ));
        }
        if field.starts_with("value")
            && let Some(x) = m.improvement_computed
        {
            out.push(line(
                Words::new("server-hover-improvement")
                    .number("improvement", x)
                    .number("min", t.min_improvement),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_become_paths() {
        let uri: lsp::Uri = "file:///tmp/a%20b/%E8%AE%A1%E5%88%92.plan.yaml"
            .parse()
            .unwrap();
        assert_eq!(
            file_path(&uri),
            Some(PathBuf::from("/tmp/a b/计划.plan.yaml"))
        );
        let other: lsp::Uri = "untitled:Untitled-1".parse().unwrap();
        assert_eq!(file_path(&other), None);
    }

    #[test]
    fn one_edit_spans_the_change_only() {
        let (span, text) = one_edit("a: 72\nb: 联\n", "a: 72%\nb: 联\n").unwrap();
        assert_eq!((span, text.as_str()), (Span::new(5, 0), "%"));
        let (span, text) = one_edit("x: 联a", "x: 联b").unwrap();
        assert_eq!((span, text.as_str()), (Span::new(6, 1), "b"));
    }
}
