//! Property test: valid plans mutated at random (bytes cut, inserted, lines repeated or
//! swapped, YAML punctuation and odd values spliced in) go through the whole pipeline
//! (decode, parse, load, rules, suppressions, human and JSON reports) without a panic,
//! and every span lies inside the file on character boundaries.

use proptest::prelude::*;

use planlint::engine;
use planlint::input;
use planlint::lint::Settings;
use planlint::report::{self, human::HumanOptions};

const PLANS: &[&str] = &[
    include_str!("../fixtures/clean/lianheng.plan.yaml"),
    include_str!("../fixtures/clean/zhijian-cloud.plan.yaml"),
    include_str!("../fixtures/clean/freightwise.plan.yaml"),
    include_str!("../fixtures/plan/wrong-types.plan.yaml"),
];

const SPLICES: &[&str] = &[
    ":",
    ": ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ",",
    "&a ",
    "*a",
    "<<: *a\n",
    "\t",
    "\n",
    "\r\n",
    "  ",
    "万",
    "亿",
    "%",
    "x",
    "-1e999",
    ".nan",
    "null",
    "~",
    "\"",
    "'",
    "#",
    "# planlint-disable-line large-customers/\n",
    "---\n",
    "? ",
    "|\n",
    ">-\n",
    "!!str ",
    "\u{feff}",
    "\0",
    "\u{200b}",
    "12万",
    "-700万",
    "1.2.3M",
];

#[derive(Debug, Clone)]
enum Mutation {
    Cut { at: usize, len: usize },
    Insert { at: usize, what: usize },
    InsertByte { at: usize, byte: u8 },
    RepeatLine { line: usize },
    SwapLines { a: usize, b: usize },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0usize..40).prop_map(|(at, len)| Mutation::Cut { at, len }),
        (any::<usize>(), 0..SPLICES.len()).prop_map(|(at, what)| Mutation::Insert { at, what }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::InsertByte { at, byte }),
        any::<usize>().prop_map(|line| Mutation::RepeatLine { line }),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines { a, b }),
    ]
}

fn apply(mut bytes: Vec<u8>, m: &Mutation) -> Vec<u8> {
    let n = bytes.len().max(1);
    match *m {
        Mutation::Cut { at, len } => {
            let at = at % n;
            let end = (at + len).min(bytes.len());
            if at < end {
                bytes.drain(at..end);
            }
        }
        Mutation::Insert { at, what } => {
            let at = at % (bytes.len() + 1);
            bytes.splice(at..at, SPLICES[what].bytes());
        }
        Mutation::InsertByte { at, byte } => {
            let at = at % (bytes.len() + 1);
            bytes.insert(at, byte);
        }
        Mutation::RepeatLine { line } => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let i = line % lines.len();
            let copy = lines[i].clone();
            lines.insert(i, copy);
            bytes = lines.join(&b'\n');
        }
        Mutation::SwapLines { a, b } => {
            let mut lines: Vec<Vec<u8>> =
                bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let (i, j) = (a % lines.len(), b % lines.len());
            lines.swap(i, j);
            bytes = lines.join(&b'\n');
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn mutated_plans_never_panic_and_spans_stay_inside(
        plan in 0..PLANS.len(),
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let mut bytes = PLANS[plan].as_bytes().to_vec();
        for m in &mutations {
            bytes = apply(bytes, m);
        }
        let read = input::decode("m.plan.yaml".to_string(), bytes);
        let report = engine::lint_read(read, &Settings::default());
        let text = &report.file.text;
        for f in &report.findings {
            for span in std::iter::once(f.span).chain(f.labels.iter().map(|l| l.span)) {
                prop_assert!(span.end() <= text.len(), "{} {:?} beyond {}", f.rule, span, text.len());
                prop_assert!(text.is_char_boundary(span.offset), "{} {:?} not on a boundary", f.rule, span);
                prop_assert!(text.is_char_boundary(span.end()), "{} {:?} not on a boundary", f.rule, span);
            }
        }
        let reports = vec![report];
        let human = report::human::render(&reports, HumanOptions { color: false, width: 100, summary: true, lang: planlint::i18n::Lang::En });
        prop_assert!(human.ends_with('\n'));
        let json = report::json::render(&reports);
        prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }
}
