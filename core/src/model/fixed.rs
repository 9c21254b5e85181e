//! A number's digits with a fixed number of decimals, or as few as give it back when read, from
//! integers only.
//!
//! Why not `format!("{:.2}", n)`: Rust's float printing (Grisu with a Dragon4 fallback) is some
//! 13 KB of the dashboard's wasm, and the dashboard never needs more than "round to a few
//! decimals". Here the value is scaled by a power of ten, rounded half away from zero (as a
//! reader rounds: 0,125 is 0,13) and the integer printed. Where the decimal a source wrote lies
//! exactly halfway, Rust rounds the binary value half to even, so the two can differ there by
//! one in the last digit (`0.125` to two decimals: "0.13" here, "0.12" from `format!`).

/// The digits of `|n|` rounded to `decimals` decimals, with `.` as the decimal point and no
/// sign: `fixed(-4.3878, 1)` is `"4.4"`. Infinite is `"inf"` and not a number `"NaN"`, as Rust
/// writes them; so is a value whose digits at that many decimals pass f64's range (`|n|` ×
/// 10^decimals above 1.8e308, never the case for the few decimals the dashboard shows).
///
/// ```
/// # use lta_core::fixed;
/// assert_eq!(fixed(4.3878, 1), "4.4");
/// assert_eq!(fixed(-0.01, 2), "0.01");
/// assert_eq!(fixed(194_078_629.0, 0), "194078629");
/// assert_eq!(fixed(0.05, 3), "0.050");
/// assert_eq!(fixed(1e20, 0), "100000000000000000000");
/// ```
pub fn fixed(n: f64, decimals: usize) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    // In steps of at most 10^300, so that a tiny share shown with many decimals (a percent of
    // 1e-310 has 310) is not multiplied by an infinite power of ten.
    let (mut scaled, mut left) = (n.abs(), decimals);
    while left > 0 {
        let step = left.min(300);
        scaled *= 10f64.powi(step as i32);
        left -= step;
    }
    let scaled = scaled.round();
    if scaled.is_infinite() {
        return "inf".into();
    }
    // Below 2^64 the integer fits a u64 exactly; above, it is an integer anyway (≥ 2^53).
    let mut digits = if scaled < 18_446_744_073_709_551_616.0 { (scaled as u64).to_string() } else { big_integer(scaled) };
    if decimals == 0 {
        return digits;
    }
    if digits.len() <= decimals {
        digits.insert_str(0, &"0".repeat(decimals + 1 - digits.len()));
    }
    digits.insert(digits.len() - decimals, '.');
    digits
}

/// `n` as a cube file writes it, the digits that read back as exactly `n`: whole numbers as
/// integers, others with as few decimals as give `n` back (`0.1`, not `0.1000000000000000055…`),
/// as `format!("{n}")` writes them.
///
/// ```
/// # use lta_core::fixed_round_trip;
/// assert_eq!(fixed_round_trip(19963.4), "19963.4");
/// assert_eq!(fixed_round_trip(-3.0), "-3");
/// assert_eq!(fixed_round_trip(0.1 + 0.2), "0.30000000000000004");
/// ```
pub fn fixed_round_trip(n: f64) -> String {
    let sign = if n.is_sign_negative() && !n.is_nan() { "-" } else { "" };
    if !n.is_finite() || n.abs() < 9_007_199_254_740_992.0 && n.fract() == 0.0 {
        return format!("{sign}{}", fixed(n, 0));
    }
    // Every finite f64 is a finite decimal: m × 2^e, or m × 5^-e / 10^-e. From its exact
    // digits, the fewest leading ones, rounded, that read back as `n`.
    let (mantissa, exponent) = parts(n.abs());
    let (exact, point) = if exponent >= 0 {
        (times(mantissa, 2, exponent as u32), 0)
    } else {
        (times(mantissa, 5, exponent.unsigned_abs()), exponent.unsigned_abs() as usize)
    };
    let mut text = String::new();
    for keep in 1..=exact.len() {
        let lead = rounded(&exact, keep);
        let len = exact.len() + lead.len() - keep;
        text = format!("{sign}{}", with_point(lead, len, point));
        if text.parse::<f64>() == Ok(n) {
            break;
        }
    }
    text
}

/// The first `keep` of `digits` rounded half up on the next digit (one digit more on a carry).
fn rounded(digits: &str, keep: usize) -> Vec<u8> {
    let mut out: Vec<u8> = digits.as_bytes()[..keep].to_vec();
    if digits.as_bytes().get(keep).is_some_and(|&d| d >= b'5') {
        let mut i = keep;
        while i > 0 && out[i - 1] == b'9' {
            out[i - 1] = b'0';
            i -= 1;
        }
        if i == 0 { out.insert(0, b'1') } else { out[i - 1] += 1 }
    }
    out
}

/// Leading digits filled with zeros to `len` digits, with a decimal point `point` digits from
/// the right and no trailing zeros after it.
fn with_point(mut digits: Vec<u8>, len: usize, point: usize) -> String {
    digits.resize(len, b'0');
    if digits.len() <= point {
        let mut padded = vec![b'0'; point + 1 - digits.len()];
        padded.extend(digits);
        digits = padded;
    }
    let (whole, frac) = digits.split_at(digits.len() - point);
    let (whole, frac) = (String::from_utf8_lossy(whole), String::from_utf8_lossy(frac));
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() { whole.into_owned() } else { format!("{whole}.{frac}") }
}

/// A finite `x` as mantissa × 2^exponent, the mantissa an integer below 2^53.
fn parts(x: f64) -> (u64, i32) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 { (fraction, -1074) } else { (fraction | (1 << 52), biased - 1075) }
}

/// The exact decimal digits of a finite, whole `x` ≥ 2^64.
fn big_integer(x: f64) -> String {
    let (mantissa, exponent) = parts(x);
    times(mantissa, 2, exponent as u32)
}

/// The decimal digits of `m × factor^power`, in limbs of nine decimal digits (least
/// significant first), multiplied one factor at a time: exact, and quick enough for the few
/// hundred factors an f64 can need.
fn times(m: u64, factor: u64, power: u32) -> String {
    const LIMB: u64 = 1_000_000_000;
    let mut limbs = vec![m % LIMB, m / LIMB % LIMB, m / LIMB / LIMB];
    for _ in 0..power {
        let mut carry = 0;
        for limb in &mut limbs {
            let v = *limb * factor + carry;
            *limb = v % LIMB;
            carry = v / LIMB;
        }
        if carry > 0 {
            limbs.push(carry);
        }
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut out = String::new();
    for (i, limb) in limbs.iter().rev().enumerate() {
        let part = limb.to_string();
        if i > 0 {
            out.push_str(&"0".repeat(9 - part.len()));
        }
        out.push_str(&part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{fixed, fixed_round_trip};

    /// Pseudo-random numbers (xorshift), the same every run.
    fn xorshift(mut state: u64) -> impl FnMut() -> u64 {
        move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        }
    }

    /// Rust's own formatting is the oracle, away from the halfway points where the two differ
    /// on purpose (see the module's comment).
    #[test]
    fn same_digits_as_rusts_formatting_away_from_halfway() {
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        let mut compared = 0;
        for _ in 0..200_000 {
            let magnitude = 10f64.powi((next() % 22) as i32 - 6);
            let n = (next() % 1_000_000) as f64 / 1_000_000.0 * magnitude * if next().is_multiple_of(2) { 1.0 } else { -1.0 };
            let decimals = (next() % 5) as usize;
            let scaled = n.abs() * 10f64.powi(decimals as i32);
            if (scaled.fract() - 0.5).abs() < 1e-6 || scaled >= 1e15 {
                continue;
            }
            assert_eq!(fixed(n, decimals), format!("{:.*}", decimals, n.abs()), "{n} to {decimals}");
            compared += 1;
        }
        assert!(compared > 150_000, "{compared}");
    }

    /// Every value reads back as itself, in the same text as `format!` writes.
    #[test]
    fn round_trip_gives_the_value_back_as_rust_writes_it() {
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for i in 0..100_000 {
            let n = match i % 4 {
                0 => f64::from_bits(next()),
                1 => (next() % 100_000_000) as f64 / 100.0,
                2 => (next() % 1_000_000) as f64 / 7.0,
                _ => -((next() % 1_000) as f64) / 1_000.0,
            };
            if !n.is_finite() {
                continue;
            }
            let text = fixed_round_trip(n);
            assert_eq!(text.parse::<f64>(), Ok(n), "{n:e}: {text}");
            assert_eq!(text, format!("{n}"), "{n:e}");
        }
        assert_eq!(fixed_round_trip(5e-324), format!("{}", 5e-324));
        assert_eq!(fixed_round_trip(1e-30), format!("{}", 1e-30));
        assert_eq!(fixed_round_trip(-f64::MAX), format!("{}", -f64::MAX));
        assert_eq!(fixed_round_trip(0.5), "0.5");
        assert_eq!(fixed_round_trip(9.5), "9.5");
        assert_eq!(fixed_round_trip(99.99999999999999), format!("{}", 99.99999999999999));
    }

    #[test]
    fn halfway_rounds_away_from_zero() {
        assert_eq!(fixed(0.5, 0), "1");
        assert_eq!(fixed(2.5, 0), "3");
        assert_eq!(fixed(-2.5, 0), "3");
        assert_eq!(fixed(0.125, 2), "0.13");
    }

    #[test]
    fn large_small_and_not_finite() {
        assert_eq!(fixed(0.0, 2), "0.00");
        assert_eq!(fixed(-0.0, 0), "0");
        assert_eq!(fixed(0.004, 2), "0.00");
        assert_eq!(fixed(18_446_744_073_709_551_616.0, 0), "18446744073709551616");
        assert_eq!(fixed(1e20, 1), "100000000000000000000.0");
        assert_eq!(fixed(f64::MAX, 0), format!("{:.0}", f64::MAX));
        assert_eq!(fixed(1e300, 0), format!("{:.0}", 1e300));
        assert_eq!(fixed(1.5e-310, 311), format!("{:.311}", 1.5e-310));
        assert_eq!(fixed(2e-305, 305), format!("{:.305}", 2e-305));
        assert_eq!(fixed(f64::INFINITY, 1), "inf");
        assert_eq!(fixed(f64::NAN, 1), "NaN");
    }
}
