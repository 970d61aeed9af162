//! `planlint schema`: the JSON Schema of the plan format, generated from the loader, with
//! a `description` on every property (from `model::describe`) so that an editor shows
//! what a field means on hover.

use serde_json::{Value as Json, json};

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
    describe_properties(&mut schema, "", &mut |path| {
        describe::description(path).map(str::to_string)
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
    use std::collections::BTreeSet;

    #[test]
    fn every_property_has_a_table_entry() {
        let missing: Vec<String> = property_paths()
            .into_iter()
            .filter(|p| describe::description(p).is_none())
            .collect();
        assert!(
            missing.is_empty(),
            "schema properties without an entry in model/describe.rs: {missing:?}"
        );
    }

    #[test]
    fn every_table_entry_is_a_property() {
        let paths: BTreeSet<String> = property_paths().into_iter().collect();
        let stale: Vec<&str> = describe::FIELD_DESCRIPTIONS
            .iter()
            .map(|(p, _)| *p)
            .filter(|p| !paths.contains(*p))
            .collect();
        assert!(
            stale.is_empty(),
            "entries of model/describe.rs that are not keys of the plan format: {stale:?}"
        );
    }

    #[test]
    fn table_entries_are_unique_sentences() {
        let mut seen = BTreeSet::new();
        for (path, text) in describe::FIELD_DESCRIPTIONS {
            assert!(seen.insert(*path), "{path} is described twice");
            let t = text.trim();
            assert!(
                t.len() > 10 && t.ends_with('.') && !t.contains('\n'),
                "{path}: the description should be one sentence ending in a full stop: {t:?}"
            );
        }
    }

    #[test]
    fn descriptions_reach_nested_properties_and_list_entries() {
        let schema = plan_schema();
        let acv = &schema["properties"]["unit_economics"]["properties"]["acv"];
        assert_eq!(
            acv["description"].as_str(),
            describe::description("unit_economics.acv")
        );
        let revenue = &schema["properties"]["projections"]["items"]["properties"]["revenue"];
        assert_eq!(
            revenue["description"].as_str(),
            describe::description("projections[].revenue")
        );
        let tam = &schema["properties"]["market"]["properties"]["accounts"]["properties"]["tam"];
        assert!(tam["description"].as_str().is_some_and(|d| !d.is_empty()));
        // A range's `items: false` is left alone.
        let employees = &schema["properties"]["market"]["properties"]["customer_size"]["properties"]
            ["employees"];
        assert_eq!(employees["items"], json!(false));
    }
}
