//! The subcommands besides linting: `explain`, `init` and `config`.

use std::path::Path;

use std::io::Write;

use super::output::{Output, new_temp_file, output_error, print_out};
use super::{Exit, RunError, config_and_lang, fail, lang_of, preset_of, say, say_help_text};
use crate::cli::{ColorChoice, ConfigArgs, PresetArg};
use crate::config::{Config, Preset};
use crate::i18n::{Lang, Message};
use crate::input;

/// The starter plan `planlint init` writes.
pub const STARTER_PLAN: &str = include_str!("../../templates/starter.plan.yaml");

/// `planlint explain QUERY`: the documentation with the thresholds of the
/// configuration and preset in force.
pub fn explain(query: &str, source: &ConfigArgs) -> Exit {
    let (config, lang) = match config_and_lang(source, ColorChoice::Auto) {
        Ok(found) => found,
        Err(exit) => return exit,
    };
    match explain_text(query, source, &config, lang).and_then(|text| Ok(print_out(&text)?)) {
        Ok(()) => Exit::Clean,
        Err(e) => fail(e, lang, ColorChoice::Auto),
    }
}

fn explain_text(
    query: &str,
    source: &ConfigArgs,
    config: &Config,
    lang: Lang,
) -> Result<String, RunError> {
    let preset = preset_of(source)
        .or(config.preset)
        .unwrap_or(Preset::Article);
    let settings = config.settings_for(None, Some(preset))?;
    let in_force = crate::docs::InForce {
        registry: &settings.registry,
        thresholds: &settings.thresholds,
        preset: preset.name(),
    };
    crate::docs::explain(query, &in_force, lang).map_err(|e| RunError::Worded {
        message: e.message,
        help: e.help,
    })
}

/// The starter plan in `currency`, its comments giving the thresholds of `preset`.
pub fn starter_plan(preset: Preset, currency: &str) -> String {
    use crate::model::value::{format_money, format_number, format_percent};
    let t = preset.thresholds();
    let money = |v: f64| format_money(v, &t.currency);
    STARTER_PLAN
        .replace("currency: CNY  ", &format!("currency: {currency:<5}"))
        .replace(
            "60,000 CNY at 5 years",
            &format!("{} at 5 years", money(t.min_ltv / 5.0)),
        )
        .replace("above 300,000 CNY", &format!("above {}", money(t.min_ltv)))
        .replace(
            "field sales above 50,000 CNY",
            &format!("field sales above {}", money(t.field_min_deal)),
        )
        .replace(
            "; 12 or fewer",
            &format!("; {} or fewer", format_number(t.max_cac_payback_months)),
        )
        .replace(
            "churn; below 20%",
            &format!("churn; below {}", format_percent(t.max_revenue_churn)),
        )
}

/// `planlint init FILE`: writes the starter plan, never over an existing file.
pub fn init(path: &Path, preset: Option<PresetArg>, currency: Option<&str>) -> Exit {
    // `init` has no `--lang`: the discovered config's language, else the environment's.
    let lang = lang_of(&ConfigArgs::default());
    match write_starter(path, preset, currency, lang) {
        Ok(()) => Exit::Clean,
        Err(e) => fail(e, lang, ColorChoice::Auto),
    }
}

fn write_starter(
    path: &Path,
    preset: Option<PresetArg>,
    currency: Option<&str>,
    lang: Lang,
) -> Result<(), RunError> {
    let currency = currency.map(str::to_ascii_uppercase);
    if let Some(c) = &currency
        && !crate::model::value::is_currency_code(c)
    {
        return Err(RunError::Usage((
            Message::new("cli-init-bad-currency")
                .text("code", crate::text::escape_line(c).into_owned()),
            Some(Message::new("cli-init-bad-currency.help")),
        )));
    }
    // A preset named, else the one kept in the currency asked for, else the default.
    let preset = match (preset, &currency) {
        (Some(PresetArg::Article), _) => Preset::Article,
        (Some(PresetArg::UsSaas), _) => Preset::UsSaas,
        (None, Some(c)) => Preset::ALL
            .iter()
            .copied()
            .find(|p| p.thresholds().currency == *c)
            .unwrap_or(Preset::Article),
        (None, None) => Preset::Article,
    };
    let currency = currency.unwrap_or_else(|| preset.thresholds().currency);
    let text = starter_plan(preset, &currency);
    let shown = input::shown(path);
    if std::fs::symlink_metadata(path).is_ok() {
        return Err(RunError::Usage((
            Message::new("cli-init-exists").text("path", shown.clone()),
            Some(Message::new("cli-init-exists.help")),
        )));
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let result = new_temp_file(dir, None).and_then(|mut tmp| {
        tmp.write_all(text.as_bytes())?;
        tmp.as_file().sync_all()?;
        // persist_noclobber fails rather than replace a file created meanwhile.
        tmp.persist_noclobber(path).map_err(|e| e.error)?;
        Ok(())
    });
    match result {
        Ok(()) => {
            let how = if preset == Preset::Article {
                String::new()
            } else {
                format!(" --preset {}", preset.name())
            };
            say(Message::new("cli-init-wrote")
                .text("currency", currency.clone())
                .text("path", shown.clone())
                .text("how", how)
                .render(lang));
            if preset != Preset::Article {
                say_help_text(
                    lang,
                    &Message::new("cli-init-preset-help")
                        .text("preset", preset.name())
                        .render(lang),
                );
            }
            if currency != preset.thresholds().currency {
                say_help_text(
                    lang,
                    &Message::new("cli-init-fx-help")
                        .text("preset", preset.name())
                        .text("preset_currency", preset.thresholds().currency)
                        .text("currency", currency.clone())
                        .render(lang),
                );
            }
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(RunError::Usage((
            Message::new("cli-init-raced").text("path", shown.clone()),
            Some(Message::new("cli-init-raced.help")),
        ))),
        Err(e) => Err(output_error(Output::Starter, path, &e).into()),
    }
}

/// `planlint config [FILE]`: the effective configuration.
pub fn show_config(file: Option<&Path>, source: &ConfigArgs) -> Exit {
    let (config, lang) = match config_and_lang(source, ColorChoice::Auto) {
        Ok(found) => found,
        Err(exit) => return exit,
    };
    let shown = config
        .settings_for(file, preset_of(source))
        .map_err(RunError::from)
        .and_then(|settings| Ok(print_out(&config.describe(&settings, preset_of(source)))?));
    match shown {
        Ok(()) => Exit::Clean,
        Err(e) => fail(e, lang, ColorChoice::Auto),
    }
}
