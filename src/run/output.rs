//! Where a run writes: refusing an output that would replace an input, the streamed
//! human report, and atomic writes (a temporary file beside the target, then a rename).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Problem, report_file};
use crate::cli::LintArgs;
use crate::engine::FileReport;
use crate::i18n::{Lang, Message};
use crate::input;
use crate::report::Summary;

/// Refuses an output (`-o`, `--write-baseline`) that is the same file as an input (named
/// or found by walking), the config, the other output, or (for `-o`) the baseline read:
/// writing it would replace what planlint reads. Files are compared by device and inode,
/// outputs that do not exist yet by their canonical path, so `./a` and `a` are the same.
pub(super) fn check_outputs(
    args: &LintArgs,
    found: &input::Discovered,
    config: Option<&Path>,
) -> Result<(), Problem> {
    let id_of = |p: &Path| std::fs::metadata(p).ok().and_then(|m| input::file_id(&m));
    let config_id = config.and_then(id_of);
    let baseline_id = args.baseline.as_deref().and_then(id_of);
    let report = report_file(args).map(|p| ("-o", p, OutputTarget::resolve(p)));
    let base = args
        .write_baseline
        .as_deref()
        .map(|p| ("--write-baseline", p, OutputTarget::resolve(p)));
    let outputs: Vec<_> = report.iter().chain(base.iter()).collect();
    for (flag, user, target) in &outputs {
        let Ok(target) = target else { continue };
        // Writing to a device or a FIFO replaces nothing.
        let Some(id) = target.regular_id() else {
            continue;
        };
        let clash = if found.ids.contains(&id) {
            Some("input")
        } else if Some(id) == config_id {
            Some("config")
        } else if *flag == "-o" && Some(id) == baseline_id {
            Some("baseline")
        } else {
            None
        };
        if let Some(clash) = clash {
            return Err((
                Message::new("cli-output-clash")
                    .text("flag", *flag)
                    .text("path", input::shown(user))
                    .text("clash", clash),
                Some(Message::new("cli-output-clash.help").text("flag", *flag)),
            ));
        }
    }
    if let (Some((_, a, Ok(ta))), Some((_, b, Ok(tb)))) = (&report, &base) {
        let same_id = ta.regular_id().is_some() && ta.regular_id() == tb.regular_id();
        let same_path = ta.canonical().is_some() && ta.canonical() == tb.canonical();
        if same_id || same_path {
            return Err((
                Message::new("cli-output-same")
                    .text("report", input::shown(a))
                    .text("baseline", input::shown(b)),
                Some(Message::new("cli-output-same.help")),
            ));
        }
    }
    Ok(())
}

/// The file an output path names, through symbolic links: planlint writes there
/// (replacing the target, keeping the link).
struct OutputTarget {
    /// The final target (the path itself when it is no link).
    resolved: PathBuf,
    /// The target's metadata, when it exists.
    existing: Option<std::fs::Metadata>,
}

impl OutputTarget {
    fn resolve(path: &Path) -> std::io::Result<Self> {
        let mut p = path.to_path_buf();
        // As many links as Linux follows (ELOOP past 40).
        for _ in 0..40 {
            match std::fs::symlink_metadata(&p) {
                Ok(m) if m.file_type().is_symlink() => {
                    let to = std::fs::read_link(&p)?;
                    p = match p.parent() {
                        Some(dir) if to.is_relative() => dir.join(to),
                        _ => to,
                    };
                }
                Ok(m) => {
                    return Ok(OutputTarget {
                        resolved: p,
                        existing: Some(m),
                    });
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    return Ok(OutputTarget {
                        resolved: p,
                        existing: None,
                    });
                }
                Err(e) => return Err(e),
            }
        }
        Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "too many levels of symbolic links",
        ))
    }

    /// Device and inode of an existing regular file.
    fn regular_id(&self) -> Option<input::FileId> {
        self.existing
            .as_ref()
            .filter(|m| m.is_file())
            .and_then(input::file_id)
    }

    /// The target's canonical path (its directory canonical, then its name).
    fn canonical(&self) -> Option<PathBuf> {
        let dir = match self.resolved.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        Some(
            std::fs::canonicalize(dir)
                .ok()?
                .join(self.resolved.file_name()?),
        )
    }
}

/// The message and help for an output that could not be written: they name the path the
/// user gave (never a temporary file's) and say what to do.
/// What planlint writes to a file.
#[derive(Clone, Copy)]
pub(crate) enum Output {
    Report,
    Baseline,
    Starter,
    /// A plan `--fix` rewrites.
    Plan,
}

impl Output {
    /// The word `cli-cannot-write` selects on.
    fn code(self) -> &'static str {
        match self {
            Output::Report => "report",
            Output::Baseline => "baseline",
            Output::Starter => "starter",
            Output::Plan => "plan",
        }
    }
}

pub(super) fn output_error(what: Output, user: &Path, e: &std::io::Error) -> Problem {
    use std::io::ErrorKind as K;
    let shown = input::shown(user);
    let dir = user
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .map_or_else(|| ".".to_string(), input::shown);
    let kind = match e.kind() {
        K::NotFound | K::NotADirectory => "no-dir",
        K::PermissionDenied | K::ReadOnlyFilesystem => "permission",
        K::IsADirectory => "directory",
        K::StorageFull => "full",
        _ => "other",
    };
    (
        input::with_io(
            Message::new("cli-cannot-write")
                .text("what", what.code())
                .text("path", shown.clone()),
            e,
        ),
        Some(
            Message::new("cli-cannot-write-help")
                .text("kind", kind)
                .text("dir", dir)
                .text("path", shown),
        ),
    )
}

/// Writes `text` atomically to the output `path` (see [`OutputFile`]); the error is a
/// message and a help line.
pub(crate) fn write_output(path: &Path, text: &str, what: Output) -> Result<(), Problem> {
    write_atomically(path, text).map_err(|e| output_error(what, path, &e))
}

/// Where the streamed human report goes: standard output or `-o FILE`.
enum HumanOut {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    File(std::io::BufWriter<OutputFile>, PathBuf),
}

pub(super) struct HumanWriter {
    lang: crate::i18n::Lang,
    out: HumanOut,
    wrote: bool,
    summary: bool,
    /// A write to standard output failed because the reader went away (`| head`).
    closed: bool,
}

impl HumanWriter {
    fn part(&mut self, text: &str) -> Result<(), std::io::Error> {
        if text.is_empty() || self.closed {
            return Ok(());
        }
        let sep: &[u8] = if self.wrote { b"\n" } else { b"" };
        self.wrote = true;
        let w: &mut dyn Write = match &mut self.out {
            HumanOut::Stdout(w) => w,
            HumanOut::File(w, _) => w,
        };
        match w.write_all(sep).and_then(|()| w.write_all(text.as_bytes())) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    fn error(&self, e: &std::io::Error) -> Problem {
        match &self.out {
            HumanOut::File(_, path) => output_error(Output::Report, path, e),
            HumanOut::Stdout(_) => stdout_error(e),
        }
    }

    pub(super) fn finish(&mut self, summary: &Summary) -> Result<(), Problem> {
        // No summary line when no file was linted: "no findings in 0 files" would read
        // like a pass; the run says instead that it found no plan.
        if self.summary && summary.files > 0 {
            let line = format!("{}\n", summary.line_in(self.lang));
            self.part(&line).map_err(|e| self.error(&e))?;
        }
        let out = std::mem::replace(
            &mut self.out,
            HumanOut::Stdout(std::io::BufWriter::new(std::io::stdout())),
        );
        match out {
            HumanOut::Stdout(mut w) => match w.flush() {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(stdout_error(&e)),
            },
            HumanOut::File(w, path) => w
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(OutputFile::commit)
                .map_err(|e| output_error(Output::Report, &path, &e)),
        }
    }
}

pub(super) fn stdout_error(e: &std::io::Error) -> Problem {
    (
        input::with_io(Message::new("cli-stdout"), e),
        Some(Message::new("cli-stdout.help")),
    )
}

/// Streams the human report: `produce` hands each file's report, in order, to the sink.
pub(super) fn stream_human(
    args: &LintArgs,
    lang: Lang,
    produce: impl FnOnce(&mut dyn FnMut(FileReport)),
) -> Result<HumanWriter, Problem> {
    let out = match report_file(args) {
        None => HumanOut::Stdout(std::io::BufWriter::new(std::io::stdout())),
        Some(path) => HumanOut::File(
            std::io::BufWriter::new(
                OutputFile::create(path).map_err(|e| output_error(Output::Report, path, &e))?,
            ),
            path.to_path_buf(),
        ),
    };
    let mut writer = HumanWriter {
        out,
        wrote: false,
        lang,
        summary: !args.quiet,
        closed: false,
    };
    let mut failure = None;
    produce(&mut |report: FileReport| {
        if failure.is_some() {
            return;
        }
        let part = report.rendered.unwrap_or_default();
        if let Err(e) = writer.part(&part) {
            failure = Some(writer.error(&e));
        }
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(writer),
    }
}

/// Writes to stdout; a closed pipe (`planlint … | head`) is not an error.
pub fn print_out(text: &str) -> Result<(), Problem> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(stdout_error(&e)),
    }
}

/// Writes `text` to `path` through a temporary file beside its target and a rename, so
/// a reader never sees half a file and a failed write leaves the old file intact.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let mut out = OutputFile::create(path)?;
    out.write_all(text.as_bytes())?;
    out.commit()
}

/// An output file: a temporary file beside the target, renamed over it on `commit` so a
/// reader never sees half a report; or, for `-o /dev/null`, a FIFO or `/dev/stdout`,
/// the target itself, since a rename would replace the device or pipe.
///
/// Through a symbolic link, the link's target is replaced and the link kept. A new file
/// gets the usual mode (0666 less the umask), a replaced one keeps its mode.
enum OutputFile {
    Temp(tempfile::NamedTempFile, PathBuf),
    Direct(std::fs::File),
}

impl OutputFile {
    fn create(path: &Path) -> std::io::Result<Self> {
        let target = OutputTarget::resolve(path)?;
        if let Some(meta) = &target.existing {
            if meta.is_dir() {
                return Err(std::io::Error::from(std::io::ErrorKind::IsADirectory));
            }
            if !meta.is_file() {
                return Ok(OutputFile::Direct(
                    std::fs::OpenOptions::new()
                        .write(true)
                        .open(&target.resolved)?,
                ));
            }
        }
        let dir = match target.resolved.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let tmp = new_temp_file(dir, target.existing.as_ref())?;
        Ok(OutputFile::Temp(tmp, target.resolved))
    }

    fn commit(self) -> std::io::Result<()> {
        match self {
            OutputFile::Direct(mut f) => f.flush(),
            OutputFile::Temp(tmp, path) => {
                tmp.as_file().sync_all()?;
                tmp.persist(path).map(|_| ()).map_err(|e| e.error)
            }
        }
    }
}

/// A temporary file in `dir` with the mode the final file should have: `existing`'s, or
/// for a new file 0666 less the umask (the open applies it), as any editor would create.
pub(super) fn new_temp_file(
    dir: &Path,
    existing: Option<&std::fs::Metadata>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".planlint-");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let tmp = builder.tempfile_in(dir)?;
    if let Some(meta) = existing {
        // Exactly the old mode, which the umask could have narrowed at the open.
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    Ok(tmp)
}

impl Write for OutputFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            OutputFile::Temp(f, _) => f.write(buf),
            OutputFile::Direct(f) => f.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            OutputFile::Temp(f, _) => f.flush(),
            OutputFile::Direct(f) => f.flush(),
        }
    }
}

/// Writes a streamed machine report to standard output or `-o FILE`: `produce` hands
/// each file's report, in order, to the sink, and nothing of a file is kept once its
/// part is written (or spilled, for the formats whose header counts every file).
pub(super) fn stream_report(
    args: &LintArgs,
    mut stream: Box<dyn crate::report::stream::Stream>,
    produce: impl FnOnce(&mut dyn FnMut(FileReport)),
) -> Result<(), Problem> {
    let mut out = match report_file(args) {
        None => HumanOut::Stdout(std::io::BufWriter::new(std::io::stdout())),
        Some(path) => HumanOut::File(
            std::io::BufWriter::new(
                OutputFile::create(path).map_err(|e| output_error(Output::Report, path, &e))?,
            ),
            path.to_path_buf(),
        ),
    };
    let mut failure = None;
    {
        let w: &mut dyn Write = match &mut out {
            HumanOut::Stdout(w) => w,
            HumanOut::File(w, _) => w,
        };
        produce(&mut |report: FileReport| {
            if failure.is_none()
                && let Err(e) = stream.file(&report, w)
            {
                failure = Some(e);
            }
        });
        if failure.is_none()
            && let Err(e) = stream.finish(w)
        {
            failure = Some(e);
        }
    }
    match out {
        HumanOut::Stdout(mut w) => match failure.map_or_else(|| w.flush(), Err) {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(stdout_error(&e)),
            _ => Ok(()),
        },
        HumanOut::File(w, path) => match failure {
            Some(e) => Err(output_error(Output::Report, &path, &e)),
            None => w
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(OutputFile::commit)
                .map_err(|e| output_error(Output::Report, &path, &e)),
        },
    }
}
