//! Checks a draft and returns every problem at once, each with the field it belongs to
//! (a dotted path the wizard turns into a link) and a message in Thai.

use super::draft::Draft;
use crate::thai::{BeDate, Digits};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Path of the field, e.g. `agency.name`, `ita.indicators.3.previous`,
    /// `measures.0.measures.2.name`.
    pub field: String,
    pub message: String,
}

impl Problem {
    fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { field: field.into(), message: message.into() }
    }

    /// The wizard step (1–7) where this field is edited.
    pub fn step(&self) -> u8 {
        let head = self.field.split('.').next().unwrap_or("");
        match head {
            "agency" => 1,
            "report" => 2,
            "ita" | "analysis" | "texts" => 3,
            "measures" if self.field.contains(".photos") => 5,
            "measures" | "recommendations" => 4,
            "memo" | "signers" => 6,
            "options" => 7,
            _ => 7,
        }
    }
}

fn check_score(out: &mut Vec<Problem>, field: String, label: &str, v: Option<f32>) {
    if let Some(v) = v {
        if !(0.0..=100.0).contains(&v) || v.is_nan() {
            let shown = Digits::Thai.number(v);
            out.push(Problem::new(field, format!("{label}ต้องอยู่ระหว่าง ๐ ถึง ๑๐๐ (กรอกไว้ {shown})")));
        }
    }
}

fn check_date(out: &mut Vec<Problem>, field: &str, label: &str, d: Option<BeDate>) {
    if let Some(d) = d {
        if !d.is_valid() {
            out.push(Problem::new(field, format!("{label}ไม่มีอยู่จริงในปฏิทิน")));
        } else if !(2400..=2700).contains(&d.year) {
            out.push(Problem::new(field, format!("{label}ต้องเป็นปีพุทธศักราช เช่น ๒๕๖๘")));
        }
    }
}

/// Every problem in `draft`, in the order of the wizard's steps.
pub fn validate(draft: &Draft) -> Vec<Problem> {
    let mut out = Vec::new();
    let a = &draft.agency;
    if a.name.trim().is_empty() {
        out.push(Problem::new("agency.name", "กรุณากรอกชื่อหน่วยงาน"));
    }
    if a.province.trim().is_empty() {
        out.push(Problem::new("agency.province", "กรุณากรอกจังหวัด"));
    }
    if a.unit.trim().is_empty() {
        out.push(Problem::new("agency.unit", "กรุณากรอกส่วนราชการที่จัดทำรายงาน เช่น สำนักปลัด"));
    }

    let r = &draft.report;
    if !(2500..=2700).contains(&r.fiscal_year) {
        out.push(Problem::new("report.fiscal_year", "ปีงบประมาณต้องเป็นปีพุทธศักราช เช่น ๒๕๖๘"));
    }
    check_date(&mut out, "report.period_start", "วันเริ่มต้นของรอบรายงาน", r.period_start);
    check_date(&mut out, "report.period_end", "วันสิ้นสุดของรอบรายงาน", r.period_end);
    let (start, end) = r.period();
    if start.is_valid() && end.is_valid() && end < start {
        out.push(Problem::new("report.period_end", "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้นของรอบรายงาน"));
    }

    let ita = &draft.ita;
    check_score(&mut out, "ita.score".into(), "คะแนน ITA ", ita.score);
    check_score(&mut out, "ita.current_score".into(), "คะแนน ITA ปีปัจจุบัน ", ita.current_score);
    for (i, s) in ita.indicators.iter().enumerate() {
        let n = Digits::Thai.number(i + 1);
        check_score(&mut out, format!("ita.indicators.{i}.previous"), &format!("คะแนนตัวชี้วัดที่ {n} "), s.previous);
        check_score(&mut out, format!("ita.indicators.{i}.current"), &format!("คะแนนตัวชี้วัดที่ {n} (ปีปัจจุบัน) "), s.current);
    }
    if ita.score.is_none() && !draft.unparsed.contains_key("ita.score") {
        out.push(Problem::new("ita.score", "กรุณากรอกคะแนน ITA ของปีที่ประเมิน"));
    }
    if !(0.0..=100.0).contains(&ita.threshold) {
        out.push(Problem::new("ita.threshold", "เกณฑ์คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐"));
    }

    if draft.measures.iter().all(|g| g.measures.is_empty()) {
        out.push(Problem::new("measures", "กรุณาเพิ่มมาตรการอย่างน้อย ๑ มาตรการ"));
    }
    for (gi, g) in draft.measures.iter().enumerate() {
        if let Some(ind) = g.indicator {
            if !(1..=10).contains(&ind) {
                out.push(Problem::new(format!("measures.{gi}.indicator"), "ตัวชี้วัดต้องเป็นเลข ๑ ถึง ๑๐"));
            }
        } else if g.heading.trim().is_empty() {
            out.push(Problem::new(format!("measures.{gi}.heading"), "กรุณาเลือกตัวชี้วัดหรือกรอกหัวข้อของกลุ่มมาตรการ"));
        }
        for (mi, m) in g.measures.iter().enumerate() {
            let n = Digits::Thai.number(mi + 1);
            if m.name.trim().is_empty() {
                out.push(Problem::new(format!("measures.{gi}.measures.{mi}.name"), format!("กรุณากรอกชื่อมาตรการที่ {n}")));
            }
            for (pi, p) in m.photos.iter().enumerate() {
                if p.image.trim().is_empty() {
                    out.push(Problem::new(format!("measures.{gi}.measures.{mi}.photos.{pi}"), "ภาพประกอบนี้ไม่มีไฟล์ภาพ"));
                }
            }
        }
    }

    check_date(&mut out, "memo.date", "วันที่ของบันทึกข้อความ", draft.memo.date);
    // Typed text that is not a value: the field keeps it, the officer is told.
    for (path, raw) in &draft.unparsed {
        out.retain(|p: &Problem| p.field != *path);
        out.push(Problem::new(path.clone(), super::input::unparsed_message(path, raw)));
    }
    for s in draft.stale() {
        for field in &s.fields {
            let message = format!(
                "{} ยังกล่าวถึง{}เดิม \"{}\" (ปัจจุบัน {})",
                super::texts::field_label(field),
                s.fact.thai(),
                s.old,
                s.new_shown()
            );
            out.push(Problem::new(super::texts::form_field(field), message));
        }
    }
    let rep = &draft.signers.reporter;
    if rep.name.trim().is_empty() {
        out.push(Problem::new("signers.reporter.name", "กรุณากรอกชื่อผู้รายงาน"));
    }
    if rep.position.trim().is_empty() {
        out.push(Problem::new("signers.reporter.position", "กรุณากรอกตำแหน่งผู้รายงาน"));
    }
    out.sort_by_key(|p| p.step());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::draft::{Measure, MeasureGroup};

    #[test]
    fn reports_every_problem_with_its_field() {
        let mut d = Draft::default();
        d.ita.score = Some(120.0);
        d.ita.indicators[2].previous = Some(-1.0);
        d.report.period_start = BeDate::new(2568, 9, 30);
        d.report.period_end = BeDate::new(2568, 1, 1);
        d.measures.push(MeasureGroup { indicator: Some(9), measures: vec![Measure::default()], ..Default::default() });
        let problems = validate(&d);
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        for f in [
            "agency.name",
            "agency.province",
            "report.period_end",
            "ita.score",
            "ita.indicators.2.previous",
            "measures.0.measures.0.name",
            "signers.reporter.name",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
        let score = problems.iter().find(|p| p.field == "ita.score").unwrap();
        assert!(score.message.contains("๐ ถึง ๑๐๐"), "{}", score.message);
        assert!(score.message.contains("๑๒๐"));
        // In step order.
        assert!(problems.windows(2).all(|w| w[0].step() <= w[1].step()));
    }

    #[test]
    fn typed_text_that_is_not_a_value_is_a_problem_of_its_field() {
        let mut d = crate::catalog::example::example_draft();
        let before = validate(&d).len();
        d.ita.score = None;
        d.unparsed.insert("ita.score".into(), "88,45".into());
        let problems = validate(&d);
        let p: Vec<&Problem> = problems.iter().filter(|p| p.field == "ita.score").collect();
        assert_eq!(p.len(), 1, "{problems:?}");
        assert!(p[0].message.contains("88,45"));
        assert_eq!(p[0].step(), 3);
        // The officer's own summary still quotes the old score: that is stale now.
        let stale: Vec<&Problem> = problems.iter().filter(|p| p.message.contains("๙๒.๘๔")).collect();
        assert_eq!(stale.len(), 1, "{problems:?}");
        assert_eq!(stale[0].field, "texts.analysis_summary");
        assert_eq!(problems.len(), before + 2);
    }

    #[test]
    fn stale_texts_are_problems_of_the_fields_that_hold_them() {
        let mut d = crate::catalog::example::example_draft();
        d.agency.name = "หนองแวง".into();
        let problems = validate(&d);
        assert!(problems.iter().any(|p| p.field == "memo.body" && p.message.contains("เขาสมอคอน") && p.step() == 6));
        d.update_stale();
        assert!(validate(&d).iter().all(|p| !p.message.contains("เขาสมอคอน")));
    }
}
