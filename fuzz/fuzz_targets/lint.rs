//! Arbitrary bytes through the whole pipeline: decode, parse, load, rules, suppressions,
//! and the human and JSON reports. Any panic is a bug; so is a span outside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

use planlint::engine;
use planlint::input;
use planlint::lint::Settings;
use planlint::report::{self, human::HumanOptions};

fuzz_target!(|data: &[u8]| {
    let read = input::decode("fuzz.plan.yaml".to_string(), data.to_vec());
    let report = engine::lint_read(read, &Settings::default());
    let text = &report.file.text;
    for f in &report.findings {
        for span in std::iter::once(f.span).chain(f.labels.iter().map(|l| l.span)) {
            assert!(
                span.end() <= text.len(),
                "{} span {:?} beyond the file",
                f.rule,
                span
            );
            assert!(text.is_char_boundary(span.offset) && text.is_char_boundary(span.end()));
        }
    }
    let reports = vec![report];
    let _ = report::human::render(
        &reports,
        HumanOptions {
            color: false,
            width: 100,
            summary: true,
            lang: planlint::i18n::Lang::En,
        },
    );
    let _ = report::json::render(&reports);
});
