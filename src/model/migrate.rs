//! Reading drafts of any schema version this program has ever written.
//!
//! History:
//! - 1: the first release: `{ "schema": 1, "agency_name": "<full name>", "fiscal_year": N }`.
//! - 2: the full report model (`Draft`).
//! - 3: own draft names (`title`), examples marked, typed-but-invalid values kept
//!   (`unparsed`), the facts own texts were checked against (`basis`), the watermark
//!   option. All new fields have defaults; the step only moves the version on. The
//!   storage layer moves a v2 draft's stored name into `title` (`storage::drafts`).
//! - 4: every column real measures tables use (`issue`, `approach`, `monitoring`,
//!   `result` beside the six of before), the option to number measures, the round
//!   "not specified", and which parts of the document are printed. New fields have
//!   defaults (empty, numbered, every part, as before); the step only moves the version on.
//! - 5: the indicators are the draft's own list (names, tools, sub-indicators the officer
//!   may correct when the NACC revises its framework), reviewers (ผู้ผ่านงาน), signing
//!   lines and labels. Earlier builds always printed the framework's ten indicators, so the
//!   step fills a shorter list up to ten; new fields have defaults.
//!
//! Each step takes the JSON of one version to the next, so a draft saved today opens after
//! any later change of the model: add a step here whenever `SCHEMA_VERSION` goes up.

use super::draft::{AgencyKind, Draft, SCHEMA_VERSION};
use serde_json::{json, Value};

/// Why a draft could not be read; `thai()` is what the officer sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON at all (or truncated).
    NotJson(String),
    /// JSON, but not a draft of this program.
    NotADraft,
    /// Written by a newer version of the program.
    TooNew(u64),
    /// A draft, but a field has the wrong type.
    BadField(String),
}

impl LoadError {
    pub fn thai(&self) -> String {
        match self {
            LoadError::NotJson(_) => "ไฟล์นี้เสียหรือไม่ใช่ไฟล์ร่างรายงาน (อ่านเป็น JSON ไม่ได้)".into(),
            LoadError::NotADraft => "ไฟล์นี้ไม่ใช่ไฟล์ร่างรายงานของโปร่งใส".into(),
            LoadError::TooNew(v) => format!("ร่างนี้บันทึกจากโปรแกรมรุ่นที่ใหม่กว่า (รุ่นข้อมูล {v}) กรุณาเปิดด้วยโปรแกรมรุ่นล่าสุด"),
            LoadError::BadField(detail) => format!("ข้อมูลในไฟล์ร่างไม่ถูกต้อง: {detail}"),
        }
    }
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.thai())
    }
}

impl std::error::Error for LoadError {}

/// Parses a draft of any known version and brings it to the current one.
pub fn load_draft(json: &str) -> Result<Draft, LoadError> {
    let value: Value = serde_json::from_str(json).map_err(|e| LoadError::NotJson(e.to_string()))?;
    draft_from_value(value)
}

pub fn draft_from_value(mut value: Value) -> Result<Draft, LoadError> {
    let version = value.get("schema").and_then(Value::as_u64).ok_or(LoadError::NotADraft)?;
    if !value.is_object() || version == 0 {
        return Err(LoadError::NotADraft);
    }
    if version > SCHEMA_VERSION as u64 {
        return Err(LoadError::TooNew(version));
    }
    let mut v = version;
    while v < SCHEMA_VERSION as u64 {
        value = match v {
            1 => v1_to_v2(value),
            2 => v2_to_v3(value),
            3 => v3_to_v4(value),
            4 => v4_to_v5(value),
            _ => return Err(LoadError::NotADraft),
        };
        v += 1;
    }
    let mut draft: Draft = serde_path_to_error::deserialize(&value).map_err(|e| bad_field(&value, e))?;
    // Texts agree with the facts they were saved with; only later edits can make them stale.
    draft.settle();
    Ok(draft)
}

/// v3 only adds fields with defaults.
fn v2_to_v3(mut v2: Value) -> Value {
    v2["schema"] = json!(3);
    v2
}

/// v4 only adds fields with defaults.
fn v3_to_v4(mut v3: Value) -> Value {
    v3["schema"] = json!(4);
    v3
}

/// v5: a list of indicators shorter than ten meant "the others not entered".
fn v4_to_v5(mut v4: Value) -> Value {
    v4["schema"] = json!(5);
    if let Some(list) = v4.pointer_mut("/ita/indicators").and_then(Value::as_array_mut) {
        while list.len() < 10 {
            list.push(json!({}));
        }
    }
    v4
}

/// Which field, which value, what was expected, in Thai (serde's own text escapes Thai
/// vowels and says it in English).
fn bad_field(value: &Value, e: serde_path_to_error::Error<serde_json::Error>) -> LoadError {
    let path = e.path().to_string();
    let dotted = path.replace('[', ".").replace(']', "");
    let pointer = format!("/{}", dotted.replace('.', "/"));
    let found = match value.pointer(&pointer) {
        Some(Value::String(s)) => format!("\"{}\"", s.chars().take(40).collect::<String>()),
        Some(Value::Null) => "ค่าว่าง (null)".to_string(),
        Some(v) => v.to_string().chars().take(40).collect(),
        None => "ไม่มี".to_string(),
    };
    let inner = e.inner().to_string();
    let expected = inner.split("expected ").nth(1).unwrap_or("");
    let expected = if ["f32", "f64", "number"].iter().any(|t| expected.contains(t)) {
        "ตัวเลข เช่น 92.84"
    } else if ["u8", "u16", "u32", "u64", "usize", "integer"].iter().any(|t| expected.contains(t)) {
        "ตัวเลขจำนวนเต็ม"
    } else if expected.contains("string") {
        "ข้อความ"
    } else if expected.contains("sequence") {
        "รายการ"
    } else if expected.contains("bool") {
        "ค่า true หรือ false"
    } else if expected.contains("variant") {
        "ค่าใดค่าหนึ่งที่โปรแกรมกำหนด"
    } else {
        "ข้อมูลรูปแบบอื่น"
    };
    LoadError::BadField(format!(
        "ช่อง \"{}\" ({dotted}) มีค่า {found} แต่ต้องเป็น{expected}",
        super::texts::stored_field_label(&dotted)
    ))
}

/// v1 kept the agency's full name in one string; v2 splits the type from the name.
fn v1_to_v2(v1: Value) -> Value {
    let full = v1.get("agency_name").and_then(Value::as_str).unwrap_or("").trim().to_string();
    let (kind, name) = split_agency_name(&full);
    let year = v1.get("fiscal_year").and_then(Value::as_u64).unwrap_or(2568);
    json!({
        "schema": 2,
        "agency": { "kind": kind, "name": name },
        "report": { "fiscal_year": year },
    })
}

/// Splits "องค์การบริหารส่วนตำบลเขาสมอคอน" into (Sao, "เขาสมอคอน").
pub fn split_agency_name(full: &str) -> (AgencyKind, String) {
    let full = full.trim();
    for kind in AgencyKind::ALL {
        let prefix = kind.prefix();
        if !prefix.is_empty() {
            if let Some(rest) = full.strip_prefix(prefix) {
                return (kind, rest.trim().to_string());
            }
        }
    }
    for (short, kind) in [
        ("อบต.", AgencyKind::Sao),
        ("อบจ.", AgencyKind::Pao),
        ("ทต.", AgencyKind::TambonMunicipality),
        ("ทม.", AgencyKind::TownMunicipality),
        ("ทน.", AgencyKind::CityMunicipality),
    ] {
        if let Some(rest) = full.strip_prefix(short) {
            return (kind, rest.trim().to_string());
        }
    }
    (AgencyKind::Other, full.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_a_version_1_draft() {
        let d = load_draft(r#"{"schema":1,"agency_name":"องค์การบริหารส่วนตำบลเขาสมอคอน","fiscal_year":2567}"#).unwrap();
        assert_eq!(d.schema, SCHEMA_VERSION);
        assert_eq!(d.agency.kind, AgencyKind::Sao);
        assert_eq!(d.agency.name, "เขาสมอคอน");
        assert_eq!(d.agency.full_name(), "องค์การบริหารส่วนตำบลเขาสมอคอน");
        assert_eq!(d.report.fiscal_year, 2567);
    }

    #[test]
    fn splits_municipal_names() {
        assert_eq!(split_agency_name("เทศบาลตำบลหนองไฮ"), (AgencyKind::TambonMunicipality, "หนองไฮ".into()));
        assert_eq!(split_agency_name("อบต.ห้วยน้ำคำ"), (AgencyKind::Sao, "ห้วยน้ำคำ".into()));
        assert_eq!(split_agency_name("กรมบัญชีกลาง"), (AgencyKind::Other, "กรมบัญชีกลาง".into()));
    }

    #[test]
    fn explains_bad_files_in_thai() {
        assert!(matches!(load_draft("{not json"), Err(LoadError::NotJson(_))));
        assert_eq!(load_draft(r#"{"hello":1}"#), Err(LoadError::NotADraft));
        assert_eq!(load_draft(r#"[1,2]"#), Err(LoadError::NotADraft));
        assert_eq!(load_draft(r#"{"schema":99}"#), Err(LoadError::TooNew(99)));
        let e = load_draft(r#"{"schema":2,"agency":{"name":5}}"#).unwrap_err();
        assert!(matches!(e, LoadError::BadField(_)));
        assert!(e.thai().contains("ไม่ถูกต้อง"));
    }

    #[test]
    fn a_wrongly_typed_field_is_named_with_its_value_in_thai() {
        let e = load_draft(r#"{"schema":2,"ita":{"indicators":[{"previous":"เก้าสิบ"}]}}"#).unwrap_err().thai();
        assert!(e.contains("คะแนนตัวชี้วัดที่ ๑") && e.contains("\"เก้าสิบ\"") && e.contains("ตัวเลข"), "{e}");
        assert!(!e.contains("\\u{") && !e.contains("invalid type") && !e.contains("expected"), "{e}");
    }

    #[test]
    fn version_2_drafts_open_as_the_current_version_with_nothing_stale() {
        let json = include_str!("../../tests/drafts/seed-002.json");
        let d = load_draft(json).unwrap();
        assert_eq!(d.schema, SCHEMA_VERSION);
        assert_eq!(d.basis, d.facts());
        assert!(d.stale().is_empty() && d.unparsed.is_empty() && d.title.is_none());
        assert!(d.options.watermark);
        // Version 4: the new columns are empty and measures numbered, as printed before.
        assert!(d.options.number_measures);
        let m = &d.measures[0].measures[0];
        assert!(m.issue.is_empty() && m.approach.is_empty() && m.monitoring.is_empty() && m.result.is_empty());
    }

    #[test]
    fn a_version_3_draft_moves_on_to_version_4_with_everything_kept() {
        let mut v3: serde_json::Value = serde_json::from_str(include_str!("../../tests/drafts/seed-004.json")).unwrap();
        v3["schema"] = json!(3);
        let before = v3["measures"].clone();
        let d = draft_from_value(v3).unwrap();
        assert_eq!(d.schema, SCHEMA_VERSION);
        let after = serde_json::to_value(&d.measures).unwrap();
        for (g, group) in before.as_array().unwrap().iter().enumerate() {
            for (m, measure) in group["measures"].as_array().unwrap().iter().enumerate() {
                for (key, value) in measure.as_object().unwrap() {
                    assert_eq!(&after[g]["measures"][m][key], value, "{key} of measure {m} in group {g}");
                }
            }
        }
    }

    #[test]
    fn a_version_4_draft_gets_ten_indicators_with_its_scores_kept() {
        let v4 = json!({"schema": 4, "ita": {"indicators": [{"previous": 91.5}, {"current": 70.0}]}});
        let d = draft_from_value(v4).unwrap();
        assert_eq!(d.ita.indicators.len(), 10);
        assert_eq!(d.ita.indicators[0].previous, Some(91.5));
        assert_eq!(d.ita.indicators[1].current, Some(70.0));
        assert_eq!(d.ita.indicator_name(9), "การป้องกันการทุจริต");
        // A version-5 draft keeps the list its officer made, however long.
        let v5 = json!({"schema": 5, "ita": {"indicators": [{"name": "ก"}, {"name": "ข"}]}});
        assert_eq!(draft_from_value(v5).unwrap().ita.indicators.len(), 2);
    }

    #[test]
    fn current_drafts_round_trip() {
        let mut d = Draft::default();
        d.agency.name = "ทดสอบ".into();
        d.settle();
        let back = load_draft(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }
}
