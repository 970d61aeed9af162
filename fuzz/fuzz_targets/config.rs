//! Arbitrary bytes as `planlint.toml`: parse, resolve for both presets and for a file
//! under `[[overrides]]`, and describe. Any panic is a bug; so is an error whose span is
//! outside the file or whose message shows a control character raw, and so is a
//! `planlint config` output that does not read back as the same configuration.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;

use planlint::config::{Config, ConfigError, Preset};
use planlint::i18n::Lang;
use planlint::report::human;
use planlint::text::is_unsafe_char;

fn check_error(text: &str, e: &ConfigError) {
    let diagnostic = e.diagnostic(Lang::En);
    let f = &diagnostic;
    assert!(
        !f.message.chars().any(is_unsafe_char),
        "raw control in {:?}",
        f.message
    );
    if let Some(help) = &f.help {
        assert!(!help.chars().any(is_unsafe_char), "raw control in {help:?}");
    }
    if let Some(file) = &e.file {
        assert_eq!(file.text, text);
        assert!(
            f.span.end() <= text.len(),
            "span {:?} beyond the file",
            f.span
        );
        assert!(text.is_char_boundary(f.span.offset) && text.is_char_boundary(f.span.end()));
        let _ = human::render_one(file, f, false, Lang::En);
        let _ = e.diagnostic(Lang::Zh);
    }
}

/// The description without its first line, which names the file it came from.
fn body(described: &str) -> &str {
    described.split_once('\n').map_or("", |(_, rest)| rest)
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let config = match Config::parse("fuzz.toml", text, PathBuf::from(".")) {
        Ok(c) => c,
        Err(e) => return check_error(text, &e),
    };
    let _ = config.is_excluded(Path::new("archive/a.plan.yaml"));
    for preset in [None, Some(Preset::Article), Some(Preset::UsSaas)] {
        if let Err(e) = config.settings_for(Some(Path::new("legacy/a.plan.yaml")), preset) {
            check_error(text, &e);
            continue;
        }
        let Ok(settings) = config.settings_for(None, preset) else {
            panic!("settings for a file succeeded but not for standard input");
        };
        let described = config.describe(&settings, preset);
        assert!(
            !described
                .chars()
                .any(|c| is_unsafe_char(c) || c == '\t' || c == '\r'),
            "raw control in {described:?}"
        );
        // Pasted back as a config, the description is the same configuration.
        let again = match Config::parse("described.toml", &described, PathBuf::from(".")) {
            Ok(c) => c,
            Err(e) => panic!("the description does not read back: {}\n{described}", e),
        };
        let settings_again = match again.settings_for(None, None) {
            Ok(s) => s,
            Err(e) => panic!("the description does not resolve: {}\n{described}", e),
        };
        assert_eq!(
            settings.thresholds, settings_again.thresholds,
            "{described}"
        );
        let redescribed = again.describe(&settings_again, None);
        assert_eq!(body(&described), body(&redescribed));
    }
});
