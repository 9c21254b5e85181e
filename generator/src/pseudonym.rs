//! Pseudonymised client ids: `p` + 8 hex digits. The same child keeps its id across periods and
//! years. Ids come from a keyed bijection on 32 bits, so two children can never share an id
//! (a hash would collide: ~40k children in 2^32 values collide with a probability of ~20%).

use std::fmt;

use crate::prng::SplitMix64;

/// A pseudonymised client. Ordering the number orders the id text too (fixed-width hex).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ClientId(pub u32);

impl fmt::Display for ClientId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "p{:08x}", self.0)
    }
}

/// Turns a child's serial number into its id, keyed by the seed.
pub struct Pseudonymiser {
    keys: [u32; 2],
}

impl Pseudonymiser {
    pub fn new(seed: u64) -> Self {
        let k = SplitMix64::new(seed ^ 0x5053_4555_444F_4E59).next_u64();
        Pseudonymiser {
            keys: [k as u32, (k >> 32) as u32],
        }
    }

    /// Every step (xor, add, multiply by an odd number, xor-shift right) is invertible on u32,
    /// so distinct serials give distinct ids.
    pub fn id(&self, serial: u32) -> ClientId {
        let mut x = serial ^ self.keys[0];
        x ^= x >> 16;
        x = x.wrapping_mul(0x7FEB_352D);
        x ^= x >> 15;
        x = x.wrapping_mul(0x846C_A68B);
        x ^= x >> 16;
        ClientId(x.wrapping_add(self.keys[1]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_distinct_and_deterministic() {
        let p = Pseudonymiser::new(2023);
        let ids: HashSet<ClientId> = (0..1_000_000).map(|s| p.id(s)).collect();
        assert_eq!(ids.len(), 1_000_000);
        assert_eq!(p.id(42), Pseudonymiser::new(2023).id(42));
        assert_ne!(p.id(42), Pseudonymiser::new(2024).id(42));
        assert_eq!(ClientId(0xab).to_string(), "p000000ab");
    }
}
