//! A small JSON reader for the dataset files (`index.json`, `manifest.json`): every value with the
//! line and column where it starts, so an error can name them. Written by hand rather than with
//! serde_json's deserializer and serde's derived visitors, which weighed about 60 KB in the
//! app's wasm (issue #11's byte budget); `manifest.rs` turns the values into its types. The
//! accessors are not inlined: one copy each, not one per member read.
//! Imports nothing of the crate.

/// A JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(f64),
    /// A string, unescaped.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// The members in file order.
    Object(Vec<(String, Json)>),
}

/// A value and where it starts (1-based line and column, the column counted in bytes).
#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    /// The value.
    pub value: JsonValue,
    /// Its line.
    pub line: u64,
    /// Its column.
    pub column: u64,
}

/// What is wrong with a JSON text, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct JsonError {
    /// In English, as a JSON library says it (`expected a string`).
    pub detail: String,
    /// The line.
    pub line: u64,
    /// The column.
    pub column: u64,
}

/// Nesting deeper than this is refused rather than risking the stack.
const MAX_DEPTH: usize = 64;

/// Reads one JSON value, with nothing but white space after it.
///
/// ```
/// use lta_core::{JsonValue, parse_json};
/// let j = parse_json(b"{\"a\": [1, \"\\u00e9\\n\", null]}").unwrap();
/// let JsonValue::Object(members) = &j.value else { panic!() };
/// assert_eq!(members[0].1.value, JsonValue::Array(vec![
///     lta_core::Json { value: JsonValue::Number(1.0), line: 1, column: 8 },
///     lta_core::Json { value: JsonValue::String("é\n".into()), line: 1, column: 11 },
///     lta_core::Json { value: JsonValue::Null, line: 1, column: 23 },
/// ]));
/// assert_eq!(parse_json(b"{\"a\": 1,\n }").unwrap_err().line, 2);
/// ```
pub fn parse_json(bytes: &[u8]) -> Result<Json, JsonError> {
    let mut r = Reader { bytes, pos: 0, line: 1, line_start: 0 };
    let value = r.value(0)?;
    r.space();
    if r.pos < bytes.len() {
        return Err(r.error("trailing characters"));
    }
    Ok(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    line: u64,
    line_start: usize,
}

impl Reader<'_> {
    fn error(&self, detail: &str) -> JsonError {
        JsonError { detail: detail.to_string(), line: self.line, column: (self.pos - self.line_start) as u64 + 1 }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn space(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.line += 1;
                    self.line_start = self.pos + 1;
                }
                b' ' | b'\t' | b'\r' => {}
                _ => return,
            }
            self.pos += 1;
        }
    }

    /// Skips `c` (after white space), or says it was expected.
    fn expect(&mut self, c: u8, what: &str) -> Result<(), JsonError> {
        self.space();
        if self.peek() != Some(c) {
            return Err(self.error(what));
        }
        self.pos += 1;
        Ok(())
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.space();
        let (line, column) = (self.line, (self.pos - self.line_start) as u64 + 1);
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        let value = match self.peek() {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => JsonValue::String(self.string()?),
            Some(b'-' | b'0'..=b'9') => self.number()?,
            Some(_) if self.word("true") => JsonValue::Bool(true),
            Some(_) if self.word("false") => JsonValue::Bool(false),
            Some(_) if self.word("null") => JsonValue::Null,
            Some(_) => return Err(self.error("expected a value")),
            None => return Err(self.error("EOF while parsing a value")),
        };
        Ok(Json { value, line, column })
    }

    fn word(&mut self, word: &str) -> bool {
        let found = self.bytes[self.pos..].starts_with(word.as_bytes());
        if found {
            self.pos += word.len();
        }
        found
    }

    fn array(&mut self, depth: usize) -> Result<JsonValue, JsonError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(JsonValue::Array(items));
        }
        loop {
            items.push(self.value(depth + 1)?);
            self.space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(JsonValue::Array(items));
                }
                _ => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<JsonValue, JsonError> {
        self.pos += 1;
        let mut members = Vec::new();
        self.space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(JsonValue::Object(members));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("key must be a string"));
            }
            let key = self.string()?;
            self.expect(b':', "expected `:`")?;
            members.push((key, self.value(depth + 1)?));
            self.space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(JsonValue::Object(members));
                }
                _ => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn number(&mut self) -> Result<JsonValue, JsonError> {
        let start = self.pos;
        while matches!(self.peek(), Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')) {
            self.pos += 1;
        }
        let text = std::str::from_utf8(&self.bytes[start..self.pos]).unwrap_or("");
        // Rust's float syntax is JSON's, but for these: a leading zero, a bare point or sign.
        let digits = text.trim_start_matches('-');
        let json_like = digits.starts_with(|c: char| c.is_ascii_digit())
            && !(digits.len() > 1 && digits.starts_with('0') && digits.as_bytes()[1].is_ascii_digit())
            && !digits.contains(".e") && !digits.contains(".E") && !digits.ends_with('.');
        match text.parse::<f64>() {
            Ok(n) if json_like && n.is_finite() => Ok(JsonValue::Number(n)),
            _ => {
                self.pos = start;
                Err(self.error("invalid number"))
            }
        }
    }

    /// A string, from its opening quote.
    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = Vec::new();
        loop {
            let Some(b) = self.peek() else { return Err(self.error("EOF while parsing a string")) };
            self.pos += 1;
            match b {
                b'"' => break,
                b'\\' => self.escape(&mut out)?,
                0..=0x1f => {
                    self.pos -= 1;
                    return Err(self.error("control character in a string"));
                }
                _ => out.push(b),
            }
        }
        String::from_utf8(out).map_err(|_| self.error("invalid UTF-8 in a string"))
    }

    fn escape(&mut self, out: &mut Vec<u8>) -> Result<(), JsonError> {
        let Some(b) = self.peek() else { return Err(self.error("EOF while parsing a string")) };
        self.pos += 1;
        let c = match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => self.unicode()?,
            _ => return Err(self.error("invalid escape")),
        };
        out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
        Ok(())
    }

    /// The character of `\uXXXX`, or of a surrogate pair `\uD83D\uDE00`.
    fn unicode(&mut self) -> Result<char, JsonError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.word("\\u") {
                return Err(self.error("lone leading surrogate"));
            }
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("invalid surrogate pair"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("invalid unicode escape"))
    }

    fn hex4(&mut self) -> Result<u32, JsonError> {
        let digits = self.bytes.get(self.pos..self.pos + 4).and_then(|d| std::str::from_utf8(d).ok());
        let code = digits.filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit())).and_then(|d| u32::from_str_radix(d, 16).ok());
        let code = code.ok_or_else(|| self.error("invalid unicode escape"))?;
        self.pos += 4;
        Ok(code)
    }
}

impl Json {
    /// An error about this value, at its place.
    pub fn error(&self, detail: &str) -> JsonError {
        JsonError { detail: detail.to_string(), line: self.line, column: self.column }
    }

    /// A string's text.
    #[inline(never)]
    pub fn string(&self) -> Result<String, JsonError> {
        match &self.value {
            JsonValue::String(s) => Ok(s.clone()),
            _ => Err(self.error("expected a string")),
        }
    }

    /// A number.
    #[inline(never)]
    pub fn number(&self) -> Result<f64, JsonError> {
        match self.value {
            JsonValue::Number(n) => Ok(n),
            _ => Err(self.error("expected a number")),
        }
    }

    /// `true` or `false`.
    #[inline(never)]
    pub fn boolean(&self) -> Result<bool, JsonError> {
        match self.value {
            JsonValue::Bool(b) => Ok(b),
            _ => Err(self.error("expected a boolean")),
        }
    }

    /// An array's items.
    #[inline(never)]
    pub fn array(&self) -> Result<&[Json], JsonError> {
        match &self.value {
            JsonValue::Array(items) => Ok(items),
            _ => Err(self.error("expected an array")),
        }
    }

    /// Each item of an array, read by `read`.
    pub fn list<T>(&self, read: impl Fn(&Json) -> Result<T, JsonError>) -> Result<Vec<T>, JsonError> {
        self.array()?.iter().map(read).collect()
    }

    /// An object's members.
    #[inline(never)]
    pub fn object(&self) -> Result<JsonFields<'_>, JsonError> {
        match &self.value {
            JsonValue::Object(members) => Ok(JsonFields { of: self, members }),
            _ => Err(self.error("expected an object")),
        }
    }
}

/// The members of an object. Members nobody asks for are passed over.
pub struct JsonFields<'a> {
    of: &'a Json,
    /// The members in file order.
    pub members: &'a [(String, Json)],
}

impl<'a> JsonFields<'a> {
    /// A member that may be left out or `null`.
    #[inline(never)]
    pub fn get(&self, key: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v).filter(|v| v.value != JsonValue::Null)
    }

    /// A member that must be there.
    #[inline(never)]
    pub fn req(&self, key: &str) -> Result<&'a Json, JsonError> {
        self.get(key).ok_or_else(|| self.of.error(&format!("missing field `{key}`")))
    }

    /// An optional member, read by `read` when it is there.
    pub fn opt<T>(&self, key: &str, read: impl Fn(&Json) -> Result<T, JsonError>) -> Result<Option<T>, JsonError> {
        self.get(key).map(read).transpose()
    }
}

#[cfg(test)]
#[path = "json_tests.rs"]
mod tests;
