//! A small deterministic random generator (64-bit LCG, no dependency) for the
//! property tests and the synthetic cohorts: the same seed gives the same
//! cohorts everywhere, so a failure or a benchmark replays exactly.
pub struct Seeded(pub u64);

impl Seeded {
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    /// A number in `0..bound`.
    pub fn below(&mut self, bound: u64) -> u64 {
        self.next_u64() % bound.max(1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A skewed pick in `0..count`: low numbers far more often (popular domains).
    pub fn skewed(&mut self, count: u64) -> u64 {
        let a = self.below(count);
        let b = self.below(count);
        a.min(b)
    }
}
