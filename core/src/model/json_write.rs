//! JSON written as text: the chart options the app hands to ECharts (`JSON.parse` in the
//! browser), without serde. Why: serde_json's `Value`, its `json!` expansions and a serializer
//! into JS values were some 4 KB gzip of the dashboard's wasm for a few small option trees.
//! Numbers are written by [`fixed_round_trip`](crate::model::fixed::fixed_round_trip), so they read back exactly.

use crate::model::fixed::fixed_round_trip;

/// A JSON value. Object keys are the option names of the code that builds them.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonOut {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number; one that is not finite is written as `null`, as JSON has no NaN.
    Num(f64),
    /// A string.
    Str(String),
    /// An array.
    Arr(Vec<JsonOut>),
    /// An object, its members in the order given.
    Obj(Vec<(&'static str, JsonOut)>),
}

/// An object from its members: `obj([("type", "bar".into()), ("top", 4.into())])`.
pub fn json_obj<const N: usize>(members: [(&'static str, JsonOut); N]) -> JsonOut {
    JsonOut::Obj(members.into())
}

impl JsonOut {
    /// The value as JSON text.
    ///
    /// ```
    /// use lta_core::{JsonOut, json_obj};
    /// let option = json_obj([("show", true.into()), ("data", vec![JsonOut::from(1.5), "-".into()].into()), ("text", "a\n\"b\"".into())]);
    /// assert_eq!(option.to_text(), r#"{"show":true,"data":[1.5,"-"],"text":"a\n\"b\""}"#);
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            JsonOut::Null => out.push_str("null"),
            JsonOut::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            JsonOut::Num(n) if n.is_finite() => out.push_str(&fixed_round_trip(*n)),
            JsonOut::Num(_) => out.push_str("null"),
            JsonOut::Str(s) => string(s, out),
            JsonOut::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            JsonOut::Obj(members) => {
                out.push('{');
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }

    /// Sets an object's member, replacing one of the same name (nothing for other values).
    pub fn set(&mut self, key: &'static str, value: JsonOut) {
        if let JsonOut::Obj(members) = self {
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(member) => member.1 = value,
                None => members.push((key, value)),
            }
        }
    }
}

/// A JSON string: quotes, backslashes and control characters escaped.
fn string(s: &str, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl From<bool> for JsonOut {
    fn from(b: bool) -> Self {
        JsonOut::Bool(b)
    }
}
impl From<f64> for JsonOut {
    fn from(n: f64) -> Self {
        JsonOut::Num(n)
    }
}
impl From<u32> for JsonOut {
    fn from(n: u32) -> Self {
        JsonOut::Num(n.into())
    }
}
/// Whole numbers as written in code (`top: 4`).
impl From<i32> for JsonOut {
    fn from(n: i32) -> Self {
        JsonOut::Num(n.into())
    }
}
impl From<&str> for JsonOut {
    fn from(s: &str) -> Self {
        JsonOut::Str(s.to_string())
    }
}
impl From<String> for JsonOut {
    fn from(s: String) -> Self {
        JsonOut::Str(s)
    }
}
impl<T: Into<JsonOut>> From<Vec<T>> for JsonOut {
    fn from(items: Vec<T>) -> Self {
        JsonOut::Arr(items.into_iter().map(Into::into).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::json::{parse_json, JsonValue};

    /// What is written reads back through the core's own JSON reader, control characters and
    /// all, and numbers exactly.
    #[test]
    fn written_text_reads_back() {
        let text: String = (0u8..0x7f).map(char::from).chain("€≈ü".chars()).collect();
        let value = json_obj([
            ("s", text.as_str().into()),
            ("n", vec![0.1 + 0.2, -3.0, 1e21, 5e-324].into()),
            ("nested", json_obj([("empty", JsonOut::Arr(vec![])), ("null", JsonOut::Null), ("no", false.into())])),
        ]);
        let read = parse_json(value.to_text().as_bytes()).expect("valid JSON");
        let fields = read.object().expect("an object");
        assert_eq!(fields.req("s").and_then(|s| s.string()), Ok(text));
        let numbers = fields.req("n").and_then(|n| n.list(|x| x.number()));
        assert_eq!(numbers, Ok(vec![0.1 + 0.2, -3.0, 1e21, 5e-324]));
        let nested = fields.req("nested").and_then(|n| n.object()).map(|f| f.members.iter().map(|(k, v)| (k.clone(), v.value.clone())).collect::<Vec<_>>());
        assert_eq!(nested, Ok(vec![("empty".into(), JsonValue::Array(vec![])), ("null".into(), JsonValue::Null), ("no".into(), JsonValue::Bool(false))]));
    }

    #[test]
    fn not_finite_is_null_and_set_replaces() {
        let mut value = json_obj([("a", f64::NAN.into())]);
        value.set("a", f64::INFINITY.into());
        value.set("b", 2u32.into());
        assert_eq!(value.to_text(), r#"{"a":null,"b":2}"#);
    }
}
