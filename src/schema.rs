//! `planlint schema`: the JSON Schema of the plan format, generated from the loader.

pub fn json_schema() -> String {
    let mut s =
        serde_json::to_string_pretty(&crate::model::load::plan_schema()).unwrap_or_default();
    s.push('\n');
    s
}
