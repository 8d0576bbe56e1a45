//! Buddhist-era (พ.ศ.) dates written the way memos write them: ๑๓ ตุลาคม ๒๕๖๘.

use super::Digits;
use serde::{Deserialize, Serialize};

/// Full Thai month names, January first.
pub const MONTHS: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

/// A calendar date with a Buddhist-era year (CE + 543).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct BeDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl BeDate {
    /// A date, if it exists in the calendar.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let d = BeDate { year, month, day };
        d.is_valid().then_some(d)
    }

    pub fn is_valid(&self) -> bool {
        (1..=12).contains(&self.month) && self.day >= 1 && self.day <= self.days_in_month()
    }

    pub fn ce_year(&self) -> i32 {
        self.year as i32 - 543
    }

    pub fn days_in_month(&self) -> u8 {
        days_in_month(self.ce_year(), self.month)
    }

    pub fn month_name(&self) -> &'static str {
        MONTHS[(self.month.clamp(1, 12) - 1) as usize]
    }

    /// ๑๓ ตุลาคม ๒๕๖๘
    pub fn long(&self, digits: Digits) -> String {
        digits.apply(&format!("{} {} {}", self.day, self.month_name(), self.year))
    }

    /// ตุลาคม ๒๕๖๘
    pub fn month_year(&self, digits: Digits) -> String {
        digits.apply(&format!("{} {}", self.month_name(), self.year))
    }

    /// Parses ISO `YYYY-MM-DD` in the Buddhist era (the form drafts store).
    pub fn parse_iso(s: &str) -> Option<Self> {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Self::new(y, m, d)
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(ce_year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (ce_year % 4 == 0 && ce_year % 100 != 0) || ce_year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_memo_dates() {
        let d = BeDate::new(2568, 10, 13).unwrap();
        assert_eq!(d.long(Digits::Thai), "๑๓ ตุลาคม ๒๕๖๘");
        assert_eq!(d.long(Digits::Arabic), "13 ตุลาคม 2568");
        assert_eq!(d.month_year(Digits::Thai), "ตุลาคม ๒๕๖๘");
    }

    #[test]
    fn knows_the_calendar() {
        // 2567 BE = 2024 CE, a leap year; 2568 BE = 2025 CE is not.
        assert!(BeDate::new(2567, 2, 29).is_some());
        assert!(BeDate::new(2568, 2, 29).is_none());
        assert!(BeDate::new(2568, 13, 1).is_none());
        assert_eq!(BeDate::parse_iso("2568-09-30"), BeDate::new(2568, 9, 30));
        assert_eq!(BeDate::parse_iso("2568-9-31"), None);
        assert_eq!(BeDate::new(2568, 9, 30).unwrap().iso(), "2568-09-30");
    }
}
