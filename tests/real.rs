//! Plans built from real companies' filings (`fixtures/real/`, sources in
//! `fixtures/real/SOURCES.md`), judged as a B2B investor would judge them: the US
//! companies under the `us-saas` preset, the Chinese ones under the article's. Every
//! finding is reviewed and written down as an `# expect:` comment on its line; the
//! absences of these partial plans are one `plan/missing-input` per principle.

mod support;
use support::expect::{assert_expectations, expectations, fixtures_dir, plan_files};

#[test]
fn us_companies_under_us_saas_report_exactly_what_was_reviewed() {
    let files = plan_files(&fixtures_dir().join("real/us"), &[]);
    assert!(files.len() >= 4, "{files:?}");
    assert_expectations(&files, &["--isolated", "--preset", "us-saas"]);
}

#[test]
fn chinese_companies_under_the_article_report_exactly_what_was_reviewed() {
    let files = plan_files(&fixtures_dir().join("real/cn"), &[]);
    assert!(files.len() >= 4, "{files:?}");
    assert_expectations(&files, &["--isolated", "--preset", "article"]);
}

#[test]
fn the_corpus_covers_at_least_eight_companies_and_every_figure_has_a_source() {
    let files = plan_files(&fixtures_dir().join("real"), &[]);
    assert!(files.len() >= 8, "{} plans", files.len());
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        assert!(text.contains("http"), "{}: no source address", f.display());
        // Every line with a figure carries its source tag or quote.
        for (i, line) in text.lines().enumerate() {
            let value = line.split('#').next().unwrap_or("");
            let figure = value.contains(':')
                && value.chars().any(|c| c.is_ascii_digit())
                && !value.trim_start().starts_with("planlint:")
                && !value.contains("year:")
                && !value.contains("founded:");
            if figure {
                assert!(
                    line.contains("# ["),
                    "{}:{}: a figure without its source tag: {line}",
                    f.display(),
                    i + 1
                );
            }
        }
    }
    // The problems the issue names are among the reviewed findings.
    let all: Vec<String> = files
        .iter()
        .flat_map(|f| expectations(f))
        .map(|e| e.2)
        .collect();
    for rule in [
        "patient-growth/revenue-decline",
        "large-customers/net-shrink",
    ] {
        assert!(
            all.iter().any(|r| r == rule),
            "{rule} never fires on the corpus"
        );
    }
}
