//! Tests of `json.rs`.

use super::*;

fn fails(text: &str) -> JsonError {
    parse_json(text.as_bytes()).unwrap_err()
}

#[test]
fn numbers_are_json_numbers() {
    for ok in ["0", "-0.5", "12", "1e3", "1.5E-2", "-7"] {
        assert!(matches!(parse_json(ok.as_bytes()).unwrap().value, JsonValue::Number(_)), "{ok}");
    }
    for bad in ["01", "1.", "-", "1.e3", "1e999", "--1", "-.5"] {
        assert_eq!(fails(bad).detail, "invalid number", "{bad}");
    }
    for bad in [".5", "+1", "NaN"] {
        assert_eq!(fails(bad).detail, "expected a value", "{bad}");
    }
}

#[test]
fn errors_name_line_and_column() {
    let e = fails("{\n  \"a\": tru\n}");
    assert_eq!((e.line, e.column), (2, 8));
    let e = fails("[1, 2");
    assert_eq!((e.detail.as_str(), e.line, e.column), ("expected `,` or `]`", 1, 6));
    assert_eq!(fails("\"a\nb\"").detail, "control character in a string");
    assert_eq!(fails("{} x").detail, "trailing characters");
    assert_eq!(fails(&"[".repeat(100)).detail, "nested too deeply");
    assert_eq!(fails("\"\\ud83d\"").detail, "lone leading surrogate");
    assert_eq!(fails("{1: 2}").detail, "key must be a string");
    assert_eq!(fails("").detail, "EOF while parsing a value");
}

#[test]
fn strings_unescape() {
    let j = parse_json(br#""\"\\\/\b\f\n\r\t\u0041\ud83d\ude00""#).unwrap();
    assert_eq!(j.value, JsonValue::String("\"\\/\u{8}\u{c}\n\r\tA😀".into()));
}

#[test]
fn fields_missing_null_and_present() {
    let j = parse_json(b"{\"a\": null, \"b\": true}").unwrap();
    let f = j.object().unwrap();
    assert!(f.get("a").is_none());
    assert_eq!(f.req("b").unwrap().boolean(), Ok(true));
    assert_eq!(f.req("c").unwrap_err().detail, "missing field `c`");
    assert_eq!(f.opt("b", Json::boolean), Ok(Some(true)));
}
