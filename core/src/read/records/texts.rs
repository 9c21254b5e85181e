//! The id table: texts numbered in order of appearance (client ids, codes), with a fast hash.

use super::*;

/// Texts numbered in order of appearance, each with a value worked out once: one hash a row,
/// then one comparison (after a tag of the hash). It numbers client ids (hundreds of thousands in
/// a million rows) and caches the codes of every other column (a handful, or a thousand dates).
/// Open addressing with linear probing, at most half full; measured against `HashMap<String, _>`
/// and a short list before it: those were two fifths of reading.
pub(crate) struct Texts<V> {
    pub(crate) keys: Vec<String>,
    pub(crate) values: Vec<V>,
    /// A text's number plus one (0: free) and the low 32 bits of its hash.
    pub(crate) slots: Vec<(u32, u32)>,
}

impl<V> Default for Texts<V> {
    fn default() -> Self {
        Texts { keys: Vec::new(), values: Vec::new(), slots: Vec::new() }
    }
}

impl<V: Copy> Texts<V> {
    /// The number and value of `raw`, numbering a new text next with the value `resolve(raw)`;
    /// None past u32 texts (never under MAX_ROWS).
    pub(crate) fn entry(&mut self, raw: &str, resolve: impl FnOnce(&str) -> V) -> Option<(u32, V)> {
        if self.keys.len() * 2 >= self.slots.len() {
            self.grow();
        }
        let mut h = FxHasher::default();
        h.write(raw.as_bytes());
        let hash = h.finish() as u32;
        let mask = self.slots.len() - 1;
        let mut i = hash as usize & mask;
        loop {
            match self.slots[i] {
                (0, _) => break,
                (n, tag) if tag == hash && self.keys[n as usize - 1] == raw => return Some((n - 1, self.values[n as usize - 1])),
                _ => i = (i + 1) & mask,
            }
        }
        let n = u32::try_from(self.keys.len()).ok().filter(|&n| n < u32::MAX)?;
        let value = resolve(raw);
        self.slots[i] = (n + 1, hash);
        self.keys.push(raw.to_string());
        self.values.push(value);
        Some((n, value))
    }

    pub(crate) fn grow(&mut self) {
        let size = (self.slots.len() * 2).max(1 << 6);
        let mut slots = vec![(0, 0); size];
        for &(n, hash) in self.slots.iter().filter(|s| s.0 != 0) {
            let mut i = hash as usize & (size - 1);
            while slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (n, hash);
        }
        self.slots = slots;
    }
}

/// Raw texts of one dimension resolved once each (trimmed), to an index or None.
pub(crate) type Cached = Texts<Option<usize>>;

impl Cached {
    pub(crate) fn get(&mut self, raw: &str, resolve: impl FnOnce(&str) -> Option<usize>) -> Option<usize> {
        self.entry(raw, |r| resolve(r.trim())).and_then(|(_, i)| i)
    }
}

/// The Fx hash of rustc with a final mix: much faster than the default SipHash on short client
/// ids. The ids come from the user's own file in their own browser, so hash flooding is moot.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

/// Hash maps keyed by small values the reader and the tables count by.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        // Spread the high bits down: the table picks buckets by the low ones.
        let h = self.0;
        (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9) ^ (h >> 32)
    }
}

/// Values of a dimension the file defines (periods, percelen), numbered in order of appearance.
#[derive(Default)]
pub(crate) struct Interner {
    pub(crate) values: Vec<String>,
    pub(crate) numbers: HashMap<String, usize, BuildHasherDefault<FxHasher>>,
    pub(crate) cache: Cached,
    /// How many of the values have been checked against their limit.
    pub(crate) checked: usize,
}

impl Interner {
    pub(crate) fn index(&mut self, raw: &str, resolve: impl FnOnce(&str) -> Option<String>) -> Option<usize> {
        let (values, numbers) = (&mut self.values, &mut self.numbers);
        self.cache.get(raw, |s| {
            let v = resolve(s)?;
            Some(*numbers.entry(v).or_insert_with_key(|v| {
                values.push(v.clone());
                values.len() - 1
            }))
        })
    }
}
