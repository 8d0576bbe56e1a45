//! Thai conventions the document follows: digits and Buddhist-era dates.

mod date;
mod digits;

pub use date::{BeDate, MONTHS};
pub use digits::{to_arabic_digits, to_thai_digits, Digits};
