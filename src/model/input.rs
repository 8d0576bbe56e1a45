//! Reading what the officer types into number fields. A value that cannot be read is not
//! replaced by anything: the field keeps the text (`Draft::unparsed`) and validation
//! reports it.

use super::path::FieldPath;
use crate::thai::{to_arabic_digits, Digits};

/// Typed text that is not a value of the field's kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotAValue;

/// A value read from typed text, with a note when it was converted (a ค.ศ. year).
#[derive(Clone, Debug, PartialEq)]
pub struct Read<T> {
    pub value: T,
    pub note: Option<String>,
}

/// A number typed with Thai or Arabic digits; empty is `None`. "87,5" is refused (a comma
/// is a thousands separator in Thai usage, never a decimal point).
pub fn read_number(s: &str) -> Result<Option<f32>, NotAValue> {
    let t = to_arabic_digits(s.trim());
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f32>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(NotAValue),
    }
}

/// Buddhist-era years the app accepts.
pub const BE_YEARS: std::ops::RangeInclusive<u16> = 2400..=2700;

/// A year พ.ศ.; a year typed in ค.ศ. (1857–2157) is converted, with a note saying so.
pub fn read_be_year(s: &str) -> Result<Read<u16>, NotAValue> {
    let t = to_arabic_digits(s.trim());
    let t = t.trim_start_matches("พ.ศ.").trim();
    let n: u16 = t.parse().map_err(|_| NotAValue)?;
    if BE_YEARS.contains(&n) {
        Ok(Read { value: n, note: None })
    } else if (BE_YEARS.start() - 543..=BE_YEARS.end() - 543).contains(&n) {
        let be = n + 543;
        Ok(Read {
            value: be, note: Some(format!("แปลงปี ค.ศ. {n} เป็น พ.ศ. {} แล้ว", Digits::Thai.number(be)))
        })
    } else {
        Err(NotAValue)
    }
}

/// A year far from this year is most likely a slip of the finger (๒๖๖๙ for ๒๕๖๙): a note
/// asks the officer to look again, without refusing it.
pub fn far_year_note(year: u16, this_year: u16) -> Option<String> {
    (year.abs_diff(this_year) > 5).then(|| {
        format!(
            "ปี {} ห่างจากปีปัจจุบัน ({}) เกิน ๕ ปี กรุณาตรวจว่าพิมพ์ถูกต้อง",
            Digits::Thai.number(year),
            Digits::Thai.number(this_year)
        )
    })
}

/// The message for text that is not a valid value for the field at `path`.
pub fn unparsed_message(path: &FieldPath, raw: &str) -> String {
    let label = super::texts::stored_field_label(&path.to_string());
    let shown: String = raw.trim().chars().take(30).collect();
    if raw.trim().is_empty() {
        return format!("กรุณากรอก{label}");
    }
    if path.is_year() {
        format!("{label}: \"{shown}\" ไม่ใช่ปี พ.ศ. กรุณากรอกเป็นตัวเลข เช่น ๒๕๖๘")
    } else {
        format!("{label}: \"{shown}\" ไม่ใช่ตัวเลข กรุณากรอกเป็นตัวเลข ใช้จุดทศนิยม เช่น 88.45")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::path::{ItaField, ReportField};

    #[test]
    fn reads_numbers_in_either_digits_and_refuses_commas() {
        assert_eq!(read_number("๘๗.๕"), Ok(Some(87.5)));
        assert_eq!(read_number(" 92.84 "), Ok(Some(92.84)));
        assert_eq!(read_number(""), Ok(None));
        assert_eq!(read_number("88,45"), Err(NotAValue));
        assert_eq!(read_number("abc"), Err(NotAValue));
        assert_eq!(read_number("inf"), Err(NotAValue));
    }

    #[test]
    fn converts_common_era_years_with_a_note() {
        assert_eq!(read_be_year("2568"), Ok(Read { value: 2568, note: None }));
        assert_eq!(read_be_year("๒๕๖๙").unwrap().value, 2569);
        let ce = read_be_year("2025").unwrap();
        assert_eq!(ce.value, 2568);
        assert!(ce.note.unwrap().contains("ค.ศ. 2025"));
        assert_eq!(read_be_year("25"), Err(NotAValue));
        assert_eq!(read_be_year("abc"), Err(NotAValue));
        assert_eq!(read_be_year("-5"), Err(NotAValue));
    }

    #[test]
    fn a_year_far_from_now_gets_a_note() {
        assert!(far_year_note(2669, 2569).unwrap().contains("๒๖๖๙"));
        assert_eq!(far_year_note(2568, 2569), None);
        assert_eq!(far_year_note(2564, 2569), None);
    }

    #[test]
    fn messages_name_the_field_and_the_text() {
        let m = unparsed_message(&FieldPath::Ita(ItaField::Score), "88,45");
        assert!(m.contains("คะแนน ITA รวม") && m.contains("\"88,45\""), "{m}");
        assert!(unparsed_message(&FieldPath::Report(ReportField::FiscalYear), "abc").contains("ปี พ.ศ."));
        assert!(unparsed_message(&FieldPath::Ita(ItaField::Threshold), "").starts_with("กรุณากรอก"));
    }
}
