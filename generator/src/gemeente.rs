//! Each child's gemeente. Invented: the source publishes nothing below the landsdeel. A child gets
//! one of its landsdeel's gemeenten (of the CBS indeling 2025, the dashboard's reference table),
//! each equally likely (no population weights: the table has none), the same in every period it
//! is in that landsdeel. It is drawn from the child's id alone, so no other draw of the data moves.

use lta_core::Regio;

use crate::codes::Landsdeel;
use crate::prng::SplitMix64;
use crate::pseudonym::ClientId;

/// The gemeenten of every landsdeel, looked up once.
pub struct Gemeenten {
    by_landsdeel: Vec<Vec<Regio>>,
    seed: u64,
}

impl Gemeenten {
    pub fn new(seed: u64) -> Self {
        let by_landsdeel = Landsdeel::ALL
            .iter()
            .map(|&l| Regio::jeugdregios_of(l).into_iter().flat_map(Regio::gemeenten).collect())
            .collect();
        Gemeenten { by_landsdeel, seed: seed ^ 0x4745_4D45_454E_5445 }
    }

    /// The gemeente of a child in a landsdeel.
    pub fn of(&self, client: ClientId, l: Landsdeel) -> Regio {
        let list = &self.by_landsdeel[Landsdeel::ALL.iter().position(|&x| x == l).unwrap_or(0)];
        let draw = SplitMix64::new(self.seed ^ ((client.0 as u64) << 8) ^ l as u64).next_u64();
        list[(draw % list.len() as u64) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_child_gets_a_gemeente_of_its_landsdeel_and_every_gemeente_is_used() {
        let g = Gemeenten::new(2023);
        let mut used = std::collections::HashSet::new();
        for id in 0..20_000u32 {
            for l in Landsdeel::ALL {
                let r = g.of(ClientId(id), l);
                assert_eq!(r.landsdeel(), l);
                assert_eq!(r, g.of(ClientId(id), l));
                used.insert(r);
            }
        }
        assert_eq!(used.len(), 342);
    }
}
