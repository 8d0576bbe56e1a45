//! Time and fresh ids, from the browser.

use crate::thai::BeDate;

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// Today's date in the Buddhist era (the browser's local time).
pub fn today() -> BeDate {
    let d = js_sys::Date::new_0();
    BeDate { year: d.get_full_year() as u16 + 543, month: d.get_month() as u8 + 1, day: d.get_date() as u8 }
}

/// A fresh id for a draft, a group, a measure or an image: prefix-time-random.
pub fn new_id(prefix: &str) -> String {
    let r = (js_sys::Math::random() * 1e9) as u64;
    format!("{prefix}-{:x}-{r:x}", now_ms() as u64)
}

/// When an id made by `new_id` was made (ms since the epoch).
pub fn id_time(id: &str) -> Option<f64> {
    let mut parts = id.split('-');
    parts.next()?;
    u64::from_str_radix(parts.next()?, 16).ok().map(|t| t as f64)
}
