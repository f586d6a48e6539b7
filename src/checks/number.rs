//! Numbers as JavaScript reads them: a double, sent back (`JSON.stringify`) as the shortest
//! decimal that reads as the same double. A number written with more precision than a double
//! holds reaches the SaleSmartly project as another number.

/// The number JavaScript reads for `number`, written as `written` (a JSON or TOML literal, `_`
/// separators allowed), when it is not the number written: `None` when it arrives as written.
pub fn rounded(written: &str, number: &serde_json::Number) -> Option<f64> {
    let exact = number.as_i64().map(i128::from).or_else(|| number.as_u64().map(i128::from));
    match (exact, number.as_f64()) {
        // An integer the parser read exactly, in any base: the double nearest it is it, or not.
        (Some(integer), _) => {
            let read = integer as f64;
            (read as i128 != integer).then_some(read)
        }
        (None, Some(read)) => match (Decimal::parse(written), Decimal::parse(&format!("{read:e}"))) {
            (Some(exact), Some(shortest)) if exact != shortest => Some(read),
            _ => None,
        },
        (None, None) => None,
    }
}

/// A decimal number in a normal form: `negative`, then `digits` × 10^`exponent`, with no leading
/// or trailing zero in `digits` (so equal numbers have equal forms; zero has no digits).
#[derive(Debug, PartialEq)]
struct Decimal {
    negative: bool,
    digits: String,
    exponent: i64,
}

impl Decimal {
    fn parse(literal: &str) -> Option<Decimal> {
        let literal = literal.replace('_', "");
        let (negative, unsigned) = match literal.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, literal.strip_prefix('+').unwrap_or(&literal)),
        };
        let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
            Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().ok()?),
            None => (unsigned, 0),
        };
        let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        if whole.is_empty() || !whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        let all = format!("{whole}{fraction}");
        let significant = all.trim_start_matches('0');
        let digits = significant.trim_end_matches('0');
        // Checked: a literal's exponent can be any i64, and bad input never panics.
        let shift = (significant.len() - digits.len()) as i64 - fraction.len() as i64;
        let exponent = exponent.checked_add(shift)?;
        match digits.is_empty() {
            true => Some(Decimal { negative: false, digits: String::new(), exponent: 0 }),
            false => Some(Decimal { negative, digits: digits.to_string(), exponent }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::rounded;

    fn read(written: &str) -> Option<f64> {
        let plain = written.replace('_', "");
        let number = match plain.parse::<i64>() {
            Ok(integer) => integer.into(),
            Err(_) => serde_json::Number::from_f64(plain.parse().unwrap()).unwrap(),
        };
        rounded(written, &number)
    }

    #[test]
    fn numbers_a_double_holds_arrive_as_written() {
        for written in ["0", "-0.0", "1", "12.5", "0.1", "1e3", "1.50", "+7", "9007199254740992", "1_000", "2.5E-3"] {
            assert_eq!(read(written), None, "{written}");
        }
        // 2^54 is a double: past 2^53 is not rounded in itself.
        assert_eq!(read("18014398509481984"), None);
    }

    #[test]
    fn numbers_past_a_doubles_precision_arrive_as_another() {
        assert_eq!(read("9007199254740993"), Some(9007199254740992.0));
        assert_eq!(read("-9007199254740993"), Some(-9007199254740992.0));
        assert_eq!(read("99999999999999999999"), Some(1e20));
        assert_eq!(read("0.30000000000000000001"), Some(0.3));
        assert_eq!(read("1.00000000000000001"), Some(1.0));
    }

    #[test]
    fn an_exponent_at_the_edge_of_i64_is_no_panic() {
        assert_eq!(rounded("10e9223372036854775807", &serde_json::Number::from_f64(1.0).unwrap()), None);
    }

    #[test]
    fn integers_in_other_bases_are_judged_by_their_value() {
        assert_eq!(rounded("0xff", &255.into()), None);
        assert_eq!(rounded("0x20000000000001", &0x20000000000001_i64.into()), Some(9007199254740992.0));
    }
}
