//! The secret key of the cell-key method and the record keys made from it. A record key is
//! SipHash-2-4 (a keyed pseudo-random function; the key is 128 bits) of what identifies the
//! record: the client for a youth, the client and the trajectory's own values for a trajectory.
//! The same records and key therefore give the same keys whatever the row order or file
//! format; without the key, nobody can compute them.

use std::hash::Hasher;

/// The secret key. It prints as `SecretKey(…)`: it must never reach a log or an output.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey([u8; 16]);

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(…)")
    }
}

/// The first line of a key file, which says what it is.
const FILE_HEADER: &str = "# LTA-dashboard: geheime sleutel van de cell-key-methode (secret key of the cell-key method). Niet publiceren, wel bewaren: de volgende publicatie van dezelfde records gebruikt hem.";

impl SecretKey {
    /// A key from 16 bytes (from a random source).
    pub fn from_bytes(bytes: [u8; 16]) -> SecretKey {
        SecretKey(bytes)
    }

    /// Reads a key file: 32 hexadecimal digits on a line of their own; lines starting with `#`
    /// and blank lines are passed over. None for anything else.
    pub fn parse(text: &str) -> Option<SecretKey> {
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'));
        let hex = lines.next()?;
        if lines.next().is_some() || hex.len() != 32 {
            return None;
        }
        let mut bytes = [0u8; 16];
        for (i, b) in bytes.iter_mut().enumerate() {
            *b = u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok()?;
        }
        Some(SecretKey(bytes))
    }

    /// The key file's text (what `parse` reads).
    pub fn to_file(&self) -> String {
        let hex: String = self.0.iter().map(|b| format!("{b:02x}")).collect();
        format!("{FILE_HEADER}\n{hex}\n")
    }

    /// The record key of these parts, as a fraction of 2⁶⁴: `domain` keeps the keys of youth,
    /// trajectories and euros apart; each part is written with its length, so parts cannot run
    /// into each other.
    pub(crate) fn record_key(&self, domain: u8, parts: &[&[u8]]) -> u64 {
        let (k0, k1) = self.0.split_at(8);
        let word = |b: &[u8]| u64::from_le_bytes(b.try_into().unwrap_or([0; 8]));
        // SipHash-2-4 as the standard library has it: deprecated as a hash map's default, not as
        // an algorithm, and pinned by the reference test vector below.
        #[allow(deprecated)]
        let mut h = std::hash::SipHasher::new_with_keys(word(k0), word(k1));
        h.write(&[domain]);
        for p in parts {
            h.write(&(p.len() as u64).to_le_bytes());
            h.write(p);
        }
        h.finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference vector of SipHash-2-4 (Aumasson and Bernstein, appendix A): key 00..0f,
    /// message 00..0e, 0xa129ca6149be45e5.
    #[test]
    fn siphash_is_the_reference_siphash_2_4() {
        let key: Vec<u8> = (0..16).collect();
        let (k0, k1) = (u64::from_le_bytes(key[..8].try_into().unwrap()), u64::from_le_bytes(key[8..].try_into().unwrap()));
        #[allow(deprecated)]
        let mut h = std::hash::SipHasher::new_with_keys(k0, k1);
        h.write(&(0..15).collect::<Vec<u8>>());
        assert_eq!(h.finish(), 0xa129_ca61_49be_45e5);
    }

    #[test]
    fn a_key_file_reads_back_and_nothing_else_is_a_key() {
        let key = SecretKey::from_bytes([0xab; 16]);
        assert_eq!(SecretKey::parse(&key.to_file()), Some(key.clone()));
        assert_eq!(format!("{key:?}"), "SecretKey(…)");
        assert!(SecretKey::parse("abab").is_none());
        assert!(SecretKey::parse(&"g".repeat(32)).is_none());
        assert!(SecretKey::parse(&format!("{}\n{}", "ab".repeat(16), "ab".repeat(16))).is_none());
        assert!(SecretKey::parse(&format!("  {}  \r\n", "0a".repeat(16))).is_some());
    }

    #[test]
    fn keys_differ_by_domain_part_and_key() {
        let (a, b) = (SecretKey::from_bytes([1; 16]), SecretKey::from_bytes([2; 16]));
        let k = a.record_key(b'j', &[b"c1"]);
        assert_eq!(k, a.record_key(b'j', &[b"c1"]));
        assert_ne!(k, a.record_key(b't', &[b"c1"]));
        assert_ne!(k, b.record_key(b'j', &[b"c1"]));
        assert_ne!(a.record_key(b'j', &[b"ab", b"c"]), a.record_key(b'j', &[b"a", b"bc"]));
    }
}
