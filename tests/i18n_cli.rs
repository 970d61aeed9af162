//! What planlint itself says on stderr (errors, help lines, notes, config problems) is
//! worded in the run's language: `--lang`, else the config's `lang`, else the
//! environment's. A config that cannot be read is reported in the flag's or the
//! environment's language.

use std::path::Path;

use assert_cmd::Command;

/// planlint run in `dir` with no language from the environment but `lang_env`.
fn planlint_in(dir: &Path, lang_env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::cargo_bin("planlint").unwrap();
    cmd.current_dir(dir)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NO_COLOR")
        .env("CLICOLOR_FORCE", "0");
    for (k, v) in lang_env {
        cmd.env(k, v);
    }
    cmd
}

fn stderr_of(cmd: &mut Command, code: i32) -> String {
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(code), "stderr:\n{stderr}");
    stderr
}

const ZH: &[(&str, &str)] = &[("LANG", "zh_CN.UTF-8")];

/// No English frame is left: neither `error:` nor `help:`.
fn assert_no_english_frame(stderr: &str) {
    assert!(
        !stderr.contains("error:") && !stderr.contains("help:"),
        "{stderr}"
    );
}

#[test]
fn a_missing_file_is_said_in_chinese_under_a_chinese_locale() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = stderr_of(
        planlint_in(dir.path(), ZH).args(["--isolated", "nope.plan.yaml"]),
        2,
    );
    assert_eq!(
        stderr,
        "planlint：错误：nope.plan.yaml：文件或目录不存在\n  建议：检查路径；planlint 检查的是 *.plan.yaml 文件以及包含它们的目录\n"
    );
}

#[test]
fn the_flag_keeps_english_under_a_chinese_locale() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = stderr_of(
        planlint_in(dir.path(), ZH).args(["--isolated", "--lang", "en", "nope.plan.yaml"]),
        2,
    );
    assert_eq!(
        stderr,
        "planlint: error: nope.plan.yaml: no such file or directory\n  help: check the path; planlint lints files and directories of *.plan.yaml\n"
    );
}

#[test]
fn an_empty_directory_finds_no_plans_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let stderr = stderr_of(planlint_in(dir.path(), ZH).args(["--isolated", "plans"]), 2);
    assert!(
        stderr.starts_with("planlint：错误：在 plans 下没有找到计划文件\n  建议：检查路径；"),
        "{stderr}"
    );
    assert_no_english_frame(&stderr);

    // English as before.
    let stderr = stderr_of(
        planlint_in(dir.path(), &[("LANG", "C.UTF-8")]).args(["--isolated", "plans"]),
        2,
    );
    assert!(
        stderr.starts_with("planlint: error: no plans found under plans\n  help: check the paths;"),
        "{stderr}"
    );
}

#[test]
fn the_configs_language_words_the_runs_own_messages() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("planlint.toml"), "lang = \"zh\"\n").unwrap();
    std::fs::create_dir(dir.path().join("plans")).unwrap();
    let stderr = stderr_of(planlint_in(dir.path(), &[]).arg("plans"), 2);
    assert!(stderr.contains("没有找到计划文件"), "{stderr}");
    assert_no_english_frame(&stderr);
}

#[test]
fn an_unknown_config_key_is_said_in_chinese_with_the_suggestion() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("planlint.toml"),
        "[thresholds]\nmin_ltvv = 3\n",
    )
    .unwrap();
    let stderr = stderr_of(planlint_in(dir.path(), ZH).arg("x.plan.yaml"), 2);
    assert!(
        stderr.contains("在 [thresholds] 中有未知的键 `min_ltvv`"),
        "{stderr}"
    );
    assert!(stderr.contains("您是不是要找 `min_ltv`？"), "{stderr}");
    assert!(stderr.contains("此处"), "{stderr}");
    assert!(!stderr.contains("unknown key"), "{stderr}");

    // The flag wins over the environment, both ways.
    let en = stderr_of(
        planlint_in(dir.path(), ZH).args(["--lang", "en", "x.plan.yaml"]),
        2,
    );
    assert!(
        en.contains("unknown key `min_ltvv` in [thresholds]"),
        "{en}"
    );
    assert!(en.contains("did you mean `min_ltv`?"), "{en}");
    let zh = stderr_of(
        planlint_in(dir.path(), &[("LANG", "en_US.UTF-8")]).args(["--lang", "zh", "x.plan.yaml"]),
        2,
    );
    assert!(zh.contains("您是不是要找 `min_ltv`？"), "{zh}");
}

#[test]
fn a_config_that_sets_chinese_but_fails_is_reported_in_the_environments_language() {
    // The config's own `lang` cannot be trusted when the config does not parse.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("planlint.toml"),
        "lang = \"zh\"\nfail-on = \"loud\"\n",
    )
    .unwrap();
    let stderr = stderr_of(planlint_in(dir.path(), &[]).arg("x.plan.yaml"), 2);
    assert!(stderr.contains("unknown fail-on level `loud`"), "{stderr}");
    let stderr = stderr_of(planlint_in(dir.path(), ZH).arg("x.plan.yaml"), 2);
    assert!(stderr.contains("未知的fail-on 级别 `loud`"), "{stderr}");
}

#[test]
fn config_type_and_range_errors_are_worded_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        ("preset = 3\n", "`preset` 应为字符串，实际是整数"),
        ("exclude = \"a\"\n", "`exclude` 应为字符串数组"),
        (
            "[thresholds]\nmax_revenue_churn = \"lots\"\n",
            "实际是一段不是百分比的文字",
        ),
        ("[limits]\nmax_depth = 0\n", "默认值是 `max_depth = "),
        ("[fx]\nUSD = -1\n", "USD 的汇率必须是"),
    ];
    for (toml, expected) in cases {
        std::fs::write(dir.path().join("planlint.toml"), toml).unwrap();
        let stderr = stderr_of(planlint_in(dir.path(), ZH).arg("x.plan.yaml"), 2);
        assert!(stderr.contains(expected), "{toml}:\n{stderr}");
    }
}

#[test]
fn an_unreadable_config_file_is_said_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = stderr_of(
        planlint_in(dir.path(), ZH).args(["--config", "missing.toml", "x.plan.yaml"]),
        2,
    );
    assert_eq!(
        stderr,
        "planlint：错误：无法读取配置文件 missing.toml：文件或目录不存在\n  建议：检查 --config 给出的路径，或传入 --isolated 不使用任何配置\n"
    );
}

#[test]
fn an_unknown_selector_suggests_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let stderr = stderr_of(
        planlint_in(dir.path(), ZH).args([
            "--isolated",
            "--select",
            "large-customer/",
            "x.plan.yaml",
        ]),
        2,
    );
    assert!(
        stderr.contains("`large-customer/` 不是任何规则或原则；您是不是要找 `large-customers/`？"),
        "{stderr}"
    );
}

#[test]
fn baseline_notes_and_errors_are_worded_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let plan =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/large-customers/acv-floor.plan.yaml");
    std::fs::copy(&plan, dir.path().join("a.plan.yaml")).unwrap();
    let out = planlint_in(dir.path(), ZH)
        .args(["--isolated", "--write-baseline", "base.json", "a.plan.yaml"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with("planlint：已把 1 个文件中的 "),
        "{stderr}"
    );
    assert!(stderr.contains("写入基线 base.json"), "{stderr}");

    std::fs::write(dir.path().join("bad.json"), "{").unwrap();
    let stderr = stderr_of(
        planlint_in(dir.path(), ZH).args(["--isolated", "--baseline", "bad.json", "a.plan.yaml"]),
        2,
    );
    assert!(stderr.contains("不是 planlint 基线文件"), "{stderr}");
    assert!(
        stderr.contains("  建议：检查 --baseline 给出的路径"),
        "{stderr}"
    );

    let stderr = stderr_of(
        planlint_in(dir.path(), ZH).args(["--isolated", "-o", "a.plan.yaml", "a.plan.yaml"]),
        2,
    );
    assert!(
        stderr.contains("-o a.plan.yaml 是要检查的输入文件：写到那里会覆盖它"),
        "{stderr}"
    );
}

#[test]
fn output_errors_are_worded_in_chinese_whatever_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let plan = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clean/lianheng.plan.yaml");
    std::fs::copy(&plan, dir.path().join("a.plan.yaml")).unwrap();
    for format in ["human", "json"] {
        let stderr = stderr_of(
            planlint_in(dir.path(), ZH).args([
                "--isolated",
                "--format",
                format,
                "-o",
                "nodir/r.txt",
                "a.plan.yaml",
            ]),
            2,
        );
        assert_eq!(
            stderr,
            "planlint：错误：无法把报告写入 nodir/r.txt：文件或目录不存在\n  建议：先创建目录 nodir，或换一个路径\n",
            "{format}"
        );
    }
}

fn stdout_of(cmd: &mut Command) -> String {
    // Plain text: clap colours its help when CLICOLOR_FORCE is set at all.
    let out = cmd
        .env_remove("CLICOLOR_FORCE")
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_is_chinese_under_lang_zh_or_a_chinese_environment() {
    let dir = tempfile::tempdir().unwrap();
    let by_flag = stdout_of(planlint_in(dir.path(), &[]).args(["--lang", "zh", "--help"]));
    let by_env = stdout_of(planlint_in(dir.path(), &[("LANG", "zh_CN.UTF-8")]).arg("--help"));
    assert_eq!(by_flag, by_env);
    for words in [
        "用法：planlint",
        "命令:",
        "选项:",
        "参数:",
        "检查用 YAML 写的 B2B 商业计划书",
        "解释一条规则",
        "[可选值：human, json, sarif",
        "[默认：human]",
        "显示帮助",
        "退出码：0",
    ] {
        assert!(by_flag.contains(words), "{words:?} missing:\n{by_flag}");
    }
    for english in [
        "Usage:",
        "Options:",
        "Print help",
        "[default:",
        "[possible values:",
    ] {
        assert!(
            !by_flag.contains(english),
            "{english:?} left in English:\n{by_flag}"
        );
    }
    let explain =
        stdout_of(planlint_in(dir.path(), &[]).args(["explain", "--lang", "zh", "--help"]));
    assert!(explain.contains("用法：planlint explain"), "{explain}");
    assert!(explain.contains("规则 id，例如"), "{explain}");
    // The flags still work in Chinese help's command line.
    let version = stdout_of(planlint_in(dir.path(), &[]).args(["--lang", "zh", "-V"]));
    assert!(version.starts_with("planlint "), "{version}");
}

#[test]
fn help_stays_english_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let help = stdout_of(planlint_in(dir.path(), &[("LANG", "en_US.UTF-8")]).arg("--help"));
    assert!(help.contains("Usage: planlint"), "{help}");
    assert!(help.to_lowercase().contains("possible values:"), "{help}");
    assert!(!help.contains("用法"), "{help}");
}

#[test]
fn a_config_s_lang_words_the_help() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("planlint.toml"), "lang = \"zh\"\n").unwrap();
    let help = stdout_of(planlint_in(dir.path(), &[]).arg("--help"));
    assert!(help.contains("用法：planlint"), "{help}");
}
