//! The JSON Schema of the plan format (written in the next step).

pub fn json_schema() -> String {
    String::new()
}
