//! Machine reports written file by file (issue 15), so that memory does not grow with the
//! files linted: a [`Stream`] takes each file's report as soon as it is linted and keeps
//! only what the report has yet to write. A section that the format puts after another
//! per-file section (JSON's `diagnostics` after `files`, SARIF's `results` after its
//! `artifacts`) goes to a [`Spill`], an anonymous temporary file copied into the output
//! at the end. The output is byte for byte what [`super::Reporter::render`] gives.

use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};

use serde::Serialize;

use crate::engine::FileReport;

/// A report being written file by file, in the order of the report.
pub trait Stream {
    /// One file's report; what can be written already goes to `out`.
    fn file(&mut self, report: &FileReport, out: &mut dyn Write) -> io::Result<()>;
    /// The rest of the report, after the last file.
    fn finish(self: Box<Self>, out: &mut dyn Write) -> io::Result<()>;
}

/// `value` as `serde_json::to_string_pretty` writes it `depth` levels deep: every line
/// but the first indented by two spaces a level.
pub fn pretty_at<T: Serialize + ?Sized>(value: &T, depth: usize) -> String {
    // Serializing plain structs of strings and numbers cannot fail.
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    if depth == 0 || !text.contains('\n') {
        return text;
    }
    let indent = "  ".repeat(depth);
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&indent);
        }
        out.push_str(line);
    }
    out
}

/// The items of a JSON array (or entries of an object), written as they come to a
/// temporary file, or kept in memory when no temporary file can be made.
pub struct Spill {
    out: SpillOut,
    items: usize,
}

enum SpillOut {
    File(BufWriter<File>),
    Memory(Vec<u8>),
}

impl Default for Spill {
    fn default() -> Self {
        Self::new()
    }
}

impl Spill {
    pub fn new() -> Spill {
        let out = match tempfile::tempfile() {
            Ok(f) => SpillOut::File(BufWriter::new(f)),
            Err(_) => SpillOut::Memory(Vec::new()),
        };
        Spill { out, items: 0 }
    }

    pub fn is_empty(&self) -> bool {
        self.items == 0
    }

    fn writer(&mut self) -> &mut dyn Write {
        match &mut self.out {
            SpillOut::File(w) => w,
            SpillOut::Memory(v) => v,
        }
    }

    /// One array item, `depth` levels deep.
    pub fn item<T: Serialize + ?Sized>(&mut self, value: &T, depth: usize) -> io::Result<()> {
        let text = pretty_at(value, depth);
        self.raw_item(&format!("{}{text}", "  ".repeat(depth)))
    }

    /// One object entry, `depth` levels deep: `"key": value`.
    pub fn entry<T: Serialize + ?Sized>(
        &mut self,
        key: &str,
        value: &T,
        depth: usize,
    ) -> io::Result<()> {
        let key = serde_json::to_string(key).unwrap_or_default();
        let text = pretty_at(value, depth);
        self.raw_item(&format!("{}{key}: {text}", "  ".repeat(depth)))
    }

    /// One item already indented.
    pub fn raw_item(&mut self, text: &str) -> io::Result<()> {
        let sep: &[u8] = if self.items > 0 { b",\n" } else { b"" };
        self.items += 1;
        let w = self.writer();
        w.write_all(sep)?;
        w.write_all(text.as_bytes())
    }

    /// Text as it is, not an item (no separator).
    pub fn write(&mut self, text: &str) -> io::Result<()> {
        self.writer().write_all(text.as_bytes())
    }

    /// Copies the items into `out`, as they were written.
    pub fn copy_to(self, out: &mut dyn Write) -> io::Result<()> {
        match self.out {
            SpillOut::Memory(v) => out.write_all(&v),
            SpillOut::File(w) => {
                let mut f = w.into_inner().map_err(|e| e.into_error())?;
                f.rewind()?;
                io::copy(&mut f, out).map(|_| ())
            }
        }
    }

    /// The items as a JSON array whose items are `depth` levels deep: `[]` when empty.
    pub fn array_to(self, out: &mut dyn Write, depth: usize) -> io::Result<()> {
        self.bracketed_to(out, depth, "[", "]")
    }

    /// The entries as a JSON object whose entries are `depth` levels deep: `{}` when
    /// empty.
    pub fn object_to(self, out: &mut dyn Write, depth: usize) -> io::Result<()> {
        self.bracketed_to(out, depth, "{", "}")
    }

    fn bracketed_to(
        self,
        out: &mut dyn Write,
        depth: usize,
        open: &str,
        close: &str,
    ) -> io::Result<()> {
        if self.items == 0 {
            return write!(out, "{open}{close}");
        }
        writeln!(out, "{open}")?;
        self.copy_to(out)?;
        write!(out, "\n{}{close}", "  ".repeat(depth.saturating_sub(1)))
    }
}

/// Renders `reports` through `stream`, as the run would write them.
pub fn render_streamed(mut stream: Box<dyn Stream>, reports: &[FileReport]) -> io::Result<String> {
    let mut out = Vec::new();
    for r in reports {
        stream.file(r, &mut out)?;
    }
    stream.finish(&mut out)?;
    String::from_utf8(out).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine;
    use crate::lint::Settings;
    use crate::report::{self, Reporter};

    /// Every fixture, linted, as reports sorted by name (as the run makes them): some
    /// with findings, one per kind of failure, clean ones, and a name given twice.
    fn reports() -> Vec<FileReport> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
                let p = e.path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.to_string_lossy().ends_with(".yaml") {
                    out.push(p);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        walk(&root.join("fixtures"), &mut files);
        files.sort();
        files.push(files[0].clone());
        files.sort();
        let settings = Settings::default();
        files
            .iter()
            .map(|p| {
                let bytes = std::fs::read(p).unwrap();
                let name = p.strip_prefix(root).unwrap().display().to_string();
                let mut r = engine::lint_read(crate::input::decode(name, bytes), &settings);
                // As the run keeps them: only the lines the report quotes.
                r.compact(true);
                r
            })
            .collect()
    }

    fn info() -> report::RunInfo {
        crate::run::run_info(&Settings::default())
    }

    fn streamed(reporter: &dyn Reporter, reports: &[FileReport]) -> String {
        let stream = reporter.stream(&info()).expect("a streaming reporter");
        render_streamed(stream, reports).unwrap()
    }

    #[test]
    fn streamed_reports_are_byte_for_byte_the_rendered_ones() {
        let all = reports();
        assert!(all.len() > 50 && all.iter().any(|r| !r.findings.is_empty()));
        let reporters: [(&str, Box<dyn Reporter>); 6] = [
            ("markdown", Box::new(report::Markdown)),
            ("junit", Box::new(report::Junit)),
            ("json", Box::new(report::Json)),
            ("sarif", Box::new(report::Sarif)),
            ("gitlab", Box::new(report::Gitlab)),
            ("github", Box::new(report::Github)),
        ];
        for (name, reporter) in &reporters {
            for reports in [&all[..], &all[..1], &[][..]] {
                let rendered = reporter.render(reports, &info());
                let streamed = streamed(reporter.as_ref(), reports);
                if rendered != streamed {
                    let at = rendered
                        .bytes()
                        .zip(streamed.bytes())
                        .position(|(a, b)| a != b)
                        .unwrap_or(rendered.len().min(streamed.len()));
                    let from = at.saturating_sub(200);
                    panic!(
                        "{name}, {} files: differs at byte {at}:\n--- rendered\n{}\n--- streamed\n{}",
                        reports.len(),
                        rendered
                            .get(from..(at + 200).min(rendered.len()))
                            .unwrap_or(""),
                        streamed
                            .get(from..(at + 200).min(streamed.len()))
                            .unwrap_or(""),
                    );
                }
            }
        }
    }

    #[test]
    fn spills_write_json_arrays_and_objects() {
        let mut out = Vec::new();
        Spill::new().array_to(&mut out, 2).unwrap();
        let mut s = Spill::new();
        s.item(&[1, 2], 2).unwrap();
        s.item("x", 2).unwrap();
        s.array_to(&mut out, 2).unwrap();
        let mut o = Spill::new();
        o.entry("k\"", &Vec::<u8>::new(), 1).unwrap();
        o.object_to(&mut out, 1).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "[][\n    [\n      1,\n      2\n    ],\n    \"x\"\n  ]{\n  \"k\\\"\": []\n}"
        );
    }
}
