//! Thai conventions the document follows: digits and Buddhist-era dates; character classes.

pub mod chars;
mod date;
mod digits;

pub use date::{BeDate, MONTHS};
pub use digits::{to_arabic_digits, to_thai_digits, Digits};
