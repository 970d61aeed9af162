//! Finding plan files and reading them into `SourceFile`s.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::finding::Finding;
use crate::model::Place;
use crate::source::{SourceFile, Span};

/// Something planlint could not do with a path: shown on stderr, exit code 2.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub message: String,
    pub help: String,
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}\n  help: {}", self.path, self.message, self.help)
    }
}

/// One input to lint: a file on disk or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
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
            Input::File(path) => display_path(path),
            Input::Stdin => stdin_name.to_string(),
        }
    }
}

/// Expands the command line's paths into inputs: files as given (whatever their name),
/// directories walked for plan files in sorted order.
pub fn discover(
    paths: &[PathBuf],
    excluded: &dyn Fn(&Path) -> bool,
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                errors.push(path_error(path, &e));
                continue;
            }
        };
        if !meta.is_dir() {
            inputs.push(Input::File(path.clone()));
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                e.depth() == 0
                    || !e.file_type().is_dir()
                    || !(skipped_dir(&e.file_name().to_string_lossy()) || excluded(e.path()))
            });
        for entry in walker {
            match entry {
                Ok(e) => {
                    if e.file_type().is_file()
                        && is_plan_file_name(&e.file_name().to_string_lossy())
                        && !excluded(e.path())
                    {
                        inputs.push(Input::File(e.into_path()));
                    }
                }
                Err(e) => {
                    let p = e
                        .path()
                        .map_or_else(|| path.display().to_string(), |p| p.display().to_string());
                    let message = if e.loop_ancestor().is_some() {
                        "a symbolic link here leads back to one of its parent directories"
                            .to_string()
                    } else {
                        e.io_error()
                            .map_or_else(|| e.to_string(), |io| io.to_string())
                    };
                    errors.push(InputError {
                        path: p,
                        message,
                        help: "remove the link or the unreadable entry; the other files were still linted"
                            .to_string(),
                    });
                }
            }
        }
    }
    (inputs, errors)
}

fn path_error(path: &Path, e: &std::io::Error) -> InputError {
    let (message, help) = match e.kind() {
        std::io::ErrorKind::NotFound => (
            "no such file or directory".to_string(),
            "check the path; planlint lints files and directories of *.plan.yaml".to_string(),
        ),
        std::io::ErrorKind::PermissionDenied => (
            "permission denied".to_string(),
            "make the file readable by this user".to_string(),
        ),
        _ => (e.to_string(), "check that the path can be read".to_string()),
    };
    InputError {
        path: path.display().to_string(),
        message,
        help,
    }
}

/// A read input: its source file, and a finding when it could not be read as text
/// (bytes that are not UTF-8, or more bytes than `max_file_size`).
pub struct ReadInput {
    pub file: SourceFile,
    pub encoding_finding: Option<Finding>,
}

/// Reads an input, at most `max_size` bytes of it. A larger file is not read on: it gets
/// a `plan/limit` finding. Bytes that are not UTF-8 do not fail the read: a
/// `plan/syntax` finding points at the first bad one.
pub fn read(input: &Input, stdin_name: &str, max_size: u64) -> Result<ReadInput, InputError> {
    let (name, mut reader): (String, Box<dyn Read>) = match input {
        Input::Stdin => (stdin_name.to_string(), Box::new(std::io::stdin())),
        Input::File(path) => {
            // Look before opening: opening a FIFO for reading blocks until a writer comes.
            let meta = std::fs::metadata(path).map_err(|e| path_error(path, &e))?;
            if meta.is_dir() {
                return Err(InputError {
                    path: display_path(path),
                    message: "is a directory, not a plan file".to_string(),
                    help: "pass the directory itself to walk it for plan files".to_string(),
                });
            }
            if !meta.is_file() {
                // A FIFO, socket or device could block forever or never end.
                return Err(InputError {
                    path: display_path(path),
                    message: "is not a regular file (a FIFO, socket or device)".to_string(),
                    help: "planlint reads plan files; to lint a stream, pipe it to `planlint -`"
                        .to_string(),
                });
            }
            let file = std::fs::File::open(path).map_err(|e| path_error(path, &e))?;
            (display_path(path), Box::new(file))
        }
    };
    let mut bytes = Vec::new();
    reader
        .by_ref()
        .take(max_size.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError {
            path: name.clone(),
            message: format!("cannot read: {e}"),
            help: "check that the file can be read".to_string(),
        })?;
    if bytes.len() as u64 > max_size {
        let finding = crate::engine::limit_finding(
            Span::new(0, 0),
            "max_file_size",
            max_size,
            format!("the file is larger than {max_size} bytes"),
        );
        return Ok(ReadInput {
            file: SourceFile::new(name, String::new()),
            encoding_finding: Some(finding),
        });
    }
    Ok(decode(name, bytes))
}

/// Shows paths with forward slashes and without a leading `./`.
fn display_path(path: &Path) -> String {
    let s = path.display().to_string();
    let s = s.strip_prefix("./").unwrap_or(&s);
    s.replace('\\', "/")
}

pub fn decode(name: String, bytes: Vec<u8>) -> ReadInput {
    match String::from_utf8(bytes) {
        Ok(text) => ReadInput {
            file: SourceFile::new(name, text),
            encoding_finding: None,
        },
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            // The prefix up to the first bad byte is valid, so offsets stay exact there.
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let bad = bytes.get(valid).copied().unwrap_or(0);
            let finding = Finding::new(
                "plan/syntax",
                Place {
                    span: Span::new(valid, 0),
                    path: String::new(),
                },
                format!("the file is not valid UTF-8: byte 0x{bad:02X} at offset {valid}"),
                "invalid UTF-8 starts here",
            )
            .help("save the plan as UTF-8 (most editors: File › Save with Encoding › UTF-8)");
            ReadInput {
                file: SourceFile::new(name, text),
                encoding_finding: Some(finding),
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
    fn non_utf8_points_at_the_first_bad_byte() {
        let r = decode("x".into(), b"a: 1\nb: \xff\n".to_vec());
        let f = r.encoding_finding.unwrap();
        assert_eq!(f.span.offset, 8);
        assert_eq!(r.file.line_col(8), (2, 4));
    }
}
