//! What a rule needs from a plan, and whether the plan has it.
//!
//! A rule declares its inputs as YAML paths (`Rule::inputs`). Before a rule runs, the
//! engine asks this module whether each input is present in the document; a rule whose
//! inputs are absent does not run, and the engine reports it as not checked (and, for
//! absent values, once per principle as `plan/missing-input`). A rule that could not run
//! is never a pass.
//!
//! The input syntax: `unit_economics.acv` is one value; `a | b + c` is `a`, or both `b`
//! and `c`; `projections[*].revenue` is "in at least one list item". A value is absent
//! when its key is missing or its value is null (`acv: ~`); it is invalid when the loader
//! reported it with `plan/invalid-value` (that finding is the report: no second one).

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt::Write as _;

use rustc_hash::FxHashMap;

use crate::source::Span;
use crate::yaml::{Node, NodeKind};

/// Whether one input is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Presence {
    Present,
    Invalid,
    Missing,
}

/// The outcome of checking one rule's inputs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Met,
    /// Some inputs are absent (the paths as declared).
    Missing(Vec<String>),
    /// Some inputs are present but unreadable; none absent.
    Invalid(Vec<String>),
}

/// The document a rule's inputs are looked up in, with the paths the loader found
/// invalid. Each declared path is looked up once per document: rules share their inputs
/// (`unit_economics.acv` is read by a dozen), and walking the tree again for every rule
/// was a fifth of the lint's own instructions.
pub struct Lookup<'a> {
    pub doc: &'a Node,
    pub invalid: HashSet<&'a str>,
    /// The presence of every declared path asked for so far (the rules' paths, not the
    /// plan's keys: a fast hash is safe).
    seen: RefCell<FxHashMap<&'a str, Presence>>,
}

impl<'a> Lookup<'a> {
    pub fn new(doc: &'a Node, invalid_paths: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            doc,
            invalid: invalid_paths.into_iter().collect(),
            // About forty paths are declared by the built-in rules.
            seen: RefCell::new(FxHashMap::with_capacity_and_hasher(64, Default::default())),
        }
    }

    /// Checks every input of a rule.
    pub fn verdict(&self, inputs: &[&'a str]) -> Verdict {
        let mut missing = Vec::new();
        let mut invalid = Vec::new();
        for input in inputs {
            match self.requirement(input) {
                (Presence::Present, _) => {}
                (Presence::Invalid, paths) => invalid.extend(paths),
                (Presence::Missing, paths) => missing.extend(paths),
            }
        }
        if !missing.is_empty() {
            dedup(&mut missing);
            Verdict::Missing(missing)
        } else if !invalid.is_empty() {
            dedup(&mut invalid);
            Verdict::Invalid(invalid)
        } else {
            Verdict::Met
        }
    }

    /// One input entry (`a | b + c`): met when any alternative has all its paths. When
    /// none is, the paths that stand in the way of the nearest alternative: the fewest
    /// lacking, then the most already given (the plan's own way of stating it), then
    /// the first.
    fn requirement(&self, input: &'a str) -> (Presence, Vec<String>) {
        // (lacking, given) of the best alternative so far, its worst presence, its paths.
        let mut best: Option<((usize, usize), Presence, Vec<&'a str>)> = None;
        for alternative in input.split('|') {
            let mut lacking = Vec::new();
            let mut given = 0;
            let mut worst = Presence::Present;
            for path in alternative
                .split('+')
                .map(str::trim)
                .filter(|p| !p.is_empty())
            {
                let p = self.presence_once(path);
                if p == Presence::Present {
                    given += 1;
                } else {
                    lacking.push(path);
                    worst = worst.max(p);
                }
            }
            if lacking.is_empty() {
                return (Presence::Present, Vec::new());
            }
            let n = lacking.len();
            let better = best
                .as_ref()
                .is_none_or(|((m, g), _, _)| n < *m || (n == *m && given > *g));
            if better {
                best = Some(((n, given), worst, lacking));
            }
        }
        best.map_or((Presence::Present, Vec::new()), |(_, p, paths)| {
            (p, paths.into_iter().map(str::to_string).collect())
        })
    }

    /// `presence`, remembered for the document.
    fn presence_once(&self, path: &'a str) -> Presence {
        if let Some(&p) = self.seen.borrow().get(path) {
            return p;
        }
        let p = self.presence(path);
        self.seen.borrow_mut().insert(path, p);
        p
    }

    /// Whether the value at a declared path is present, absent or invalid.
    pub fn presence(&self, path: &str) -> Presence {
        // The path walked so far, built only when the loader reported invalid paths.
        let mut here = String::new();
        self.walk(self.doc, &mut here, Some(path))
    }

    /// `rest`: the segments still to walk, dot-separated (`None` at the value); `here`
    /// the path walked so far (kept only when there are invalid paths to compare it
    /// with), restored on return.
    fn walk(&self, node: &Node, here: &mut String, rest: Option<&str>) -> Presence {
        let Some(rest) = rest else {
            return match node.kind {
                NodeKind::Null => Presence::Missing,
                _ if !self.invalid.is_empty() && self.invalid.contains(here.as_str()) => {
                    Presence::Invalid
                }
                _ => Presence::Present,
            };
        };
        let (segment, rest) = match rest.split_once('.') {
            Some((segment, rest)) => (segment, Some(rest)),
            None => (rest, None),
        };
        let (key, each) = match segment.strip_suffix("[*]") {
            Some(k) => (k, true),
            None => (segment, false),
        };
        let NodeKind::Map(entries) = &node.kind else {
            return if matches!(node.kind, NodeKind::Null) {
                Presence::Missing
            } else {
                // A section of the wrong type was reported by the loader.
                Presence::Invalid
            };
        };
        let track = !self.invalid.is_empty();
        let parent_len = here.len();
        if track {
            if !here.is_empty() {
                here.push('.');
            }
            here.push_str(key);
            // Invalid also when the key is absent: a misspelt key that meant it was
            // reported.
            if self.invalid.contains(here.as_str()) {
                here.truncate(parent_len);
                return Presence::Invalid;
            }
        }
        let found = match entries.iter().rev().find(|e| e.key == *key) {
            None => Presence::Missing,
            Some(entry) if !each => self.walk(&entry.value, here, rest),
            Some(entry) => match &entry.value.kind {
                NodeKind::Seq(items) => {
                    let mut best = Presence::Missing;
                    let path_len = here.len();
                    for (i, item) in items.iter().enumerate() {
                        if track {
                            here.truncate(path_len);
                            push_index(here, i);
                        }
                        best = best.min(self.walk(item, here, rest));
                        if best == Presence::Present {
                            break;
                        }
                    }
                    best
                }
                NodeKind::Null => Presence::Missing,
                _ => Presence::Invalid,
            },
        };
        here.truncate(parent_len);
        found
    }

    /// The span of the deepest mapping key on the way to `path` that the document has:
    /// where a finding about the missing value points. `None` when even the top-level
    /// section is absent.
    pub fn enclosing_key(&self, path: &str) -> Option<(Span, String)> {
        let mut node = self.doc;
        let mut found = None;
        let mut here = String::new();
        for segment in path.split('.') {
            let key = segment.strip_suffix("[*]").unwrap_or(segment);
            let NodeKind::Map(entries) = &node.kind else {
                break;
            };
            let Some(entry) = entries.iter().rev().find(|e| e.key == key) else {
                break;
            };
            here = join(&here, key);
            found = Some((entry.key_span, here.clone()));
            node = &entry.value;
            if segment.ends_with("[*]") {
                break;
            }
        }
        found
    }

    /// The span of the document's first key: "the first line" of the plan.
    pub fn first_key(&self) -> Span {
        self.doc.first_key_span()
    }
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// `[i]` after the path in `out`.
fn push_index(out: &mut String, i: usize) {
    let _ = write!(out, "[{i}]");
}

fn dedup(paths: &mut Vec<String>) {
    let mut seen = HashSet::new();
    paths.retain(|p| seen.insert(p.clone()));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::SourceFile;
    use crate::yaml::{Limits, parse};

    fn doc(yaml: &str) -> Node {
        let file = SourceFile::new("t.yaml", yaml.to_string());
        parse(&file, &Limits::default())
            .ok()
            .and_then(|mut d| d.pop())
            .expect("test YAML parses")
    }

    #[test]
    fn absent_null_and_present() {
        let d = doc(
            "unit_economics:\n  acv: 5k\n  cac: ~\nprojections:\n  - {year: 2026}\n  - {year: 2027, revenue: 5M}\n",
        );
        let l = Lookup::new(&d, []);
        assert_eq!(l.presence("unit_economics.acv"), Presence::Present);
        assert_eq!(l.presence("unit_economics.cac"), Presence::Missing);
        assert_eq!(l.presence("unit_economics.ltv"), Presence::Missing);
        assert_eq!(l.presence("pricing.model"), Presence::Missing);
        assert_eq!(l.presence("projections[*].revenue"), Presence::Present);
        assert_eq!(l.presence("projections[*].cash_end"), Presence::Missing);
    }

    #[test]
    fn invalid_values_are_not_missing() {
        let d = doc("unit_economics:\n  acv: lots\nvalue: 5\n");
        let l = Lookup::new(&d, ["unit_economics.acv", "value"]);
        assert_eq!(l.presence("unit_economics.acv"), Presence::Invalid);
        assert_eq!(l.presence("value.kpi"), Presence::Invalid);
        assert_eq!(
            l.verdict(&["unit_economics.acv"]),
            Verdict::Invalid(vec!["unit_economics.acv".into()])
        );
    }

    #[test]
    fn alternatives_report_the_nearest_one() {
        let d = doc("unit_economics:\n  acv: 5k\n");
        let l = Lookup::new(&d, []);
        let ltv = "unit_economics.ltv | unit_economics.acv + unit_economics.lifetime_years";
        assert_eq!(
            l.verdict(&[ltv]),
            Verdict::Missing(vec!["unit_economics.lifetime_years".into()])
        );
        let empty = doc("planlint: 1\n");
        assert_eq!(
            Lookup::new(&empty, []).verdict(&[ltv]),
            Verdict::Missing(vec!["unit_economics.ltv".into()])
        );
        let d = doc("unit_economics:\n  acv: 5k\n  lifetime_years: 5\n");
        assert_eq!(Lookup::new(&d, []).verdict(&[ltv]), Verdict::Met);
    }

    #[test]
    fn enclosing_key_is_the_deepest_present_section() {
        let d = doc("planlint: 1\nunit_economics:\n  acv: 5k\n");
        let l = Lookup::new(&d, []);
        assert_eq!(
            l.enclosing_key("unit_economics.cac"),
            Some((Span::new(12, 14), "unit_economics".to_string()))
        );
        assert_eq!(l.enclosing_key("pricing.model"), None);
        assert_eq!(l.first_key(), Span::new(0, 8));
    }
}
