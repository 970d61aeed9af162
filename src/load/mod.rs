//! Tolerant conversion of a YAML node tree into a typed `Plan`.
//!
//! Every wrong value becomes a `plan/invalid-value` finding at its span and the field
//! becomes `Field::Invalid`; the rest of the document is still read. Unknown keys are
//! `plan/unknown-key` with the nearest known key of the same mapping, and repeated keys
//! are `plan/duplicate-key` with both places labelled (the last one is used, as YAML
//! loaders commonly do).

pub mod currency;
pub mod kind;

use std::collections::HashMap;

use serde_json::{Map, Value as Json, json};

use crate::i18n::Message;
use crate::lint::{Finding, Fix};
use crate::lint::{nearest, nearest_unique};
use crate::model::plan::*;
use crate::model::value::*;
use crate::source::{SourceFile, Span};
use crate::yaml::{Entry, Node, NodeKind};

/// Mappings up to this many entries find repeated keys by comparison, larger ones with
/// a hash index.
const SMALL_MAP: usize = 32;

/// The format version this build reads.
pub const FORMAT_VERSION: i64 = 1;

/// Reads one YAML document into a `Plan`, appending format findings to `findings`.
/// `None` when the document is not a mapping (a list or a scalar): there is no plan to
/// check, and the finding says so.
pub fn load_plan(file: &SourceFile, root: &Node, findings: &mut Vec<Finding>) -> Option<Plan> {
    let mut ld = Loader { file, findings };
    let document = Place {
        span: root.span,
        path: String::new(),
    };
    let mut plan = Plan {
        document,
        ..Plan::default()
    };
    let mut m = ld.map_view(root, "")?;
    // The currency comes first: money values are checked against it.
    plan.currency = ld.field(&mut m, "currency", kind::Currency);
    if plan.currency.is_missing() {
        plan.currency_inferred = currency::infer(root, ld.findings);
    }
    let currency = plan.currency_code().to_string();
    ld_plan(&mut ld, &mut m, &mut plan, &currency);
    ld.finish(m);
    Some(plan)
}

/// The JSON Schema (2020-12) of the plan format, gathered by running the loader over
/// no document: every field it reads describes itself.
pub fn plan_schema() -> Json {
    let file = SourceFile::new("<schema>", String::new());
    let mut findings = Vec::new();
    let mut ld = Loader {
        file: &file,
        findings: &mut findings,
    };
    let mut m = MapView::for_schema();
    let mut plan = Plan::default();
    ld.field(&mut m, "currency", kind::Currency);
    ld_plan(&mut ld, &mut m, &mut plan, "CNY");
    let mut schema = m.object_schema();
    // Unknown keys are warnings for planlint; an editor should flag them all the same.
    schema["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    schema["$id"] = json!("https://planlint.dev/schema/plan-v1.json");
    schema["title"] = json!("planlint business plan, format version 1");
    schema
}

/// Reads every section of a plan; each section's fields are listed in its own function.
fn ld_plan(ld: &mut Loader, m: &mut MapView, plan: &mut Plan, cur: &str) {
    plan.planlint = ld.field(m, "planlint", kind::Version);
    plan.company = ld.section(m, "company", read_company);
    plan.market = ld.section(m, "market", |ld, m| read_market(ld, m, cur));
    plan.needs = ld.list(m, "needs", read_needs);
    plan.value_chain = ld.list(m, "value_chain", read_value_chain);
    plan.value = ld.section(m, "value", |ld, m| read_value(ld, m, cur));
    plan.trust = ld.section(m, "trust", read_trust);
    plan.vision = ld.section(m, "vision", read_vision);
    plan.unit_economics = ld.section(m, "unit_economics", |ld, m| read_unit_economics(ld, m, cur));
    plan.sales = ld.section(m, "sales", |ld, m| read_sales(ld, m, cur));
    plan.product = ld.section(m, "product", read_product);
    plan.pricing = ld.section(m, "pricing", |ld, m| read_pricing(ld, m, cur));
    plan.customer_success = ld.section(m, "customer_success", read_customer_success);
    plan.data = ld.section(m, "data", read_data);
    plan.projections = ld.list(m, "projections", |ld, m| read_projections(ld, m, cur));
}

fn read_company(ld: &mut Loader, m: &mut MapView) -> Company {
    Company {
        name: ld.field(m, "name", kind::Text),
        founded: ld.field(m, "founded", kind::Year),
        stage: ld.field(m, "stage", kind::Enum::<Stage>::NEW),
        platform_giant: ld.field(m, "platform_giant", kind::Bool),
    }
}

fn read_market(ld: &mut Loader, m: &mut MapView, cur: &str) -> Market {
    Market {
        category: ld.field(m, "category", kind::Text),
        new_category: ld.field(m, "new_category", kind::Bool),
        niche: ld.field(m, "niche", kind::Text),
        industries: ld.field(m, "industries", kind::TextList),
        regions: ld.field(m, "regions", kind::TextList),
        customer_size: ld.section(m, "customer_size", |ld, m| CustomerSize {
            employees: ld.field(m, "employees", kind::Range(kind::Count)),
            annual_revenue: ld.field(m, "annual_revenue", kind::Range(kind::Money::positive(cur))),
        }),
        accounts: ld.section(m, "accounts", |ld, m| Accounts {
            tam: ld.field(m, "tam", kind::Count),
            sam: ld.field(m, "sam", kind::Count),
        }),
    }
}

fn read_needs(ld: &mut Loader, m: &mut MapView) -> Need {
    Need {
        statement: ld.field(m, "statement", kind::Text),
        must_have: ld.field(m, "must_have", kind::Bool),
        hidden: ld.field(m, "hidden", kind::Bool),
        evidence: ld.field(m, "evidence", kind::Text),
    }
}

fn read_value_chain(ld: &mut Loader, m: &mut MapView) -> ValueChainParty {
    ValueChainParty {
        position: ld.field(m, "position", kind::Enum::<ChainPosition>::NEW),
        who: ld.field(m, "who", kind::Text),
        benefit: ld.field(m, "benefit", kind::Enum::<Benefit>::NEW),
        how: ld.field(m, "how", kind::Text),
    }
}

fn read_value(ld: &mut Loader, m: &mut MapView, cur: &str) -> Value {
    Value {
        kind: ld.field(m, "kind", kind::Enum::<ValueKind>::NEW),
        kpi: ld.field(m, "kpi", kind::Text),
        before: ld.field(m, "before", kind::Number),
        after: ld.field(m, "after", kind::Number),
        better: ld.field(m, "better", kind::Enum::<Better>::NEW),
        improvement: ld.field(m, "improvement", kind::Multiple),
        annual_value_per_customer: ld.field(
            m,
            "annual_value_per_customer",
            kind::Money::positive(cur),
        ),
        roi_multiple: ld.field(m, "roi_multiple", kind::Multiple),
    }
}

fn read_trust(ld: &mut Loader, m: &mut MapView) -> Trust {
    Trust {
        decision_chain: ld.list(m, "decision_chain", |ld, m| DecisionMaker {
            role: ld.field(m, "role", kind::Text),
            cares_about: ld.field(m, "cares_about", kind::Text),
            budget_owner: ld.field(m, "budget_owner", kind::Bool),
        }),
        expertise: ld.field(m, "expertise", kind::Text),
        staying_power: ld.field(m, "staying_power", kind::Text),
        reference_customers: ld.list(m, "reference_customers", |ld, m| ReferenceCustomer {
            name: ld.field(m, "name", kind::Text),
            public: ld.field(m, "public", kind::Bool),
            in_segment: ld.field(m, "in_segment", kind::Bool),
            case_study: ld.field(m, "case_study", kind::Bool),
        }),
        certifications: ld.field(m, "certifications", kind::TextList),
        analyst_reports: ld.field(m, "analyst_reports", kind::TextList),
    }
}

fn read_vision(ld: &mut Loader, m: &mut MapView) -> Vision {
    Vision {
        industry_future: ld.field(m, "industry_future", kind::Text),
        partnership: ld.field(m, "partnership", kind::Text),
        roadmap: ld.list(m, "roadmap", |ld, m| RoadmapItem {
            year: ld.field(m, "year", kind::Year),
            theme: ld.field(m, "theme", kind::Text),
            value_kind: ld.field(m, "value_kind", kind::Enum::<RoadmapValueKind>::NEW),
        }),
    }
}

fn read_unit_economics(ld: &mut Loader, m: &mut MapView, cur: &str) -> UnitEconomics {
    UnitEconomics {
        acv: ld.field(m, "acv", kind::Money::positive(cur)),
        gross_margin: ld.field(m, "gross_margin", kind::Percent(PCT_0_100)),
        lifetime_years: ld.field(m, "lifetime_years", kind::PositiveNumber),
        ltv_basis: ld.field(m, "ltv_basis", kind::Enum::<LtvBasis>::NEW),
        ltv: ld.field(m, "ltv", kind::Money::positive(cur)),
        cac: ld.field(m, "cac", kind::Money::positive(cur)),
        cac_payback_months: ld.field(m, "cac_payback_months", kind::PositiveNumber),
        revenue_churn: ld.field(m, "revenue_churn", kind::Percent(PCT_CHURN)),
        net_revenue_retention: ld.field(m, "net_revenue_retention", kind::Percent(PCT_ANY)),
        logo_churn: ld.field(m, "logo_churn", kind::Percent(PCT_0_100)),
    }
}

fn read_sales(ld: &mut Loader, m: &mut MapView, cur: &str) -> Sales {
    Sales {
        channels: ld.list(m, "channels", |ld, m| Channel {
            motion: ld.field(m, "motion", kind::Enum::<Motion>::NEW),
            deal_size: ld.field(m, "deal_size", kind::Range(kind::Money::positive(cur))),
            share: ld.field(m, "share", kind::Percent(PCT_0_100)),
        }),
    }
}

fn read_product(ld: &mut Loader, m: &mut MapView) -> Product {
    Product {
        cycle: ld.list(m, "cycle", |ld, m| CyclePhase {
            phase: ld.field(m, "phase", kind::Enum::<Phase>::NEW),
            period: ld.field(m, "period", kind::Text),
            scope: ld.field(m, "scope", kind::Text),
            modules: ld.field(m, "modules", kind::TextList),
            for_customers: ld.field(m, "for_customers", kind::TextList),
        }),
        services_share: ld.field(m, "services_share", kind::Percent(PCT_0_100)),
    }
}

fn read_pricing(ld: &mut Loader, m: &mut MapView, cur: &str) -> Pricing {
    Pricing {
        model: ld.field(m, "model", kind::Enum::<PricingModel>::NEW),
        value_metric: ld.field(m, "value_metric", kind::Text),
        tiers: ld.list(m, "tiers", |ld, m| Tier {
            name: ld.field(m, "name", kind::Text),
            customer_revenue: ld.field(
                m,
                "customer_revenue",
                kind::Range(kind::Money::positive(cur)),
            ),
            price: ld.field(m, "price", kind::Money::positive(cur)),
        }),
    }
}

fn read_customer_success(ld: &mut Loader, m: &mut MapView) -> CustomerSuccess {
    CustomerSuccess {
        team: ld.field(m, "team", kind::Bool),
        separate_from_support: ld.field(m, "separate_from_support", kind::Bool),
        headcount: ld.field(m, "headcount", kind::Count),
        accounts_per_csm: ld.field(m, "accounts_per_csm", kind::Count),
        practices: ld.field(m, "practices", kind::TextList),
        outcome_metrics: ld.field(m, "outcome_metrics", kind::TextList),
    }
}

fn read_data(ld: &mut Loader, m: &mut MapView) -> Data {
    Data {
        uses_customer_data: ld.field(m, "uses_customer_data", kind::Bool),
        ai_features: ld.field(m, "ai_features", kind::TextList),
        advantage: ld.field(m, "advantage", kind::Enum::<DataAdvantage>::NEW),
        mechanism: ld.field(m, "mechanism", kind::Text),
        consent: ld.field(m, "consent", kind::Enum::<Consent>::NEW),
        cross_customer_use: ld.field(m, "cross_customer_use", kind::Enum::<CrossCustomerUse>::NEW),
        principle: ld.field(m, "principle", kind::Text),
        residency: ld.field(m, "residency", kind::Text),
        deletion_on_exit_days: ld.field(m, "deletion_on_exit_days", kind::Count),
    }
}

fn read_projections(ld: &mut Loader, m: &mut MapView, cur: &str) -> Projection {
    Projection {
        year: ld.field(m, "year", kind::Year),
        actual: ld.field(m, "actual", kind::Bool),
        revenue: ld.field(m, "revenue", kind::Money::positive(cur)),
        customers: ld.field(m, "customers", kind::Count),
        new_customers: ld.field(m, "new_customers", kind::Count),
        headcount: ld.field(m, "headcount", kind::Count),
        net_burn: ld.field(m, "net_burn", kind::Money::signed(cur)),
        raised: ld.field(m, "raised", kind::Money::positive(cur)),
        cash_end: ld.field(m, "cash_end", kind::Money::signed(cur)),
    }
}

/// A number as the loader reads it.
enum Numeric {
    Value(f64),
    /// Not a number at all; the caller says what was expected.
    NotNumber,
    /// A number that cannot be used, already reported.
    Reported,
}

/// Bounds of a percent field.
#[derive(Clone, Copy)]
pub struct PercentBounds {
    /// The value cannot exceed 100%, so a bare `72` is a mistake for `72%`.
    pub max_100: bool,
    pub allow_negative: bool,
}

const PCT_0_100: PercentBounds = PercentBounds {
    max_100: true,
    allow_negative: false,
};
/// Revenue churn may be negative (expansion outweighs losses), never above 100%.
const PCT_CHURN: PercentBounds = PercentBounds {
    max_100: true,
    allow_negative: true,
};
const PCT_ANY: PercentBounds = PercentBounds {
    max_100: false,
    allow_negative: false,
};

/// A mapping being read: its entries (the last of repeated keys), and the keys the
/// format defines here, gathered as the fields are read.
struct MapView<'n> {
    path: String,
    entries: Vec<&'n Entry>,
    known: Vec<&'static str>,
    /// In schema mode (no document), the JSON Schema of each field, gathered as the
    /// fields are "read".
    schema: Option<Map<String, Json>>,
}

impl MapView<'_> {
    fn for_schema() -> Self {
        MapView {
            path: String::new(),
            entries: Vec::new(),
            known: Vec::new(),
            schema: Some(Map::new()),
        }
    }

    fn object_schema(self) -> Json {
        json!({
            "type": "object",
            "properties": self.schema.unwrap_or_default(),
            "additionalProperties": false,
        })
    }
}

pub struct Loader<'a> {
    file: &'a SourceFile,
    findings: &'a mut Vec<Finding>,
}

/// `parent.key`, or `key` at the top. Built by hand: the loader makes one path per value
/// read, and `format!` was a tenth of the loader's time.
fn child_path(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        return key.to_string();
    }
    let mut out = String::with_capacity(parent.len() + 1 + key.len());
    out.push_str(parent);
    out.push('.');
    out.push_str(key);
    out
}

/// `path[i]`, built by hand for the same reason as `child_path`.
pub(crate) fn index_path(path: &str, i: usize) -> String {
    let mut digits = [0u8; 20];
    let mut n = i;
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let digits = std::str::from_utf8(&digits[start..]).unwrap_or("0");
    let mut out = String::with_capacity(path.len() + digits.len() + 2);
    out.push_str(path);
    out.push('[');
    out.push_str(digits);
    out.push(']');
    out
}

impl<'a> Loader<'a> {
    fn invalid(&mut self, node: &Node, path: &str, message: Message, help: Message) {
        self.findings.push(
            Finding::new(
                &crate::rules::plan::INVALID_VALUE,
                Place {
                    span: node.span,
                    path: path.to_string(),
                },
                message,
                Message::new("plan-invalid-value"),
            )
            .help(help),
        );
    }

    /// `expected` is a variant of `plan-expected` (`number`, `money`, `bool`, ...).
    fn wrong_type(&mut self, node: &Node, path: &str, expected: &'static str, example: &str) {
        let key = leaf(path);
        self.invalid(
            node,
            path,
            with_found(
                Message::new("plan-wrong-type").text("key", key),
                &Shown::Kind(node.kind_word()),
            )
            .text("expected", expected),
            Message::new("plan-wrong-type.help")
                .text("key", key)
                .text("expected", expected)
                .text("example", example),
        );
    }

    /// Opens a mapping, reporting repeated keys. `None` (already reported) when the node
    /// is not a mapping.
    fn map_view<'n>(&mut self, node: &'n Node, path: &str) -> Option<MapView<'n>> {
        let NodeKind::Map(entries) = &node.kind else {
            if let Some(colon) = self.full_width_colon(node) {
                self.findings.push(
                    Finding::new(
                        &crate::rules::plan::INVALID_VALUE,
                        Place {
                            span: colon,
                            path: path.to_string(),
                        },
                        Message::new("plan-full-width-colon"),
                        Message::new("plan-full-width-colon.label"),
                    )
                    .help(Message::new("plan-full-width-colon.help")),
                );
                return None;
            }
            let message = if path.is_empty() {
                Message::new("plan-not-a-mapping-top")
            } else {
                Message::new("plan-not-a-mapping").text("key", leaf(path))
            };
            self.invalid(
                node,
                path,
                with_found(message, &Shown::Kind(node.kind_word())),
                Message::new("plan-not-a-mapping.help"),
            );
            return None;
        };
        let mut kept: Vec<&'n Entry> = Vec::with_capacity(entries.len());
        // Index by key when the mapping is large: a hostile mapping may have a hundred
        // thousand keys. A plan's mappings have a dozen, where comparing the keys kept so
        // far is cheaper than hashing every key (hashing was a tenth of the loader).
        let mut index: Option<HashMap<&'n str, usize>> =
            (entries.len() > SMALL_MAP).then(|| HashMap::with_capacity(entries.len()));
        for entry in entries {
            if let Some(found) = entry.complex_key {
                // `? [a, b]: 1`: not a key the format can have, nor a duplicate of another.
                self.findings.push(
                    Finding::new(
                        &crate::rules::plan::INVALID_VALUE,
                        Place {
                            span: entry.key_span,
                            path: path.to_string(),
                        },
                        with_found(Message::new("plan-complex-key"), &Shown::Kind(found)),
                        Message::new("plan-complex-key.label"),
                    )
                    .help(Message::new("plan-complex-key.help")),
                );
                continue;
            }
            let seen = match &index {
                Some(index) => index.get(entry.key.as_str()).copied(),
                None => kept.iter().position(|e| e.key == entry.key),
            };
            if let Some(i) = seen {
                let first = kept[i];
                self.findings.push(
                    Finding::new(
                        &crate::rules::plan::DUPLICATE_KEY,
                        Place {
                            span: entry.key_span,
                            path: child_path(path, &entry.key),
                        },
                        Message::new("plan-duplicate-key").text("key", entry.key.clone()),
                        Message::new("plan-duplicate-key.label"),
                    )
                    .label(
                        Place {
                            span: first.key_span,
                            path: String::new(),
                        },
                        Message::new("plan-duplicate-key-first"),
                    )
                    .help(Message::new("plan-duplicate-key.help").text("key", entry.key.clone())),
                );
                kept[i] = entry;
            } else {
                if let Some(index) = &mut index {
                    index.insert(entry.key.as_str(), kept.len());
                }
                kept.push(entry);
            }
        }
        Some(MapView {
            path: path.to_string(),
            // The largest sections define about a dozen keys.
            known: Vec::with_capacity(kept.len().max(12)),
            entries: kept,
            schema: None,
        })
    }

    /// Where a full-width colon stands for a key's `:` in text that should have been a
    /// mapping (`acv：84000` reads as one text); only when it is written in the file there.
    fn full_width_colon(&self, node: &Node) -> Option<Span> {
        let NodeKind::Str(s) = &node.kind else {
            return None;
        };
        let before = &s[..s.find('：')?];
        if before.trim().is_empty() || before.contains([':', '#']) {
            return None;
        }
        let written = self.file.slice(node.span);
        let i = written.find('：')?;
        Some(Span::new(node.span.offset + i, '：'.len_utf8()))
    }

    /// Reports the keys of `m` that the format does not define.
    fn finish(&mut self, m: MapView) {
        for entry in &m.entries {
            if m.known.contains(&entry.key.as_str()) {
                continue;
            }
            let suggestion = nearest(&entry.key, &m.known);
            let where_ = if m.path.is_empty() { "top" } else { "section" };
            let help = match suggestion {
                _ if entry.key.contains('：') => Message::new("plan-full-width-colon.help"),
                Some(s) => Message::new("plan-did-you-mean").text("suggestion", s),
                None if m.known.is_empty() => Message::new("plan-unknown-key-remove"),
                None => Message::new("plan-unknown-key-known").text("keys", m.known.join(", ")),
            };
            // A rename is safe when one known key is meant and the mapping lacks it.
            let fix = nearest_unique(&entry.key, &m.known)
                .filter(|s| !m.entries.iter().any(|e| e.key == *s))
                .filter(|_| entry.complex_key.is_none())
                .map(|s| {
                    Fix::safe(
                        Message::new("fix-rename-key")
                            .text("key", shorten(&entry.key))
                            .text("suggestion", s),
                    )
                    .replace(
                        Place {
                            span: entry.key_span,
                            path: String::new(),
                        },
                        requote(self.file.slice(entry.key_span), s),
                    )
                });
            let finding = Finding::new(
                &crate::rules::plan::UNKNOWN_KEY,
                Place {
                    span: entry.key_span,
                    path: child_path(&m.path, &entry.key),
                },
                Message::new("plan-unknown-key")
                    .text("key", entry.key.clone())
                    .text("where", where_)
                    .text("section", m.path.clone()),
                Message::new("plan-unknown-key.label"),
            )
            .help(help);
            self.findings.push(finding.fix(fix));
        }
    }

    /// Offers `fix` on the finding just reported.
    fn offer(&mut self, fix: Fix) {
        if let Some(f) = self.findings.last_mut() {
            f.fix = Some(fix);
        }
    }

    /// Reads one field of `m` with `conv`. A missing key, or a key with an empty value,
    /// is `Missing`; a value `conv` rejects (and reports) is `Invalid`.
    fn field<K: kind::Kind>(
        &mut self,
        m: &mut MapView,
        key: &'static str,
        kind: K,
    ) -> Field<K::Out> {
        m.known.push(key);
        if let Some(props) = &mut m.schema {
            props.insert(key.to_string(), kind.schema());
            return Field::Missing;
        }
        let Some(entry) = m.entries.iter().find(|e| e.key == key) else {
            return Field::Missing;
        };
        if matches!(entry.value.kind, NodeKind::Null) {
            return Field::Missing;
        }
        let path = child_path(&m.path, key);
        match kind.read(self, &entry.value, &path) {
            Some(value) => Field::Present(Val {
                value,
                span: entry.value.span,
                path,
                index: None,
            }),
            None => Field::Invalid,
        }
    }

    /// Reads a section (a mapping); its `Val` is spanned at the section's key, where
    /// findings about its missing fields point.
    fn section<T>(
        &mut self,
        m: &mut MapView,
        key: &'static str,
        read: impl FnOnce(&mut Self, &mut MapView) -> T,
    ) -> Field<T> {
        m.known.push(key);
        if let Some(props) = &mut m.schema {
            let mut inner = MapView::for_schema();
            read(self, &mut inner);
            props.insert(key.to_string(), inner.object_schema());
            return Field::Missing;
        }
        let Some(entry) = m.entries.iter().find(|e| e.key == key) else {
            return Field::Missing;
        };
        if matches!(entry.value.kind, NodeKind::Null) {
            return Field::Missing;
        }
        let path = child_path(&m.path, key);
        let Some(mut inner) = self.map_view(&entry.value, &path) else {
            return Field::Invalid;
        };
        let value = read(self, &mut inner);
        self.finish(inner);
        Field::Present(Val {
            value,
            span: entry.key_span,
            path,
            index: None,
        })
    }

    /// Reads a list of mappings; the list is spanned at its key, each item at itself.
    fn list<T>(
        &mut self,
        m: &mut MapView,
        key: &'static str,
        mut read: impl FnMut(&mut Self, &mut MapView) -> T,
    ) -> Field<List<T>> {
        m.known.push(key);
        if let Some(props) = &mut m.schema {
            let mut inner = MapView::for_schema();
            read(self, &mut inner);
            props.insert(
                key.to_string(),
                json!({ "type": "array", "items": inner.object_schema() }),
            );
            return Field::Missing;
        }
        let Some(entry) = m.entries.iter().find(|e| e.key == key) else {
            return Field::Missing;
        };
        let path = child_path(&m.path, key);
        let items = match &entry.value.kind {
            NodeKind::Null => return Field::Missing,
            NodeKind::Seq(items) => items,
            _ => {
                self.wrong_type(&entry.value, &path, "list", "[...]");
                return Field::Invalid;
            }
        };
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let item_path = index_path(&path, i);
            if let Some(mut inner) = self.map_view(item, &item_path) {
                let value = read(self, &mut inner);
                self.finish(inner);
                out.push(Val {
                    value,
                    span: item.span,
                    path: item_path,
                    index: Some(i),
                });
            }
        }
        Field::Present(Val {
            value: out,
            span: entry.key_span,
            path,
            index: None,
        })
    }

    pub(crate) fn text(&mut self, n: &Node, p: &str) -> Option<String> {
        match n.scalar_text(self.file) {
            Some(t) => Some(t),
            None => {
                self.wrong_type(n, p, "text", "...");
                None
            }
        }
    }

    pub(crate) fn text_list(&mut self, n: &Node, p: &str) -> Option<TextList> {
        let NodeKind::Seq(items) = &n.kind else {
            let example = n
                .scalar_text(self.file)
                .map_or_else(|| "[a, b]".to_string(), |t| format!("[{t}]"));
            self.wrong_type(n, p, "list", &example);
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            let ip = index_path(p, i);
            match self.text(item, &ip) {
                Some(value) => out.push(Val {
                    value,
                    span: item.span,
                    path: ip,
                    index: Some(i),
                }),
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    pub(crate) fn boolean(&mut self, n: &Node, p: &str) -> Option<bool> {
        match n.kind {
            NodeKind::Bool(b) => Some(b),
            _ => {
                self.wrong_type(n, p, "bool", "true");
                None
            }
        }
    }

    /// The value at `n` quoted in a message: as written in the file (cut short when
    /// long), or for an alias its value; never `inf`, `NaN` or 300 digits.
    fn shown(&self, n: &Node) -> Shown {
        let raw = self.file.slice(n.span).trim();
        let written = !raw.is_empty() && !raw.starts_with('*');
        match &n.kind {
            NodeKind::Str(s) => Shown::quoted(s.trim()),
            NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_) if written => {
                Shown::quoted(raw)
            }
            NodeKind::Int(_) | NodeKind::Float(_) | NodeKind::Bool(_) => {
                Shown::quoted(&n.scalar_text(self.file).unwrap_or_default())
            }
            _ => Shown::Kind(n.kind_word()),
        }
    }

    /// Message `id` with the key at `p` and the value at `n` as shown.
    fn about(&self, id: &'static str, n: &Node, p: &str) -> Message {
        with_found(Message::new(id).text("key", leaf(p)), &self.shown(n))
    }

    /// A number from a YAML number or numeric text, unchecked.
    fn numeric_raw(&self, n: &Node) -> Result<f64, NumberError> {
        match &n.kind {
            NodeKind::Int(i) => Ok(*i as f64),
            NodeKind::Float(f) if f.is_finite() => Ok(*f),
            NodeKind::Float(_) => Err(NumberError::NotFinite),
            NodeKind::Str(s) => parse_decimal(s),
            _ => Err(NumberError::NotANumber),
        }
    }

    /// A number from a YAML number or numeric text, within `bounds`. Misplaced commas,
    /// infinite and absurd numbers are reported here; what is not a number at all is left
    /// to the caller, which knows what was expected.
    fn numeric(&mut self, n: &Node, p: &str, bounds: Plausible) -> Numeric {
        let v = self.numeric_raw(n);
        self.checked(n, p, v, bounds)
    }

    fn checked(
        &mut self,
        n: &Node,
        p: &str,
        v: Result<f64, NumberError>,
        bounds: Plausible,
    ) -> Numeric {
        match v {
            Ok(v) if bounds.accepts(v) => Numeric::Value(v),
            Ok(_) => {
                let message = self
                    .about("plan-implausible", n, p)
                    .text("bounds", bounds.key);
                self.invalid(n, p, message, accepted(bounds));
                Numeric::Reported
            }
            Err(NumberError::NotANumber) => Numeric::NotNumber,
            Err(NumberError::Comma(fix)) => {
                self.comma(n, p, &fix);
                Numeric::Reported
            }
            Err(NumberError::NotFinite) => {
                self.not_finite(n, p, bounds);
                Numeric::Reported
            }
        }
    }

    /// `5,5k`: a comma where a decimal point belongs.
    fn comma(&mut self, n: &Node, p: &str, fix: &CommaFix) {
        self.invalid(
            n,
            p,
            fix.args(Message::new("plan-comma").text("key", leaf(p))),
            fix.help(),
        );
    }

    /// `.inf`, `.nan`, or a number too large to read (`1e999`, 400 digits).
    fn not_finite(&mut self, n: &Node, p: &str, bounds: Plausible) {
        let shown = self.shown(n);
        let infinite = match &shown {
            Shown::Written { quoted, .. } => quoted
                .trim_matches('`')
                .trim_start_matches(['-', '+'])
                .eq_ignore_ascii_case(".inf"),
            _ => false,
        };
        let why = match &n.kind {
            NodeKind::Float(f) if f.is_nan() => "nan",
            NodeKind::Float(_) if infinite => "inf",
            _ => "large",
        };
        let message = with_found(Message::new("plan-not-finite").text("key", leaf(p)), &shown)
            .text("why", why);
        self.invalid(n, p, message, accepted(bounds));
    }

    pub(crate) fn number(&mut self, n: &Node, p: &str) -> Option<f64> {
        match self.numeric(n, p, Plausible::NUMBER) {
            Numeric::Value(v) => Some(v),
            Numeric::NotNumber => {
                self.wrong_type(n, p, "number", "40");
                None
            }
            Numeric::Reported => None,
        }
    }

    pub(crate) fn positive_number(&mut self, n: &Node, p: &str) -> Option<f64> {
        let v = self.number(n, p)?;
        if v <= 0.0 {
            self.invalid(
                n,
                p,
                with_found(
                    Message::new("plan-not-positive").text("key", leaf(p)),
                    &Shown::Arg(crate::i18n::Arg::Number(v)),
                ),
                Message::new("plan-not-positive.help"),
            );
            return None;
        }
        Some(v)
    }

    fn int(&mut self, n: &Node, p: &str) -> Option<i64> {
        match self.numeric(n, p, Plausible::NUMBER) {
            Numeric::Value(f) if f.fract() == 0.0 => Some(f as i64),
            Numeric::Reported => None,
            _ => {
                self.wrong_type(n, p, "whole", "1");
                None
            }
        }
    }

    pub(crate) fn version(&mut self, n: &Node, p: &str) -> Option<i64> {
        let v = self.int(n, p)?;
        if v != FORMAT_VERSION {
            self.invalid(
                n,
                p,
                Message::new("plan-unsupported-version").text("version", v.to_string()),
                Message::new("plan-unsupported-version.help")
                    .text("supported", FORMAT_VERSION.to_string()),
            );
            return None;
        }
        Some(v)
    }

    pub(crate) fn year(&mut self, n: &Node, p: &str) -> Option<i64> {
        match self.numeric_raw(n) {
            Ok(f) if f.fract() == 0.0 && (1800.0..=2300.0).contains(&f) => Some(f as i64),
            Err(NumberError::Comma(fix)) => {
                self.comma(n, p, &fix);
                None
            }
            _ => {
                let message = self.about("plan-not-a-year", n, p);
                self.invalid(
                    n,
                    p,
                    message,
                    Message::new("plan-not-a-year.help").text("key", leaf(p)),
                );
                None
            }
        }
    }

    pub(crate) fn count(&mut self, n: &Node, p: &str) -> Option<u64> {
        match self.numeric(n, p, Plausible::COUNT) {
            Numeric::Value(f) if f.fract() == 0.0 && f >= 0.0 => Some(f as u64),
            Numeric::Value(_) => {
                let message = self.about("plan-not-a-count", n, p);
                self.invalid(n, p, message, Message::new("plan-not-a-count.help"));
                None
            }
            Numeric::NotNumber => {
                self.wrong_type(n, p, "whole", "12");
                None
            }
            Numeric::Reported => None,
        }
    }

    pub(crate) fn multiple(&mut self, n: &Node, p: &str) -> Option<f64> {
        let v = match &n.kind {
            NodeKind::Str(s) => read_multiple(s),
            _ => self.numeric_raw(n),
        };
        match self.checked(n, p, v, Plausible::MULTIPLE) {
            Numeric::Value(v) if v >= 0.0 => Some(v),
            Numeric::Value(_) => {
                let message = self.about("plan-negative", n, p);
                self.invalid(n, p, message, accepted(Plausible::MULTIPLE));
                None
            }
            Numeric::NotNumber => {
                self.wrong_type(n, p, "multiple", "12x");
                None
            }
            Numeric::Reported => None,
        }
    }

    pub(crate) fn percent(&mut self, n: &Node, p: &str, bounds: PercentBounds) -> Option<f64> {
        let (v, bare) = match &n.kind {
            NodeKind::Str(s) => match read_percent(s) {
                Ok((v, bare)) => (Ok(v), bare),
                Err(e) => (Err(e), false),
            },
            NodeKind::Int(_) | NodeKind::Float(_) => (self.numeric_raw(n), true),
            _ => {
                self.wrong_type(n, p, "percent", "72%");
                return None;
            }
        };
        let v = match self.checked(n, p, v, Plausible::PERCENT) {
            Numeric::Value(v) => v,
            Numeric::NotNumber => {
                let message = self.about("plan-not-a-percent", n, p);
                self.invalid(
                    n,
                    p,
                    message,
                    Message::new("plan-not-a-percent.help").text("key", leaf(p)),
                );
                return None;
            }
            Numeric::Reported => return None,
        };
        if bounds.max_100 && v > 1.0 {
            let written = shorten(n.scalar_text(self.file).unwrap_or_default().trim());
            let help = Message::new("plan-above-100.help")
                .text("bare", if bare { "yes" } else { "no" })
                .text("key", leaf(p))
                .text("written", written);
            self.invalid(
                n,
                p,
                Message::new("plan-above-100")
                    .text("key", leaf(p))
                    .percent("percent", v),
                help,
            );
            // `72` meant 72%: safe when 72% is a value the field accepts.
            let raw = self.file.slice(n.span);
            let inner = unquoted(raw).trim();
            if bare && v <= 100.0 && (bounds.allow_negative || v >= 0.0) && !inner.is_empty() {
                self.offer(Fix::safe(Message::new("fix-percent")).replace(
                    Place {
                        span: n.span,
                        path: p.to_string(),
                    },
                    requote(raw, &format!("{inner}%")),
                ));
            }
            return None;
        }
        if !bounds.allow_negative && v < 0.0 {
            self.invalid(
                n,
                p,
                with_found(
                    Message::new("plan-negative").text("key", leaf(p)),
                    &Shown::Arg(crate::i18n::Arg::Percent(v)),
                ),
                Message::new("plan-negative-percent-help"),
            );
            return None;
        }
        Some(v)
    }

    pub(crate) fn money(
        &mut self,
        n: &Node,
        p: &str,
        currency: &str,
        allow_negative: bool,
    ) -> Option<f64> {
        let parsed = match &n.kind {
            NodeKind::Int(_) | NodeKind::Float(_) => self.numeric_raw(n),
            NodeKind::Str(s) => match parse_money(s) {
                Ok(m) => {
                    if let Some(c) = m.currency
                        && !currency.is_empty()
                        && c != currency
                    {
                        self.invalid(
                            n,
                            p,
                            Message::new("plan-other-currency")
                                .text("key", leaf(p))
                                .text("written", c)
                                .text("currency", currency),
                            Message::new("plan-other-currency.help")
                                .text("written", c)
                                .text("currency", currency),
                        );
                        return None;
                    }
                    Ok(m.amount)
                }
                Err(MoneyError::Comma(fix)) => Err(NumberError::Comma(fix)),
                Err(MoneyError::TooLarge(_)) => Err(NumberError::NotFinite),
                Err(
                    e @ (MoneyError::Empty
                    | MoneyError::NotAnAmount(_)
                    | MoneyError::TwoCurrencies(..)),
                ) => {
                    self.invalid(
                        n,
                        p,
                        e.args(Message::new("plan-not-money").text("key", leaf(p))),
                        Message::new("plan-not-money.help"),
                    );
                    return None;
                }
            },
            _ => {
                self.wrong_type(n, p, "money", "120k");
                return None;
            }
        };
        let amount = match self.checked(n, p, parsed, Plausible::MONEY) {
            Numeric::Value(v) => v,
            Numeric::NotNumber => {
                self.wrong_type(n, p, "money", "120k");
                return None;
            }
            Numeric::Reported => return None,
        };
        if amount < 0.0 && !allow_negative {
            self.invalid(
                n,
                p,
                with_found(
                    Message::new("plan-negative").text("key", leaf(p)),
                    &Shown::Arg(crate::i18n::Arg::Money {
                        amount,
                        currency: currency.to_string(),
                    }),
                ),
                Message::new("plan-negative-money-help"),
            );
            return None;
        }
        Some(amount)
    }

    pub(crate) fn enumeration<E: PlanEnum>(&mut self, n: &Node, p: &str) -> Option<E> {
        let written;
        let word = match &n.kind {
            NodeKind::Str(s) => s.trim(),
            _ => {
                written = n.scalar_text(self.file).unwrap_or_default();
                written.as_str()
            }
        };
        if let Some(e) = E::parse(word) {
            return Some(e);
        }
        let allowed = E::words().join(", ");
        let help = match nearest(word, E::words()) {
            Some(s) => Message::new("plan-allowed-suggest").text("suggestion", s),
            None => Message::new("plan-allowed"),
        }
        .text("allowed", allowed);
        let shown = if word.is_empty() {
            Shown::Kind(n.kind_word())
        } else {
            Shown::Written {
                quoted: format!("`{word}`"),
                len: 0,
            }
        };
        self.invalid(
            n,
            p,
            with_found(
                Message::new("plan-not-in-enum").text("key", leaf(p)),
                &shown,
            ),
            help,
        );
        if let NodeKind::Str(_) = &n.kind
            && let Some(s) = nearest_unique(word, E::words())
            && !word.is_empty()
        {
            let raw = self.file.slice(n.span);
            self.offer(
                Fix::safe(
                    Message::new("fix-replace-word")
                        .text("word", shorten(word))
                        .text("suggestion", s),
                )
                .replace(
                    Place {
                        span: n.span,
                        path: p.to_string(),
                    },
                    requote(raw, s),
                ),
            );
        }
        None
    }

    pub(crate) fn range<T: Copy + PartialOrd>(
        &mut self,
        n: &Node,
        p: &str,
        mut conv: impl FnMut(&mut Self, &Node, &str) -> Option<T>,
    ) -> Option<Range<T>> {
        let items = match &n.kind {
            NodeKind::Seq(items) if items.len() == 2 => items,
            _ => {
                let found = match &n.kind {
                    NodeKind::Seq(items) => Shown::ListOf(items.len()),
                    _ => Shown::Kind(n.kind_word()),
                };
                self.invalid(
                    n,
                    p,
                    with_found(
                        Message::new("plan-not-a-range").text("key", leaf(p)),
                        &found,
                    ),
                    Message::new("plan-not-a-range.help").text("key", leaf(p)),
                );
                return None;
            }
        };
        let min_path = index_path(p, 0);
        let max_path = index_path(p, 1);
        let min = conv(self, &items[0], &min_path);
        let max = conv(self, &items[1], &max_path);
        let (min, max) = (min?, max?);
        if min > max {
            self.findings.push(
                Finding::new(
                    &crate::rules::plan::INVALID_VALUE,
                    Place {
                        span: n.span,
                        path: p.to_string(),
                    },
                    Message::new("plan-reversed-range").text("key", leaf(p)),
                    Message::new("plan-reversed-range.label"),
                )
                .label(
                    Place {
                        span: items[0].span,
                        path: min_path.clone(),
                    },
                    Message::new("plan-range-min"),
                )
                .label(
                    Place {
                        span: items[1].span,
                        path: max_path.clone(),
                    },
                    Message::new("plan-range-max"),
                )
                .help(Message::new("plan-reversed-range.help")),
            );
            return None;
        }
        Some(Range {
            min: Val {
                value: min,
                span: items[0].span,
                path: min_path,
                index: Some(0),
            },
            max: Val {
                value: max,
                span: items[1].span,
                path: max_path,
                index: Some(1),
            },
        })
    }

    pub(crate) fn currency(&mut self, n: &Node, p: &str) -> Option<String> {
        let text = self.text(n, p)?;
        let code = text.trim();
        if is_currency_code(code) {
            return Some(code.to_string());
        }
        let upper = code.to_ascii_uppercase();
        let help = if is_currency_code(&upper) {
            Message::new("plan-currency-capitals").text("code", upper)
        } else {
            Message::new("plan-currency-example")
        };
        self.invalid(
            n,
            p,
            Message::new("plan-not-a-currency").text("code", code),
            help,
        );
        None
    }
}

/// The text inside the quotes of a quoted scalar as written, else the text itself.
fn unquoted(raw: &str) -> &str {
    match raw.as_bytes() {
        [q @ (b'"' | b'\''), .., last] if q == last && raw.len() >= 2 => &raw[1..raw.len() - 1],
        _ => raw,
    }
}

/// `new` in the quotes `raw` is written with (none when `raw` has none).
fn requote(raw: &str, new: &str) -> String {
    match raw.as_bytes() {
        [q @ (b'"' | b'\''), .., last] if q == last && raw.len() >= 2 => {
            let q = *q as char;
            format!("{q}{new}{q}")
        }
        _ => new.to_string(),
    }
}

/// "write an amount between ...": what `bounds` accepts, as a help line.
fn accepted(bounds: Plausible) -> Message {
    Message::new("plan-write-accepted").text("bounds", bounds.key)
}

/// The last segment of a YAML path: `sales.channels[0].share` -> `share`.
fn leaf(path: &str) -> &str {
    let last = path.rsplit('.').next().unwrap_or(path);
    match last.find('[') {
        Some(0) | None => last,
        Some(i) => &last[..i],
    }
}

/// What the loader needs of a plan enum.
pub trait PlanEnum: Sized {
    fn parse(word: &str) -> Option<Self>;
    fn words() -> &'static [&'static str];
}

macro_rules! impl_plan_enum {
    ($($t:ty),+) => {
        $(impl PlanEnum for $t {
            fn parse(word: &str) -> Option<Self> { <$t>::from_word(word) }
            fn words() -> &'static [&'static str] { <$t>::WORDS }
        })+
    };
}

impl_plan_enum!(
    Stage,
    ChainPosition,
    Benefit,
    ValueKind,
    Better,
    RoadmapValueKind,
    LtvBasis,
    Motion,
    Phase,
    PricingModel,
    DataAdvantage,
    Consent,
    CrossCustomerUse
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_built_as_format_would() {
        assert_eq!(child_path("", "acv"), "acv");
        assert_eq!(child_path("unit_economics", "acv"), "unit_economics.acv");
        assert_eq!(index_path("projections", 0), "projections[0]");
        assert_eq!(index_path("a.b", 1234567), "a.b[1234567]");
        assert_eq!(index_path("x", usize::MAX), format!("x[{}]", usize::MAX));
    }

    #[test]
    fn list_items_keep_their_position_as_written() {
        let text = "planlint: 1\nprojections:\n  - year: 2024\n  - not a mapping\n  - year: 2026\n";
        let file = SourceFile::new("p.plan.yaml", text.to_string());
        let docs = crate::yaml::parse(&file, &crate::yaml::Limits::default());
        let Some(doc) = docs.as_ref().ok().and_then(|d| d.first()) else {
            panic!("the test plan parses: {docs:?}");
        };
        let mut findings = Vec::new();
        let Some(plan) = load_plan(&file, doc, &mut findings) else {
            panic!("the test plan loads: {findings:?}");
        };
        let Some(list) = plan.projections.get() else {
            panic!("projections are read");
        };
        // The item that is not a mapping is dropped (and reported); the others keep
        // their position, so that rules comparing neighbours see the gap.
        let got: Vec<_> = list
            .value
            .iter()
            .map(|v| (v.index, v.path.as_str()))
            .collect();
        assert_eq!(
            got,
            [(Some(0), "projections[0]"), (Some(2), "projections[2]")]
        );
        assert_eq!(list.index, None);
        assert!(!findings.is_empty());
    }
}
