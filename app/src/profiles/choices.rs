//! The fixed lists matching reads: languages and levels, modality, the weekly
//! half-day grid. Stored as short codes; labels come from the translation files.
use serde::{Deserialize, Serialize};

/// Languages a person can be mentored or mentor in. French and English first
/// (the program's languages), then the languages most spoken in Montréal.
pub const LANGUAGES: [&str; 8] = ["fr", "en", "es", "ar", "ht", "zh", "pt", "vi"];

pub fn is_known_language(code: &str) -> bool {
    LANGUAGES.contains(&code)
}

crate::stored_enum! {
    /// How well someone speaks a language.
    #[derive(PartialOrd, Ord, Hash)]
    pub enum LanguageLevel {
        Basic,
        Working,
        Fluent,
    }
}

impl LanguageLevel {
    pub const ALL: [LanguageLevel; 3] = [
        LanguageLevel::Basic,
        LanguageLevel::Working,
        LanguageLevel::Fluent,
    ];
}

/// One language and the level it is spoken at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpokenLanguage {
    pub code: String,
    pub level: LanguageLevel,
}

crate::stored_enum! {
    /// Where meetings can happen.
    #[derive(Hash)]
    pub enum Modality {
        InPerson,
        Video,
        Either,
    }
}

impl Modality {
    pub const ALL: [Modality; 3] = [Modality::InPerson, Modality::Video, Modality::Either];
}

/// Days of the week, Monday first (as in Québec calendars).
pub const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
/// Parts of a day someone can be free.
pub const SLOTS: [&str; 3] = ["morning", "afternoon", "evening"];

/// The half-days of a typical week someone is free, as a bit set: bit
/// `day * 3 + slot`. A form sends each ticked cell as `"<day>-<slot>"`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WeeklyAvailability(pub u32);

impl WeeklyAvailability {
    pub const CELLS: usize = DAYS.len() * SLOTS.len();
    pub const ALL_BITS: u32 = (1 << Self::CELLS) - 1;

    pub fn from_bits(bits: i64) -> WeeklyAvailability {
        WeeklyAvailability(u32::try_from(bits).unwrap_or(0) & Self::ALL_BITS)
    }

    pub fn bits(self) -> i64 {
        i64::from(self.0)
    }

    pub fn cell_name(day: usize, slot: usize) -> String {
        format!("{}-{}", DAYS[day % DAYS.len()], SLOTS[slot % SLOTS.len()])
    }

    pub fn contains(self, day: usize, slot: usize) -> bool {
        day < DAYS.len() && slot < SLOTS.len() && self.0 & (1 << (day * SLOTS.len() + slot)) != 0
    }

    /// Reads the ticked cells; `None` when one of them is not a cell of the grid.
    pub fn parse_cells<S: AsRef<str>>(cells: &[S]) -> Option<WeeklyAvailability> {
        let mut bits = 0_u32;
        for cell in cells {
            let (day, slot) = cell.as_ref().split_once('-')?;
            let day = DAYS.iter().position(|known| *known == day)?;
            let slot = SLOTS.iter().position(|known| *known == slot)?;
            bits |= 1 << (day * SLOTS.len() + slot);
        }
        Some(WeeklyAvailability(bits))
    }

    /// The ticked cells, in the form's names.
    pub fn cells(self) -> Vec<String> {
        (0..DAYS.len())
            .flat_map(|day| (0..SLOTS.len()).map(move |slot| (day, slot)))
            .filter(|(day, slot)| self.contains(*day, *slot))
            .map(|(day, slot)| Self::cell_name(day, slot))
            .collect()
    }

    pub fn half_days(self) -> u32 {
        self.0.count_ones()
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn availability_cells_round_trip() {
        let availability =
            WeeklyAvailability::parse_cells(&["mon-morning", "fri-evening", "sun-evening"]);
        let availability = availability.unwrap_or_default();
        assert_eq!(availability.half_days(), 3);
        assert!(availability.contains(0, 0));
        assert!(availability.contains(4, 2));
        assert!(availability.contains(6, 2));
        assert!(!availability.contains(1, 0));
        assert_eq!(
            availability.cells(),
            vec!["mon-morning", "fri-evening", "sun-evening"]
        );
        assert_eq!(
            WeeklyAvailability::from_bits(availability.bits()),
            availability
        );
    }

    #[test]
    fn unknown_cells_are_refused() {
        assert_eq!(WeeklyAvailability::parse_cells(&["mon-night"]), None);
        assert_eq!(WeeklyAvailability::parse_cells(&["monday"]), None);
        assert_eq!(
            WeeklyAvailability::parse_cells::<&str>(&[]),
            Some(WeeklyAvailability(0))
        );
    }

    #[test]
    fn stored_bits_outside_the_grid_are_ignored() {
        assert_eq!(WeeklyAvailability::from_bits(-1), WeeklyAvailability(0));
        assert_eq!(
            WeeklyAvailability::from_bits(i64::from(u32::MAX)).half_days(),
            21
        );
    }

    #[test]
    fn codes_parse_back() {
        for level in LanguageLevel::ALL {
            assert_eq!(LanguageLevel::parse(level.as_str()), Some(level));
        }
        for modality in Modality::ALL {
            assert_eq!(Modality::parse(modality.as_str()), Some(modality));
        }
        assert_eq!(Modality::parse("teleport"), None);
        assert!(is_known_language("fr") && !is_known_language("xx"));
    }
}
