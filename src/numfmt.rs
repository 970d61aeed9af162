//! Numbers, amounts and percentages as planlint writes them in English (`300,000 CNY`,
//! `12.5%`); `i18n` writes them for other languages.

/// The largest magnitude shown in full; beyond it numbers are written `1.2e21`, so that
/// no message prints a 300-digit number.
const SHOWN_IN_FULL: f64 = 1e15;

/// A number no message should print digit by digit: infinite, not a number, or above
/// 10^15 (rules that divide by a tiny value can compute such numbers).
fn format_extreme(v: f64) -> Option<String> {
    if v.is_nan() {
        Some("an undefined number".to_string())
    } else if v.is_infinite() {
        Some(if v > 0.0 { "∞" } else { "-∞" }.to_string())
    } else if v.abs() > SHOWN_IN_FULL {
        // `1.2e21`, with the `.0` of a round mantissa dropped.
        Some(format!("{v:.1e}").replace(".0e", "e"))
    } else {
        None
    }
}

/// Formats an amount with thousands separators and at most two decimals:
/// `300000` -> `300,000`, `1234.5` -> `1,234.50`; beyond 10^15 `1.2e21`.
pub fn format_amount(amount: f64) -> String {
    if let Some(s) = format_extreme(amount) {
        return s;
    }
    let negative = amount < 0.0;
    let abs = amount.abs();
    let rounded = (abs * 100.0).round() / 100.0;
    let whole = rounded.trunc();
    let cents = ((rounded - whole) * 100.0).round() as u64;
    let digits = format!("{whole:.0}");
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if cents > 0 {
        out.push_str(&format!(".{cents:02}"));
    }
    if negative && (whole > 0.0 || cents > 0) {
        format!("-{out}")
    } else {
        out
    }
}

/// `300,000 CNY`.
pub fn format_money(amount: f64, currency: &str) -> String {
    if currency.is_empty() {
        // A plan with no known currency: the bare amount.
        return format_amount(amount);
    }
    format!("{} {currency}", format_amount(amount))
}

/// `25%`, `12.5%`.
pub fn format_percent(fraction: f64) -> String {
    format!("{}%", format_number(fraction * 100.0))
}

/// A number with at most two decimals and no trailing zeros: `12`, `12.5`, `13.33`;
/// beyond 10^15 `1.2e21`, and never `inf` or `NaN`.
pub fn format_number(v: f64) -> String {
    if let Some(s) = format_extreme(v) {
        return s;
    }
    let s = format!("{:.2}", (v * 100.0).round() / 100.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}
