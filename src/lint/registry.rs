//! The rules a run checks, as a value handed to the engine (built-in rules today; rule
//! packs can add theirs at run time), and everything that names rules by text: selectors
//! (`large-customers/acv-floor`, `large-customers/`, `large-customers`) and the "did you
//! mean" suggestions for a mistyped id, key or word.

use super::Rule;

/// An ordered set of rules with unique ids, in catalogue order. Shared, not copied, by
/// the settings of every file of a run.
#[derive(Clone, Debug, Default)]
pub struct Registry {
    rules: std::sync::Arc<Vec<&'static Rule>>,
}

/// A rule whose id is already registered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DuplicateRule(pub &'static str);

impl std::fmt::Display for DuplicateRule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "rule `{}` is declared twice", self.0)
    }
}

impl std::error::Error for DuplicateRule {}

impl Registry {
    /// A registry of `rules`, in that order.
    pub fn new(rules: impl IntoIterator<Item = &'static Rule>) -> Result<Self, DuplicateRule> {
        let mut registry = Registry::default();
        for rule in rules {
            registry.add(rule)?;
        }
        Ok(registry)
    }

    /// Adds a rule after the others; its id must be new.
    pub fn add(&mut self, rule: &'static Rule) -> Result<(), DuplicateRule> {
        if self.find(rule.id).is_some() {
            return Err(DuplicateRule(rule.id));
        }
        std::sync::Arc::make_mut(&mut self.rules).push(rule);
        Ok(())
    }

    /// Every rule, in catalogue order.
    pub fn rules(&self) -> &[&'static Rule] {
        &self.rules
    }

    pub fn iter(&self) -> impl Iterator<Item = &'static Rule> + '_ {
        self.rules.iter().copied()
    }

    pub fn find(&self, id: &str) -> Option<&'static Rule> {
        self.iter().find(|r| r.id == id)
    }

    /// The principle slugs (rule id prefixes), in catalogue order.
    pub fn principles(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        for r in self.iter() {
            if !out.contains(&r.principle()) {
                out.push(r.principle());
            }
        }
        out
    }

    /// True when `selector` names at least one registered rule.
    pub fn selector_is_known(&self, selector: &str) -> bool {
        self.iter().any(|r| selector_matches(selector, r.id))
    }

    /// The registered rule id or principle prefix nearest to a mistyped selector.
    pub fn suggest_selector(&self, selector: &str) -> Option<String> {
        let mut candidates: Vec<String> = self.iter().map(|r| r.id.to_string()).collect();
        candidates.extend(self.principles().iter().map(|p| format!("{p}/")));
        let refs: Vec<&str> = candidates.iter().map(String::as_str).collect();
        nearest(selector, &refs).map(str::to_string)
    }
}

/// True when `selector` (a rule id, `principle/` or `principle`) names `rule_id`.
pub fn selector_matches(selector: &str, rule_id: &str) -> bool {
    let s = selector.trim();
    if s == rule_id {
        return true;
    }
    let prefix = s.trim_end_matches('/');
    rule_id
        .split_once('/')
        .is_some_and(|(principle, _)| principle == prefix)
}

/// A name as suggestions compare it: case, `_`, `-` and spaces ignored.
fn normalized(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-' | ' '))
        .flat_map(char::to_lowercase)
        .collect()
}

/// How close a candidate must be to count as a likely typo (Jaro-Winkler).
const TYPO_SIMILARITY: f64 = 0.8;

/// The candidates equal to `word` once normalized, and those close enough to be a likely
/// typo of it, with their similarity.
fn matches<'c>(word: &str, candidates: &[&'c str]) -> (Vec<&'c str>, Vec<(f64, &'c str)>) {
    let w = normalized(word);
    let mut exact = Vec::new();
    let mut near = Vec::new();
    for c in candidates.iter().copied() {
        let n = normalized(c);
        if n == w {
            exact.push(c);
        } else {
            let score = strsim::jaro_winkler(&w, &n);
            if score >= TYPO_SIMILARITY {
                near.push((score, c));
            }
        }
    }
    (exact, near)
}

/// The candidate closest to `word`, if any is close enough to be a likely typo.
/// Case, `_`, `-` and spaces are ignored, so `seriesA` suggests `series_a`.
pub fn nearest<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let (exact, near) = matches(word, candidates);
    if let Some(first) = exact.first() {
        return Some(first);
    }
    near.into_iter()
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// The one candidate close to `word`: an exact match (ignoring case, `_`, `-` and
/// spaces), else the only candidate close enough to be a likely typo. `None` when none is,
/// or when several are (a fix must not guess between them).
pub fn nearest_unique<'c>(word: &str, candidates: &[&'c str]) -> Option<&'c str> {
    let (exact, near) = matches(word, candidates);
    match (exact.as_slice(), near.as_slice()) {
        ([one], _) => Some(one),
        ([], [(_, one)]) => Some(one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selectors() {
        let id = "large-customers/acv-floor";
        assert!(selector_matches("large-customers/", id));
        assert!(selector_matches("large-customers", id));
        assert!(selector_matches(id, id));
        assert!(!selector_matches("large-customers/acv", id));
        assert!(!selector_matches("large", id));
    }
}
