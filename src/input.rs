//! Finding plan files and reading them into `SourceFile`s, and reading every other file
//! planlint reads (config, baseline) with the same protections: regular files only
//! (a FIFO or device is refused before it is opened, so nothing blocks) and a size limit
//! applied while reading (so `/dev/zero` or a huge file cannot fill memory).

use std::collections::HashSet;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::i18n::{Lang, Message};
use crate::lint::Finding;
use crate::model::Place;
use crate::source::{SourceFile, Span};
use crate::text::escape_line;

/// The largest config file planlint reads.
pub const CONFIG_MAX_BYTES: u64 = 1024 * 1024;
/// The largest baseline file planlint reads.
pub const BASELINE_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// Something planlint could not do with a path: shown on stderr, exit code 2.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    /// The path as shown (escaped for one line).
    pub path: String,
    pub message: Message,
    pub help: Message,
}

impl InputError {
    /// `PATH: MESSAGE` in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        Message::new("cli-at-path")
            .text("path", self.path.clone())
            .text("message", self.message.render(lang))
            .render(lang)
    }
}

impl std::error::Error for InputError {}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}\n  help: {}",
            self.message_in(Lang::En),
            self.help.render(Lang::En)
        )
    }
}

/// One input to lint: a file on disk or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file; `walked` when it was found by walking a directory (it is then linted
    /// only if it holds a top-level `planlint:` key), not named on the command line.
    File {
        path: PathBuf,
        walked: bool,
    },
    Stdin,
}

/// The identity of a file on disk: device and inode.
pub type FileId = (u64, u64);

/// The device and inode of `meta`'s file (on systems without them: none).
pub fn file_id(meta: &std::fs::Metadata) -> Option<FileId> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some((meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        None
    }
}

/// True for the names the walker picks up: `*.plan.yaml`, `*.plan.yml`, `plan.yaml`, `plan.yml`.
pub fn is_plan_file_name(name: &str) -> bool {
    name == "plan.yaml"
        || name == "plan.yml"
        || (name.ends_with(".plan.yaml") && name.len() > ".plan.yaml".len())
        || (name.ends_with(".plan.yml") && name.len() > ".plan.yml".len())
}

fn skipped_dir(name: &str) -> bool {
    name.starts_with('.') || name == "target" || name == "node_modules"
}

impl Input {
    /// The name the input has in reports.
    pub fn name(&self, stdin_name: &str) -> String {
        match self {
            Input::File { path, .. } => display_path(path),
            Input::Stdin => stdin_name.to_string(),
        }
    }
}

/// What walking the command line's paths found.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Each file once (by device and inode), in the order found.
    pub inputs: Vec<Input>,
    pub errors: Vec<InputError>,
    /// The identity of every file found, so that no output replaces one.
    pub ids: HashSet<FileId>,
    /// Symbolic links met while walking and not followed (no `--follow`): plan-named
    /// links and links to directories.
    pub links_not_followed: usize,
    /// Where each file is in `inputs`, and whether it was reached through a link.
    seen: std::collections::HashMap<FileId, (usize, bool)>,
}

/// Expands the command line's paths into inputs: files as given (whatever their name,
/// through a symbolic link too), directories walked for plan files in sorted order.
///
/// Walking does not follow symbolic links unless `follow`; then a link whose target lies
/// outside the walked directory is an error and is not read. A file reached twice (the
/// same path twice, `./a` and `a`, a directory and a link into it) is linted once.
pub fn discover(paths: &[PathBuf], follow: bool, excluded: &dyn Fn(&Path) -> bool) -> Discovered {
    let mut found = Discovered::default();
    for path in paths {
        if path.as_os_str() == "-" {
            found.inputs.push(Input::Stdin);
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                found.errors.push(path_error(path, &e));
                continue;
            }
        };
        if !meta.is_dir() {
            let via_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.is_symlink());
            found.add(path.clone(), false, &meta, via_link);
            continue;
        }
        walk(path, follow, excluded, &mut found);
    }
    found
}

impl Discovered {
    /// Adds a file unless it was found before; of a link and its target, the target's
    /// own name is kept.
    fn add(&mut self, path: PathBuf, walked: bool, meta: &std::fs::Metadata, via_link: bool) {
        let Some(id) = file_id(meta) else {
            self.inputs.push(Input::File { path, walked });
            return;
        };
        self.ids.insert(id);
        match self.seen.get(&id) {
            None => {
                self.seen.insert(id, (self.inputs.len(), via_link));
                self.inputs.push(Input::File { path, walked });
            }
            Some(&(at, true)) if !via_link => {
                self.seen.insert(id, (at, false));
                self.inputs[at] = Input::File { path, walked };
            }
            Some(_) => {}
        }
    }
}

fn walk(root: &Path, follow: bool, excluded: &dyn Fn(&Path) -> bool, found: &mut Discovered) {
    // Links are checked against the directory as it really is.
    let canonical_root = if follow {
        match std::fs::canonicalize(root) {
            Ok(p) => Some(p),
            Err(e) => {
                found.errors.push(path_error(root, &e));
                return;
            }
        }
    } else {
        None
    };
    let mut walker = walkdir::WalkDir::new(root)
        .follow_links(follow)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !e.file_type().is_dir()
                || !(skipped_dir(&e.file_name().to_string_lossy()) || excluded(e.path()))
        });
    while let Some(entry) = walker.next() {
        let e = match entry {
            Ok(e) => e,
            Err(e) => {
                let p = e.path().map_or_else(|| display_path(root), display_path);
                let reason = Message::new("cli-reason");
                let message = if e.loop_ancestor().is_some() {
                    reason.text("why", "loop").text("os", "").text("n", "")
                } else {
                    match e.io_error() {
                        Some(io) => with_io(reason, io),
                        None => reason
                            .text("why", "io")
                            .text("os", e.to_string())
                            .text("n", ""),
                    }
                };
                found.errors.push(InputError {
                    path: escape_line(&p).into_owned(),
                    message,
                    help: Message::new("cli-walk-error-help"),
                });
                continue;
            }
        };
        let plan_named = is_plan_file_name(&e.file_name().to_string_lossy());
        if e.depth() > 0 && e.path_is_symlink() {
            match &canonical_root {
                None => {
                    // Not followed (like ripgrep and Ruff): a link in a pull request
                    // must not make planlint read files outside the tree.
                    if plan_named || std::fs::metadata(e.path()).is_ok_and(|m| m.is_dir()) {
                        found.links_not_followed += 1;
                    }
                    continue;
                }
                Some(croot) => {
                    let target = std::fs::canonicalize(e.path());
                    let inside = target.as_ref().is_ok_and(|t| t.starts_with(croot));
                    if !inside {
                        if e.file_type().is_dir() {
                            walker.skip_current_dir();
                        }
                        if e.file_type().is_dir() || plan_named {
                            found.errors.push(outside_link(root, e.path(), target.ok()));
                        }
                        continue;
                    }
                }
            }
        }
        if e.file_type().is_file() && plan_named && !excluded(e.path()) {
            match e.metadata() {
                Ok(meta) => {
                    let via_link = e.path_is_symlink();
                    found.add(e.into_path(), true, &meta, via_link);
                }
                Err(err) => found.errors.push(InputError {
                    path: escape_line(&display_path(e.path())).into_owned(),
                    message: match err.io_error() {
                        Some(io) => with_io(Message::new("cli-reason"), io),
                        None => Message::new("cli-reason")
                            .text("why", "io")
                            .text("os", err.to_string())
                            .text("n", ""),
                    },
                    help: Message::new("cli-check-file-help"),
                }),
            }
        }
    }
}

fn outside_link(root: &Path, link: &Path, target: Option<PathBuf>) -> InputError {
    let (exists, to) = target.map_or_else(
        || ("no", String::new()),
        |t| ("yes", escape_line(&display_path(&t)).into_owned()),
    );
    InputError {
        path: escape_line(&display_path(link)).into_owned(),
        message: Message::new("cli-outside-link")
            .text("exists", exists)
            .text("to", to)
            .text("root", escape_line(&display_path(root)).into_owned()),
        help: Message::new("cli-outside-link.help"),
    }
}

/// Why an I/O operation failed, without the paths some errors carry (a temporary
/// file's, say): the operating system's words, or the kind of error.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if let Some(code) = e.raw_os_error() {
        let text = std::io::Error::from_raw_os_error(code).to_string();
        // "No such file or directory (os error 2)" → "no such file or directory"
        let text = text.split(" (os error").next().unwrap_or(&text).to_string();
        return lowercase_first(&text);
    }
    match e.kind() {
        K::NotFound => "no such file or directory".to_string(),
        K::PermissionDenied => "permission denied".to_string(),
        K::IsADirectory => "is a directory".to_string(),
        K::NotADirectory => "a part of the path is not a directory".to_string(),
        K::StorageFull => "no space left on device".to_string(),
        K::ReadOnlyFilesystem => "read-only file system".to_string(),
        K::AlreadyExists => "already exists".to_string(),
        kind => kind.to_string(),
    }
}

/// The kind of an I/O error, as `cli-reason` selects on it.
fn io_kind(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    match e.kind() {
        K::NotFound => "not-found",
        K::PermissionDenied => "permission-denied",
        K::IsADirectory => "is-a-directory",
        K::NotADirectory => "not-a-directory",
        K::StorageFull => "storage-full",
        K::ReadOnlyFilesystem => "read-only",
        K::AlreadyExists => "already-exists",
        _ => "io",
    }
}

/// `m` (a message that words `cli-reason`) with the arguments of why `e` happened.
pub fn with_io(m: Message, e: &std::io::Error) -> Message {
    m.text("why", io_kind(e))
        .text("os", io_reason(e))
        .text("n", "")
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

fn path_error(path: &Path, e: &std::io::Error) -> InputError {
    let reason = Message::new("cli-reason");
    let (message, help) = match e.kind() {
        std::io::ErrorKind::NotFound => (
            reason
                .text("why", "not-found")
                .text("os", "no such file or directory")
                .text("n", ""),
            "cli-not-found-help",
        ),
        std::io::ErrorKind::PermissionDenied => (
            reason
                .text("why", "permission-denied")
                .text("os", "permission denied")
                .text("n", ""),
            "cli-permission-help",
        ),
        _ => (with_io(reason, e), "cli-check-path-help"),
    };
    InputError {
        path: shown(path),
        message,
        help: Message::new(help),
    }
}

/// Why a file could not be read by [`read_capped`].
#[derive(Debug)]
pub enum ReadProblem {
    Io(std::io::Error),
    Directory,
    /// A FIFO, socket or device: opening or reading it could block or never end.
    NotRegular,
}

impl ReadProblem {
    /// `m`, a message that words `cli-reason`, with the arguments of this reason.
    pub fn reason(&self, m: Message) -> Message {
        match self {
            ReadProblem::Io(e) if e.kind() == std::io::ErrorKind::NotFound => m
                .text("why", "not-found")
                .text("os", "no such file or directory")
                .text("n", ""),
            ReadProblem::Io(e) => with_io(m, e),
            ReadProblem::Directory => m.text("why", "directory").text("os", "").text("n", ""),
            ReadProblem::NotRegular => m.text("why", "not-regular").text("os", "").text("n", ""),
        }
    }
}

/// Why a small text file (a config, a baseline) could not be read.
#[derive(Debug)]
pub enum TextProblem {
    Read(ReadProblem),
    /// Larger than the limit, in bytes.
    TooLarge(u64),
    /// Not UTF-8 from this byte offset.
    NotUtf8(usize),
}

impl TextProblem {
    /// `m`, a message that words `cli-reason`, with the arguments of this reason.
    pub fn reason(&self, m: Message) -> Message {
        match self {
            TextProblem::Read(p) => p.reason(m),
            TextProblem::TooLarge(limit) => m
                .text("why", "too-large")
                .text("os", "")
                .text("n", limit.to_string()),
            TextProblem::NotUtf8(at) => m
                .text("why", "not-utf8")
                .text("os", "")
                .text("n", at.to_string()),
        }
    }
}

/// Reads at most `limit + 1` bytes of the regular file `path` (so a caller sees that it
/// is larger than `limit` without reading it all). A directory, FIFO, socket or device
/// is refused before it is opened, so nothing blocks.
pub fn read_capped(path: &Path, limit: u64) -> Result<Vec<u8>, ReadProblem> {
    let meta = std::fs::metadata(path).map_err(ReadProblem::Io)?;
    if meta.is_dir() {
        return Err(ReadProblem::Directory);
    }
    if !meta.is_file() {
        return Err(ReadProblem::NotRegular);
    }
    let file = std::fs::File::open(path).map_err(ReadProblem::Io)?;
    // The path may have been replaced between the look and the open.
    if !file.metadata().map_err(ReadProblem::Io)?.is_file() {
        return Err(ReadProblem::NotRegular);
    }
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadProblem::Io)?;
    Ok(bytes)
}

/// Reads a small UTF-8 text file (a config, a baseline) of at most `limit` bytes; the
/// error is the reason, for a message that names the file.
pub fn read_small_text(path: &Path, limit: u64) -> Result<String, TextProblem> {
    let bytes = read_capped(path, limit).map_err(TextProblem::Read)?;
    if bytes.len() as u64 > limit {
        return Err(TextProblem::TooLarge(limit));
    }
    String::from_utf8(bytes).map_err(|e| TextProblem::NotUtf8(e.utf8_error().valid_up_to()))
}

/// A read input: its source file, and a finding when it could not be read as text
/// (bytes that are not UTF-8, or more bytes than `max_file_size`).
pub struct ReadInput {
    pub file: SourceFile,
    pub encoding_finding: Option<Finding>,
    /// Whether the text has a top-level `planlint:` key (see [`has_plan_key`]).
    pub has_plan_key: bool,
}

/// Whether a file's top-level mapping has the `planlint:` key, checked on the text: a
/// line that starts, at column 0, with `planlint:` (or `"planlint":`, `'planlint':`)
/// followed by a space, a tab or the end of the line. A byte-order mark, `---`, comments
/// and other keys may come before it. A line at column 0 is a key of the top-level
/// mapping in block YAML, so `planlint: 1` nested in a ConfigMap's `data:` does not count.
pub fn has_plan_key(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes.split(|b| *b == b'\n').any(|line| {
        [&b"planlint:"[..], b"\"planlint\":", b"'planlint':"]
            .iter()
            .any(|key| {
                line.strip_prefix(*key)
                    .is_some_and(|rest| matches!(rest.first(), None | Some(b' ' | b'\t' | b'\r')))
            })
    })
}

/// Reads an input, at most `max_size` bytes of it. A larger file is not read on: it gets
/// a `plan/limit` finding. Bytes that are not UTF-8 do not fail the read: a
/// `plan/syntax` finding points at the first bad one.
pub fn read(input: &Input, stdin_name: &str, max_size: u64) -> Result<ReadInput, InputError> {
    let (name, bytes) = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            std::io::stdin()
                .take(max_size.saturating_add(1))
                .read_to_end(&mut bytes)
                .map_err(|e| InputError {
                    path: escape_line(stdin_name).into_owned(),
                    message: with_io(Message::new("cli-stdin"), &e),
                    help: Message::new("cli-stdin.help"),
                })?;
            (stdin_name.to_string(), bytes)
        }
        Input::File { path, .. } => {
            let bytes = read_capped(path, max_size).map_err(|p| {
                let help = match &p {
                    ReadProblem::Directory => "cli-directory-help",
                    ReadProblem::NotRegular => "cli-not-regular-help",
                    ReadProblem::Io(e) if e.kind() == std::io::ErrorKind::NotFound => {
                        "cli-not-found-help"
                    }
                    ReadProblem::Io(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                        "cli-permission-help"
                    }
                    ReadProblem::Io(_) => "cli-check-file-help",
                };
                InputError {
                    path: shown(path),
                    message: p.reason(Message::new("cli-reason")),
                    help: Message::new(help),
                }
            })?;
            (display_path(path), bytes)
        }
    };
    if bytes.len() as u64 > max_size {
        let finding = crate::rules::plan::limit_finding(
            Span::new(0, 0),
            "max_file_size",
            max_size,
            "file-size",
            crate::i18n::Arg::Text(max_size.to_string()),
        );
        return Ok(ReadInput {
            file: SourceFile::new(name, String::new()),
            encoding_finding: Some(finding),
            has_plan_key: has_plan_key(&bytes),
        });
    }
    Ok(decode(name, bytes))
}

/// A path as planlint names it in reports and baselines: forward slashes, no leading
/// `./`, and every byte kept: on Unix, bytes that are not UTF-8 are written `\xNN` and a
/// backslash `\\`, so that two different names never look the same.
pub fn display_path(path: &Path) -> String {
    let s = os_name(path.as_os_str());
    match s.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => s,
    }
}

#[cfg(unix)]
fn os_name(name: &std::ffi::OsStr) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in name.as_bytes().utf8_chunks() {
        out.push_str(&chunk.valid().replace('\\', "\\\\"));
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

#[cfg(not(unix))]
fn os_name(name: &std::ffi::OsStr) -> String {
    name.to_string_lossy().replace('\\', "/")
}

/// A path as shown on a terminal or in a log: [`display_path`], with control characters
/// escaped.
pub fn shown(path: &Path) -> String {
    escape_line(&display_path(path)).into_owned()
}

pub fn decode(name: String, bytes: Vec<u8>) -> ReadInput {
    let has_plan_key = has_plan_key(&bytes);
    match String::from_utf8(bytes) {
        Ok(text) => ReadInput {
            file: SourceFile::new(name, text),
            encoding_finding: None,
            has_plan_key,
        },
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // The prefix up to the first bad byte is valid, so offsets stay exact there.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let bad = bytes.get(valid).copied().unwrap_or(0);
            let finding = Finding::new(
                &crate::rules::plan::SYNTAX,
                Place {
                    span: Span::new(valid, 0),
                    path: String::new(),
                },
                crate::i18n::Message::new("plan-not-utf8")
                    .text("byte", format!("{bad:02X}"))
                    .text("offset", valid.to_string()),
                crate::i18n::Message::new("plan-not-utf8.label"),
            )
            .help(crate::i18n::Message::new("plan-not-utf8.help"));
            ReadInput {
                file: SourceFile::new(name, text),
                encoding_finding: Some(finding),
                has_plan_key,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_file_names() {
        for ok in ["plan.yaml", "plan.yml", "acme.plan.yaml", "a.plan.yml"] {
            assert!(is_plan_file_name(ok), "{ok}");
        }
        for no in [".plan.yaml", "plan.yaml.bak", "acme.yaml", "planyaml"] {
            assert!(!is_plan_file_name(no), "{no}");
        }
    }

    #[test]
    fn the_plan_key_is_a_top_level_line() {
        for yes in [
            &b"planlint: 1\n"[..],
            b"\xEF\xBB\xBF# a plan\n---\ncompany: {}\nplanlint: 1\r\n",
            b"\"planlint\": 1\n",
            b"planlint:",
        ] {
            assert!(has_plan_key(yes), "{}", String::from_utf8_lossy(yes));
        }
        for no in [
            &b"data:\n  planlint: 1\n"[..],
            b"# planlint: 1\n",
            b"planlinter: 1\n",
            b"planlint:x\n",
            b"kind: ConfigMap\n",
        ] {
            assert!(!has_plan_key(no), "{}", String::from_utf8_lossy(no));
        }
    }

    #[cfg(unix)]
    #[test]
    fn names_keep_every_byte() {
        use std::os::unix::ffi::OsStrExt;
        let a = display_path(Path::new(std::ffi::OsStr::from_bytes(b"./a\xff.plan.yaml")));
        let b = display_path(Path::new(std::ffi::OsStr::from_bytes(b"a\xfe.plan.yaml")));
        assert_eq!(a, "a\\xFF.plan.yaml");
        assert_ne!(a, b);
        assert_ne!(display_path(Path::new("a\\xFF.plan.yaml")), a);
    }

    #[test]
    fn non_utf8_points_at_the_first_bad_byte() {
        let r = decode("x".into(), b"a: 1\nb: \xff\n".to_vec());
        let f = r.encoding_finding.unwrap();
        assert_eq!(f.span.offset, 8);
        assert_eq!(r.file.line_col(8), (2, 4));
    }
}
