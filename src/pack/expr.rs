//! A pack's expressions: CEL (the `cel` crate) with planlint's `money("80k CNY")` and a
//! `matches()` on the `regex` crate with a size limit, compiled once per run, checked
//! for what would make them slow, and evaluated under a budget.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

use cel::common::ast::{Expr, IdedExpr, LiteralValue};
use cel::common::types::{CelBool, CelDouble, CelString};
use cel::common::value::{CowVal, Val};
use cel::context::VariableResolver;
use cel::{Context as CelContext, Env, ExecutionError, Program, Value};

use crate::model::value::parse_money;
use crate::thresholds::FxRates;

/// The longest expression a pack may write, in bytes.
pub const MAX_EXPRESSION: usize = 4096;
/// The deepest nesting of macros over lists (`all`, `exists`, `map`, `filter`).
pub const MAX_COMPREHENSION_DEPTH: usize = 3;
/// The compiled size a regular expression may take (the `regex` crate's size limit).
pub const REGEX_SIZE_LIMIT: usize = 1 << 20;
/// The work an evaluation may cost: the longest list of the plan to the power of the
/// expression's macro nesting, times its size. Beyond it the rule is a
/// `plan/rule-error` for that plan rather than a hang.
pub const EVALUATION_BUDGET: u128 = 50_000_000;
/// The longest text `matches()` looks at.
pub const MAX_MATCHED_TEXT: usize = 1 << 20;

/// The CEL environment: the standard library (without the crate's own `matches`, which
/// compiles its pattern at every call with no size limit) and planlint's `matches`.
static ENV: LazyLock<Arc<Env>> = LazyLock::new(|| {
    let mut env = Env::stdlib();
    // Both registrations are of names the standard library leaves free (no `regex`
    // feature): they cannot clash.
    let _ = cel::add_member_overload!(env, fn matches: (CelString, CelString) -> Result<CelBool>);
    let _ = cel::add_overload!(env, fn matches: (CelString, CelString) -> Result<CelBool>, id = "matches");
    let _ = cel::add_overload!(env, fn money: (CelString) -> Result<CelDouble>, id = "money");
    Arc::new(env)
});

/// Compiled patterns, by text: a pack's literal patterns are compiled when it is loaded;
/// patterns computed at run time are compiled once each, up to a bound.
static REGEXES: LazyLock<RwLock<HashMap<String, Arc<regex::Regex>>>> =
    LazyLock::new(|| RwLock::new(HashMap::new()));
const MAX_CACHED_REGEXES: usize = 4096;

/// Compiles a pattern under the size limit.
pub fn regex(pattern: &str) -> Result<Arc<regex::Regex>, regex::Error> {
    if let Ok(cache) = REGEXES.read()
        && let Some(r) = cache.get(pattern)
    {
        return Ok(Arc::clone(r));
    }
    let compiled = Arc::new(
        regex::RegexBuilder::new(pattern)
            .size_limit(REGEX_SIZE_LIMIT)
            .dfa_size_limit(REGEX_SIZE_LIMIT)
            .nest_limit(64)
            .build()?,
    );
    if let Ok(mut cache) = REGEXES.write()
        && cache.len() < MAX_CACHED_REGEXES
    {
        cache.insert(pattern.to_string(), Arc::clone(&compiled));
    }
    Ok(compiled)
}

fn matches(this: &CelString<'_>, re: &CelString<'_>) -> Result<CelBool, ExecutionError> {
    if this.inner().len() > MAX_MATCHED_TEXT {
        return Err(ExecutionError::function_error(
            "matches",
            "the text is longer than 1 MiB",
        ));
    }
    match regex(re.inner()) {
        Ok(r) => Ok(CelBool::from(r.is_match(this.inner()))),
        Err(e) => Err(ExecutionError::function_error(
            "matches",
            format!("`{}` is not a regular expression: {e}", re.inner()),
        )),
    }
}

/// An amount `money()` names, as written.
#[derive(Clone, Debug, PartialEq)]
pub struct MoneyLiteral {
    pub text: String,
    pub amount: f64,
    /// `None`: in the plan's currency.
    pub currency: Option<String>,
}

/// A compiled expression and what was learnt from it.
#[derive(Debug)]
pub struct Compiled {
    pub source: String,
    program: Program,
    /// The amounts its `money()` calls name.
    pub money: Vec<MoneyLiteral>,
    /// How deeply its list macros nest.
    pub depth: usize,
    /// How many nodes it has.
    pub size: usize,
}

/// Why an expression cannot be used; `at` is a byte offset into the expression.
#[derive(Clone, Debug, PartialEq)]
pub enum CompileError {
    Syntax {
        at: usize,
        detail: String,
    },
    TooLong,
    TooDeep,
    Regex {
        at: usize,
        pattern: String,
        detail: String,
    },
    MoneyArgument {
        at: usize,
    },
    Money {
        at: usize,
        text: String,
    },
}

/// Compiles `source`.
pub fn compile(source: &str) -> Result<Compiled, CompileError> {
    if source.len() > MAX_EXPRESSION {
        return Err(CompileError::TooLong);
    }
    // The parser recurses on nesting: bound it before it sees the text.
    if nesting(source) > 64 {
        return Err(CompileError::TooDeep);
    }
    let program = ENV.compile(source).map_err(|e| {
        let first = e.errors.first();
        let (line, column) = first.map_or((1, 1), |f| f.pos);
        CompileError::Syntax {
            at: offset_of(source, line, column),
            detail: first.map_or_else(String::new, |f| f.msg.clone()),
        }
    })?;
    let info = program.source_info();
    let at = |e: &IdedExpr| {
        info.offset_for(e.id)
            .map_or(0, |(start, _)| char_to_byte(source, start as usize))
    };
    let mut facts = Facts::default();
    visit(program.expression(), 0, &mut facts, &at)?;
    if facts.depth > MAX_COMPREHENSION_DEPTH {
        return Err(CompileError::TooDeep);
    }
    Ok(Compiled {
        source: source.to_string(),
        program,
        money: facts.money,
        depth: facts.depth,
        size: facts.size,
    })
}

/// How deeply brackets nest in the text.
fn nesting(source: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for c in source.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                max = max.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    max
}

/// 1-based line and column (in characters) → byte offset.
fn offset_of(source: &str, line: isize, column: isize) -> usize {
    let mut offset = 0;
    for (i, l) in source.split_inclusive('\n').enumerate() {
        if i as isize + 1 == line {
            let col = usize::try_from(column.max(1) - 1).unwrap_or(0);
            return offset + l.char_indices().nth(col).map_or(l.len(), |(b, _)| b);
        }
        offset += l.len();
    }
    source.len()
}

fn char_to_byte(source: &str, chars: usize) -> usize {
    source
        .char_indices()
        .nth(chars)
        .map_or(source.len(), |(b, _)| b)
}

#[derive(Default)]
struct Facts {
    money: Vec<MoneyLiteral>,
    depth: usize,
    size: usize,
}

fn visit(
    e: &IdedExpr,
    depth: usize,
    facts: &mut Facts,
    at: &dyn Fn(&IdedExpr) -> usize,
) -> Result<(), CompileError> {
    facts.size += 1;
    facts.depth = facts.depth.max(depth);
    match &e.expr {
        Expr::Call(call) => {
            if call.func_name == "money" && call.target.is_none() {
                let Some(LiteralValue::String(text)) =
                    call.args.first().and_then(|a| match &a.expr {
                        Expr::Literal(l) if call.args.len() == 1 => Some(l),
                        _ => None,
                    })
                else {
                    return Err(CompileError::MoneyArgument {
                        at: call.args.first().map_or(at(e), at),
                    });
                };
                let lit = money_literal(text.inner()).ok_or_else(|| CompileError::Money {
                    at: call.args.first().map_or(at(e), at),
                    text: text.inner().to_string(),
                })?;
                facts.money.push(lit);
            }
            if call.func_name == "matches" {
                let pattern = if call.target.is_some() {
                    call.args.first()
                } else {
                    call.args.get(1)
                };
                if let Some(p) = pattern
                    && let Expr::Literal(LiteralValue::String(text)) = &p.expr
                    && let Err(err) = regex(text.inner())
                {
                    return Err(CompileError::Regex {
                        at: at(p),
                        pattern: text.inner().to_string(),
                        // The crate's last line says what is wrong; the ones before
                        // quote the pattern, which the error shows anyway.
                        detail: err
                            .to_string()
                            .lines()
                            .last()
                            .unwrap_or_default()
                            .trim_start_matches("error: ")
                            .to_string(),
                    });
                }
            }
            if let Some(t) = &call.target {
                visit(t, depth, facts, at)?;
            }
            for a in &call.args {
                visit(a, depth, facts, at)?;
            }
        }
        Expr::Comprehension(c) => {
            visit(&c.iter_range, depth, facts, at)?;
            visit(&c.accu_init, depth, facts, at)?;
            for inner in [&c.loop_cond, &c.loop_step, &c.result] {
                visit(inner, depth + 1, facts, at)?;
            }
        }
        Expr::List(l) => {
            for x in &l.elements {
                visit(x, depth, facts, at)?;
            }
        }
        Expr::Map(m) => {
            for entry in &m.entries {
                if let cel::common::ast::EntryExpr::MapEntry(me) = &entry.expr {
                    visit(&me.key, depth, facts, at)?;
                    visit(&me.value, depth, facts, at)?;
                }
            }
        }
        Expr::Select(s) => visit(&s.operand, depth, facts, at)?,
        Expr::Struct(s) => {
            for entry in &s.entries {
                if let cel::common::ast::EntryExpr::StructField(f) = &entry.expr {
                    visit(&f.value, depth, facts, at)?;
                }
            }
        }
        Expr::Ident(_) | Expr::Literal(_) | Expr::Unspecified => {}
    }
    Ok(())
}

/// `80k CNY` in planlint's money syntax.
pub fn money_literal(text: &str) -> Option<MoneyLiteral> {
    let m = parse_money(text).ok()?;
    m.amount.is_finite().then(|| MoneyLiteral {
        text: text.to_string(),
        amount: m.amount,
        currency: m.currency.map(str::to_string),
    })
}

/// What converting money into a plan's currency needs.
#[derive(Clone, Debug)]
pub struct Money {
    /// The plan's currency; empty when it has none.
    pub plan_currency: String,
    /// The currency `[fx]` rates are against (the thresholds').
    pub base: String,
    pub fx: FxRates,
}

impl Money {
    /// `amount` in `currency` (`None`: the plan's) converted into the plan's currency;
    /// `None` when the plan names no currency or a rate is missing.
    pub fn convert(&self, amount: f64, currency: Option<&str>) -> Option<f64> {
        let from = currency.unwrap_or(&self.plan_currency);
        if self.plan_currency.is_empty() {
            return None;
        }
        if from == self.plan_currency {
            return Some(amount);
        }
        let rate = |c: &str| -> Option<f64> {
            if c == self.base {
                Some(1.0)
            } else {
                self.fx
                    .0
                    .get(c)
                    .copied()
                    .filter(|r| r.is_finite() && *r > 0.0)
            }
        };
        Some(amount * rate(from)? / rate(&self.plan_currency)?)
    }
}

thread_local! {
    /// The plan whose money `money()` converts into: set by [`Compiled::eval`] for the
    /// evaluation on this thread (an overload of the environment is a plain function).
    static MONEY: std::cell::RefCell<Option<Arc<Money>>> = const { std::cell::RefCell::new(None) };
}

fn money(text: &CelString<'_>) -> Result<CelDouble, ExecutionError> {
    let lit = money_literal(text.inner()).ok_or_else(|| {
        ExecutionError::function_error("money", format!("`{}` is not an amount", text.inner()))
    })?;
    MONEY
        .with(|m| {
            m.borrow()
                .as_ref()
                .and_then(|m| m.convert(lit.amount, lit.currency.as_deref()))
        })
        .map(CelDouble::from)
        .ok_or_else(|| {
            ExecutionError::function_error("money", "no exchange rate for this currency")
        })
}

/// What an expression sees: `value`, `item`, `plan` and `metrics`, borrowed from values
/// converted once per plan (and only when an expression reads them).
pub struct Bindings<'a> {
    pub value: &'a Lazy<'a>,
    pub item: &'a Lazy<'a>,
    pub plan: &'a Lazy<'a>,
    pub metrics: &'a Lazy<'a>,
}

/// A value converted only when an expression reads it.
pub type Lazy<'a> = dyn (Fn() -> &'a dyn Val) + Send + Sync + 'a;

struct Resolver<'r, 'a>(&'r Bindings<'a>);

impl VariableResolver for Resolver<'_, '_> {
    fn resolve<'b>(&'b self, variable: &str) -> Option<CowVal<'b, 'b>> {
        Some(CowVal::Borrowed(match variable {
            "value" => (self.0.value)(),
            "item" => (self.0.item)(),
            "plan" => (self.0.plan)(),
            "metrics" => (self.0.metrics)(),
            _ => return None,
        }))
    }
}

impl Compiled {
    /// Evaluates with `bindings`, `money()` converting into `money`'s plan currency.
    pub fn eval(
        &self,
        bindings: &Bindings<'_>,
        money: &Arc<Money>,
    ) -> Result<Value, ExecutionError> {
        MONEY.with(|m| *m.borrow_mut() = Some(Arc::clone(money)));
        let resolver = Resolver(bindings);
        let mut ctx = CelContext::with_env(Arc::clone(&ENV));
        ctx.set_variable_resolver(&resolver);
        self.program.execute(&ctx)
    }

    /// The work evaluating it over lists of at most `longest` items may cost.
    pub fn cost(&self, longest: usize) -> u128 {
        let base = (longest as u128).saturating_add(1);
        let mut cost = self.size as u128;
        for _ in 0..self.depth {
            cost = cost.saturating_mul(base);
        }
        cost
    }
}

/// A CEL value as the `Val` bindings hold.
pub fn to_val(v: Value) -> Box<dyn Val> {
    let val: Result<Box<dyn Val>, _> = v.try_into();
    val.unwrap_or_else(|_| Box::new(cel::common::types::CelNull))
}

/// True for an error that says the expression does not fit the plan's types (found by
/// evaluating it on a plan that has every field), rather than one that depends on
/// values (a division by zero).
pub fn is_type_error(e: &ExecutionError) -> bool {
    #[allow(deprecated)]
    let value_dependent = matches!(
        e,
        ExecutionError::DivisionByZero(_)
            | ExecutionError::RemainderByZero(_)
            | ExecutionError::Overflow(..)
            | ExecutionError::IndexOutOfBounds(_)
            | ExecutionError::FunctionError { .. }
            | ExecutionError::DuplicateKey(_)
    );
    !value_dependent
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(src: &str, value: Value) -> Result<Value, ExecutionError> {
        let c = compile(src).unwrap();
        let money = Arc::new(Money {
            plan_currency: "USD".into(),
            base: "CNY".into(),
            fx: FxRates([("USD".to_string(), 7.0)].into_iter().collect()),
        });
        let (value, null) = (to_val(value), to_val(Value::Null));
        let none = || null.as_ref();
        let value = || value.as_ref();
        let b = Bindings {
            value: &value,
            item: &none,
            plan: &none,
            metrics: &none,
        };
        c.eval(&b, &money)
    }

    #[test]
    fn numbers_compare_across_types_and_money_converts() {
        assert_eq!(
            run("value < 0.70", Value::Float(0.5)),
            Ok(Value::Bool(true))
        );
        assert_eq!(
            run("value > 500", Value::Float(600.0)),
            Ok(Value::Bool(true))
        );
        assert_eq!(
            run("value < money('70k CNY')", Value::Float(9_000.0)),
            Ok(Value::Bool(true))
        );
        assert_eq!(
            run("money('70k CNY')", Value::Null),
            Ok(Value::Float(10_000.0))
        );
    }

    #[test]
    fn matches_uses_the_regex_crate_with_limits() {
        let s = |t: &str| Value::String(Arc::new(t.to_string()));
        assert_eq!(
            run("value.matches('[0-9]')", s("3-6%")),
            Ok(Value::Bool(true))
        );
        assert_eq!(
            run("!value.matches('[0-9]')", s("严重")),
            Ok(Value::Bool(true))
        );
        assert!(matches!(
            compile("value.matches('(')"),
            Err(CompileError::Regex { at: 14, .. })
        ));
        assert!(matches!(
            compile("value.matches('a{1000}{1000}{1000}')"),
            Err(CompileError::Regex { .. })
        ));
    }

    #[test]
    fn errors_point_into_the_expression() {
        let Err(CompileError::Syntax { at, .. }) = compile("value < < 1") else {
            panic!("a syntax error");
        };
        assert_eq!(at, 8);
        assert!(matches!(
            compile("money(value)"),
            Err(CompileError::MoneyArgument { at: 6 })
        ));
        assert!(matches!(
            compile("value < money('lots')"),
            Err(CompileError::Money { at: 14, .. })
        ));
        assert_eq!(compile(&"(".repeat(100)).err(), Some(CompileError::TooDeep));
        assert!(matches!(
            compile("[1].all(a, [1].all(b, [1].all(c, [1].all(d, true))))"),
            Err(CompileError::TooDeep)
        ));
    }

    #[test]
    fn the_budget_grows_with_nesting() {
        let c = compile("plan.projections.all(a, plan.projections.all(b, a == b))").unwrap();
        assert_eq!(c.depth, 2);
        assert!(c.cost(100_000) > EVALUATION_BUDGET);
        assert!(c.cost(100) < EVALUATION_BUDGET);
    }
}
