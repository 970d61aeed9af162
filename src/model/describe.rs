//! What every key of the plan format means, by YAML path (`unit_economics.acv`, with `[]`
//! for the entries of a list: `projections[].revenue`). The sentences are messages of
//! `locales/<lang>/fields.ftl`, one per key: `planlint schema` gives each property its
//! English sentence as `description`, and the language server shows the sentence of the
//! configured language on hover. Unit tests in `schema.rs` keep the message files and the
//! loader's keys in step, both ways.

use crate::i18n::{self, Lang};

/// The message id of the key at `path`: `fields-`, then the path with `.` written `-` and
/// each list entry (`[]`) as one more `-` (`unit_economics.acv` →
/// `fields-unit_economics-acv`, `projections[].revenue` → `fields-projections--revenue`).
///
/// Keys never contain `-` (a key with anything but ASCII letters, digits and `_` has no
/// id), so a run of `-` tells how many list levels it stands for and two paths never share
/// an id.
pub fn message_id(path: &str) -> Option<String> {
    let mut id = String::from("fields");
    for segment in path.split('.') {
        let mut key = segment;
        let mut lists = 0;
        while let Some(k) = key.strip_suffix("[]") {
            key = k;
            lists += 1;
        }
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return None;
        }
        id.push('-');
        id.push_str(key);
        id.push_str(&"-".repeat(lists));
    }
    Some(id)
}

/// The description of the key at `path` (`unit_economics.acv`, `projections[].revenue`)
/// in `lang`, in English when `lang`'s files lack it; `None` for a key of no plan format.
pub fn description(path: &str, lang: Lang) -> Option<String> {
    let id = message_id(path)?;
    i18n::text_in(lang, &id).or_else(|| i18n::text_in(Lang::En, &id))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_path() {
        assert_eq!(
            message_id("unit_economics.acv").as_deref(),
            Some("fields-unit_economics-acv")
        );
        assert_eq!(
            message_id("projections[].revenue").as_deref(),
            Some("fields-projections--revenue")
        );
        assert_eq!(
            message_id("trust.decision_chain[].role").as_deref(),
            Some("fields-trust-decision_chain--role")
        );
        assert_eq!(message_id("currency").as_deref(), Some("fields-currency"));
    }

    #[test]
    fn paths_that_could_pass_for_another_key_have_no_id() {
        // A key written with `-`, `.` or other characters would otherwise borrow the id
        // (and the description) of a real key: `projections-` for `projections[]`.
        for path in [
            "",
            "projections-.revenue",
            "unit_economics.",
            ".acv",
            "unit_economics..acv",
            "unit-economics.acv",
            "[].revenue",
            "unit_economics.acv{",
            "单位.acv",
        ] {
            assert_eq!(message_id(path), None, "{path:?}");
        }
        assert_ne!(
            message_id("projections.items.revenue"),
            message_id("projections[].revenue")
        );
        assert_ne!(message_id("a[][].b"), message_id("a[].b"));
        assert_ne!(message_id("a[].b"), message_id("a.b[]"));
    }

    #[test]
    fn descriptions_are_in_the_language_asked_for() {
        let en = description("unit_economics.acv", Lang::En).unwrap_or_default();
        let zh = description("unit_economics.acv", Lang::Zh).unwrap_or_default();
        assert!(en.starts_with("Annual contract value"), "{en}");
        assert!(zh.starts_with("年合同额 ACV"), "{zh}");
        assert_eq!(description("unit_economics.valuation", Lang::Zh), None);
        assert_eq!(description("unit_economics-acv", Lang::En), None);
    }
}
