//! `planlint explain` and `planlint rules` in Chinese: chosen by `--lang zh` or by a
//! Chinese environment, with the generated severity/threshold line, the summaries and the
//! errors worded in Chinese; English stays the default.

mod support;

use support::planlint;

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The command with no language in its environment.
fn bare() -> assert_cmd::Command {
    let mut cmd = planlint();
    cmd.env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    cmd
}

#[test]
fn explain_with_lang_zh_prints_the_chinese_section_and_a_chinese_severity_line() {
    let text = stdout_of(bare().args([
        "explain",
        "large-customers/acv-floor",
        "--lang",
        "zh",
        "--isolated",
    ]));
    assert!(
        text.starts_with("large-customers/acv-floor  （large-customers · 默认错误）\n\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "\n**默认严重级别：** 错误 · **当前阈值：** `min_ltv` = 30万 CNY（预设 `article` 与配置）\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("### 检查什么") && text.contains("### 修改"),
        "{text}"
    );
    assert!(!text.contains("Default severity"), "{text}");
    assert!(!text.contains("What it checks"), "{text}");
}

#[test]
fn explain_in_a_chinese_environment_is_chinese_and_lang_en_overrides_it() {
    let zh = stdout_of(bare().env("LANG", "zh_CN.UTF-8").args([
        "explain",
        "large-customers",
        "--isolated",
    ]));
    assert!(zh.starts_with("# large-customers — 原则三"), "{zh}");
    assert_eq!(zh.matches("**默认严重级别：**").count(), 8, "{zh}");
    let en = stdout_of(bare().env("LANG", "zh_CN.UTF-8").args([
        "explain",
        "large-customers",
        "--isolated",
        "--lang",
        "en",
    ]));
    assert!(en.starts_with("# large-customers — principle 3"), "{en}");
    assert!(en.contains("**Default severity:** error · **Threshold in force:** `min_ltv` = 300,000 CNY (preset `article` and the configuration)"), "{en}");
}

#[test]
fn an_unknown_name_is_refused_in_chinese() {
    let out = bare()
        .args(["explain", "large-customers/acv-flor", "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        err,
        "planlint：错误：没有名为 `large-customers/acv-flor` 的规则或原则；您是不是要找 \
         `large-customers/acv-floor`？\n  建议：运行 `planlint rules` 查看全部规则和原则\n"
    );
}

#[test]
fn rules_in_a_chinese_environment_prints_chinese_summaries() {
    let text = stdout_of(bare().env("LANG", "zh_CN.UTF-8").arg("rules"));
    let line = text
        .lines()
        .find(|l| l.starts_with("large-customers/acv-floor "))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.ends_with("  error    年合同额 ACV 低于 `min_ltv` / `lifetime_years`"),
        "{line}"
    );
    assert!(
        text.trim_end().ends_with("`planlint explain ID` 查看详情"),
        "{text}"
    );
    assert!(!text.contains("annual contract value"), "{text}");
    // --lang wins over the environment, both ways.
    let en = stdout_of(
        bare()
            .env("LANG", "zh_CN.UTF-8")
            .args(["rules", "--lang", "en"]),
    );
    assert!(en.contains("annual contract value is below min_ltv / lifetime_years"));
    let zh = stdout_of(bare().args(["rules", "--lang", "zh"]));
    assert_eq!(zh, text);
}

#[test]
fn rules_json_is_english_by_default_and_carries_chinese_summaries_under_lang_zh() {
    let en: serde_json::Value =
        serde_json::from_str(&stdout_of(bare().args(["rules", "--format", "json"]))).unwrap();
    let zh: serde_json::Value = serde_json::from_str(&stdout_of(
        bare().args(["rules", "--format", "json", "--lang", "zh"]),
    ))
    .unwrap();
    let (en, zh) = (en.as_array().unwrap(), zh.as_array().unwrap());
    assert_eq!(en.len(), zh.len());
    for (e, z) in en.iter().zip(zh) {
        assert_eq!(e["id"], z["id"]);
        assert_eq!(e["severity"], z["severity"]);
        assert_ne!(e["summary"], z["summary"], "{}", e["id"]);
    }
    let acv = en
        .iter()
        .find(|r| r["id"] == "large-customers/acv-floor")
        .unwrap();
    assert_eq!(
        acv["summary"],
        "annual contract value is below min_ltv / lifetime_years"
    );
}
