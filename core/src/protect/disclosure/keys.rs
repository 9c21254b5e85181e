//! The record keys of the cell-key method and how a cell's key is made from them.
//!
//! Each kind of key has its own [`Domain`], so no two kinds can coincide. A cell's key is the
//! sum of its records' keys (modulo 2⁶⁴, that is modulo 1 as a fraction), plus a **group salt**:
//! a mix of the keys of every youth of the cell's group over the whole span of the data (the
//! cell without its period: an area, perceel, referrer or provider). Two cells of the same
//! records in the same group get the same noise, so asking again gains nothing; two nested
//! groups that hold the same youth in one period but not over the whole span (a jeugdregio and
//! its landsdeel, a gemeente and its jeugdregio) get independent noise, so the equality of their
//! figures in a period no longer tells whether the child between them was there
//! (docs/disclosure.md, "Nested groups").

use super::SecretKey;

/// What a record key is the key of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Domain {
    /// A youth (a client), for distinct counts of youth.
    Youth = b'j',
    /// A row of a records file, for counts of trajectories (the cube's and the providers').
    Row = b't',
    /// A trajectory of the durations: client, perceel, provider and begin date.
    Trajectory = b'd',
}

/// Which measure a cell key is for: the salt and the keys of a row are mixed apart per measure,
/// so the noise on a cell's youth, trajectories and euros is independent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Use {
    Youth = 1,
    Trajectories = 2,
    /// The largest and second largest euro contribution.
    Euro = 3,
    EuroSecond = 4,
    /// The three quartiles' positions and values of a duration group.
    Quartile = 5,
}

impl SecretKey {
    /// The key of a record of this domain.
    pub(crate) fn key(&self, domain: Domain, parts: &[&[u8]]) -> u64 {
        self.record_key(domain as u8, parts)
    }
}

/// SplitMix64's finaliser: a bijection of 64-bit words that spreads every input bit over the
/// output. A record key is already pseudo-random under the secret, so a mix of it with a
/// constant per use is as unknown to an attacker as another SipHash, at a fraction of its cost.
pub(crate) fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A key for one use, from a key made for another (the same row's euros from its trajectory key).
pub(crate) fn for_use(key: u64, what: Use, index: u64) -> u64 {
    mix(key ^ ((what as u64) << 56) ^ index.wrapping_mul(0xd6e8_feb8_6659_fd93))
}

/// A key as a fraction in [−1, 1) with 53 bits: continuous noise, in which 0 is no special value.
pub(crate) fn unit(key: u64) -> f64 {
    (key >> 11) as f64 / (1u64 << 52) as f64 - 1.0
}

/// A count and the sum of its members' keys.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Keyed {
    pub(crate) n: u64,
    pub(crate) key: u64,
}

impl Keyed {
    pub(crate) fn add(&mut self, key: u64) {
        self.n += 1;
        self.key = self.key.wrapping_add(key);
    }

    /// The cell key: the members' keys and the group's salt for this use.
    pub(crate) fn cell_key(self, salt: u64, what: Use) -> u64 {
        self.key.wrapping_add(for_use(salt, what, 0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_spread_over_minus_one_to_one() {
        assert_eq!(unit(0), -1.0);
        assert!(unit(u64::MAX) < 1.0 && unit(u64::MAX) > 0.999_999);
        let mean: f64 = (0..10_000u64).map(|i| unit(mix(i))).sum::<f64>() / 10_000.0;
        assert!(mean.abs() < 0.03, "{mean}");
    }

    #[test]
    fn uses_and_indices_give_other_keys() {
        let k = 12345;
        assert_ne!(for_use(k, Use::Euro, 0), for_use(k, Use::EuroSecond, 0));
        assert_ne!(for_use(k, Use::Quartile, 0), for_use(k, Use::Quartile, 1));
        assert_eq!(for_use(k, Use::Youth, 0), for_use(k, Use::Youth, 0));
    }
}
