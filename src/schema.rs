//! `planlint schema`: the JSON Schema of the plan format, generated from the loader, with
//! a `description` on every property (the English sentence of `locales/en/fields.ftl`,
//! through `model::describe`) so that an editor shows what a field means on hover.

use serde_json::{Value as Json, json};

use crate::i18n::Lang;
use crate::model::describe;

pub fn json_schema() -> String {
    let mut s = serde_json::to_string_pretty(&plan_schema()).unwrap_or_default();
    s.push('\n');
    s
}

/// The loader's schema with every property described.
pub fn plan_schema() -> Json {
    let mut schema = crate::load::plan_schema();
    schema["description"] = json!(
        "A business plan checked by planlint against ten principles of B2B business; see docs/plan-format.md."
    );
    // English: the schema is a machine contract, the same whatever the reader's language.
    describe_properties(&mut schema, "", &mut |path| {
        describe::description(path, Lang::En)
    });
    schema
}

/// Walks the `properties` of `node`, and of its list entries (`items`), calling `visit`
/// with each property's YAML path (`unit_economics.acv`, `projections[].revenue`) and
/// setting the `description` it returns.
fn describe_properties(
    node: &mut Json,
    prefix: &str,
    visit: &mut dyn FnMut(&str) -> Option<String>,
) {
    if let Some(Json::Object(props)) = node.get_mut("properties") {
        for (key, prop) in props.iter_mut() {
            let path = format!("{prefix}{key}");
            if let (Some(text), Json::Object(fields)) = (visit(&path), &mut *prop) {
                fields.insert("description".to_string(), json!(text));
            }
            describe_properties(prop, &format!("{path}."), visit);
            if let Some(items) = prop.get_mut("items") {
                describe_properties(items, &format!("{path}[]."), visit);
            }
        }
    }
}

/// The YAML path of every property of the plan format, in schema order.
pub fn property_paths() -> Vec<String> {
    let mut paths = Vec::new();
    let mut schema = crate::load::plan_schema();
    describe_properties(&mut schema, "", &mut |path| {
        paths.push(path.to_string());
        None
    });
    paths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n;
    use std::collections::{BTreeMap, BTreeSet};

    /// The message ids `locales/<lang>/fields.ftl` declares.
    fn declared(lang: Lang) -> Vec<String> {
        let source = i18n::sources(lang)
            .iter()
            .find(|(file, _)| *file == "fields")
            .map(|(_, s)| *s)
            .unwrap_or_else(|| panic!("locales/{}/fields.ftl is embedded", lang.code()));
        let resource = fluent_syntax::parser::parse(source)
            .unwrap_or_else(|(_, e)| panic!("locales/{}/fields.ftl: {e:?}", lang.code()));
        resource
            .body
            .iter()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_property_has_a_message_in_both_languages() {
        let mut missing = Vec::new();
        for path in property_paths() {
            for lang in Lang::ALL {
                let found =
                    describe::message_id(&path).is_some_and(|id| i18n::has_message(lang, &id));
                if !found {
                    missing.push(format!("{path} ({})", lang.code()));
                }
            }
        }
        assert!(
            missing.is_empty(),
            "schema properties without a message in locales/<lang>/fields.ftl: {missing:?}"
        );
    }

    #[test]
    fn every_message_is_a_property() {
        let ids: BTreeSet<String> = property_paths()
            .iter()
            .filter_map(|p| describe::message_id(p))
            .collect();
        for lang in Lang::ALL {
            let stale: Vec<String> = declared(lang)
                .into_iter()
                .filter(|id| !ids.contains(id))
                .collect();
            assert!(
                stale.is_empty(),
                "messages of locales/{}/fields.ftl that are not keys of the plan format: {stale:?}",
                lang.code()
            );
        }
    }

    #[test]
    fn no_two_properties_share_a_message_id() {
        let mut seen: BTreeMap<String, String> = BTreeMap::new();
        let paths = property_paths();
        assert!(paths.len() > 100, "only {} properties", paths.len());
        for path in paths {
            let id =
                describe::message_id(&path).unwrap_or_else(|| panic!("{path} has no message id"));
            if let Some(other) = seen.insert(id.clone(), path.clone()) {
                panic!("{path} and {other} both map to `{id}`");
            }
        }
    }

    #[test]
    fn descriptions_are_one_sentence_in_each_language() {
        for path in property_paths() {
            for (lang, stop) in [(Lang::En, '.'), (Lang::Zh, '。')] {
                let text = describe::description(&path, lang).unwrap_or_default();
                let t = text.trim();
                assert!(
                    t.chars().count() > 10 && t.ends_with(stop) && !t.contains('\n'),
                    "{path} ({}): the description should be one sentence ending in {stop:?}: {t:?}",
                    lang.code()
                );
            }
            let zh = describe::description(&path, Lang::Zh).unwrap_or_default();
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{path}: the Chinese description is not in Chinese: {zh:?}"
            );
        }
    }

    #[test]
    fn descriptions_reach_nested_properties_and_list_entries() {
        let schema = plan_schema();
        let acv = &schema["properties"]["unit_economics"]["properties"]["acv"];
        assert_eq!(
            acv["description"].as_str(),
            Some(
                "Annual contract value: money one customer pays a year, in the plan's currency, e.g. 120k."
            )
        );
        let revenue = &schema["properties"]["projections"]["items"]["properties"]["revenue"];
        assert_eq!(
            revenue["description"].as_str(),
            describe::description("projections[].revenue", Lang::En).as_deref()
        );
        let tam = &schema["properties"]["market"]["properties"]["accounts"]["properties"]["tam"];
        assert!(tam["description"].as_str().is_some_and(|d| !d.is_empty()));
        // A range's `items: false` is left alone.
        let employees = &schema["properties"]["market"]["properties"]["customer_size"]["properties"]
            ["employees"];
        assert_eq!(employees["items"], json!(false));
    }
}
