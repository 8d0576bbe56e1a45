//! Checks a draft and returns every problem at once, each with the field it belongs to
//! (which the editor turns into a link to its step) and a message in Thai.

use super::draft::{Draft, SignerRole};
use super::path::*;
use crate::thai::{BeDate, Digits};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub field: FieldPath,
    pub message: String,
}

impl Problem {
    fn new(field: FieldPath, message: impl Into<String>) -> Self {
        Problem { field, message: message.into() }
    }
}

fn check_score(out: &mut Vec<Problem>, field: FieldPath, label: &str, v: Option<f32>) {
    if let Some(v) = v {
        if !(0.0..=100.0).contains(&v) || v.is_nan() {
            let shown = Digits::Thai.number(v);
            out.push(Problem::new(field, format!("{label}ต้องอยู่ระหว่าง ๐ ถึง ๑๐๐ (กรอกไว้ {shown})")));
        }
    }
}

fn check_date(out: &mut Vec<Problem>, field: FieldPath, label: &str, d: Option<BeDate>) {
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
        out.push(Problem::new(FieldPath::Agency(AgencyField::Name), "กรุณากรอกชื่อหน่วยงาน"));
    }
    if a.province.trim().is_empty() {
        out.push(Problem::new(FieldPath::Agency(AgencyField::Province), "กรุณากรอกจังหวัด"));
    }
    if a.unit.trim().is_empty() {
        out.push(Problem::new(FieldPath::Agency(AgencyField::Unit), "กรุณากรอกส่วนราชการที่จัดทำรายงาน เช่น สำนักปลัด"));
    }

    let r = &draft.report;
    if !(2500..=2700).contains(&r.fiscal_year) {
        out.push(Problem::new(FieldPath::Report(ReportField::FiscalYear), "ปีงบประมาณต้องเป็นปีพุทธศักราช เช่น ๒๕๖๘"));
    }
    // Without a round no period is printed, so none is checked.
    if r.round.has_period() {
        check_date(&mut out, FieldPath::Report(ReportField::PeriodStart), "วันเริ่มต้นของรอบรายงาน", r.period_start);
        check_date(&mut out, FieldPath::Report(ReportField::PeriodEnd), "วันสิ้นสุดของรอบรายงาน", r.period_end);
    }
    let (start, end) = r.period();
    if r.round.has_period() && start.is_valid() && end.is_valid() && end < start {
        out.push(Problem::new(FieldPath::Report(ReportField::PeriodEnd), "วันสิ้นสุดต้องไม่ก่อนวันเริ่มต้นของรอบรายงาน"));
    }

    let ita = &draft.ita;
    check_score(&mut out, FieldPath::Ita(ItaField::Score), "คะแนน ITA ", ita.score);
    check_score(&mut out, FieldPath::Ita(ItaField::CurrentScore), "คะแนน ITA ปีปัจจุบัน ", ita.current_score);
    for (i, s) in ita.indicators.iter().enumerate() {
        let n = Digits::Thai.number(i + 1);
        if ita.indicator_name(i).is_empty() {
            out.push(Problem::new(FieldPath::IndicatorText(i, IndicatorField::Name), format!("กรุณากรอกชื่อตัวชี้วัดที่ {n}")));
        }
        check_score(&mut out, FieldPath::Indicator(i, ScoreYear::Previous), &format!("คะแนนตัวชี้วัดที่ {n} "), s.previous);
        check_score(
            &mut out,
            FieldPath::Indicator(i, ScoreYear::Current),
            &format!("คะแนนตัวชี้วัดที่ {n} (ปีปัจจุบัน) "),
            s.current,
        );
        for (j, x) in s.subs.iter().enumerate() {
            let n = Digits::Thai.apply(&format!("{}.{}", i + 1, j + 1));
            if x.name.trim().is_empty() {
                out.push(Problem::new(FieldPath::Sub(i, j, SubField::Name), format!("กรุณากรอกชื่อตัวชี้วัดย่อยที่ {n}")));
            }
            check_score(
                &mut out,
                FieldPath::Sub(i, j, SubField::Previous),
                &format!("คะแนนตัวชี้วัดย่อยที่ {n} "),
                x.previous,
            );
            check_score(
                &mut out,
                FieldPath::Sub(i, j, SubField::Current),
                &format!("คะแนนตัวชี้วัดย่อยที่ {n} (ปีปัจจุบัน) "),
                x.current,
            );
        }
    }
    if ita.score.is_none() && !draft.unparsed.contains_key(&FieldPath::Ita(ItaField::Score)) {
        out.push(Problem::new(FieldPath::Ita(ItaField::Score), "กรุณากรอกคะแนน ITA ของปีที่ประเมิน"));
    }
    if !(0.0..=100.0).contains(&ita.threshold) {
        out.push(Problem::new(FieldPath::Ita(ItaField::Threshold), "เกณฑ์คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐"));
    }

    if draft.measures.iter().all(|g| g.measures.is_empty()) {
        out.push(Problem::new(FieldPath::Measures, "กรุณาเพิ่มมาตรการอย่างน้อย ๑ มาตรการ"));
    }
    for g in &draft.measures {
        if let Some(ind) = g.indicator {
            let count = ita.indicators.len();
            if !(1..=count).contains(&(ind as usize)) {
                let message = format!("ตัวชี้วัดต้องเป็นเลข ๑ ถึง {}", Digits::Thai.number(count));
                out.push(Problem::new(FieldPath::Group(g.id.clone(), GroupField::Indicator), message));
            }
        } else if g.heading.trim().is_empty() {
            out.push(Problem::new(
                FieldPath::Group(g.id.clone(), GroupField::Heading),
                "กรุณาเลือกตัวชี้วัดหรือกรอกหัวข้อของกลุ่มมาตรการ",
            ));
        }
        for (mi, m) in g.measures.iter().enumerate() {
            let n = Digits::Thai.number(mi + 1);
            if m.name.trim().is_empty() {
                out.push(Problem::new(
                    FieldPath::Measure(m.id.clone(), MeasureField::Name),
                    format!("กรุณากรอกชื่อมาตรการที่ {n}"),
                ));
            }
            for (pi, p) in m.photos.iter().enumerate() {
                if p.image.trim().is_empty() {
                    out.push(Problem::new(FieldPath::Photo(m.id.clone(), pi), "ภาพประกอบนี้ไม่มีไฟล์ภาพ"));
                }
            }
        }
    }

    check_date(&mut out, FieldPath::Memo(MemoField::Date), "วันที่ของบันทึกข้อความ", draft.memo.date);
    if !draft.options.parts.any() {
        out.push(Problem::new(FieldPath::Parts, "กรุณาเลือกส่วนของเอกสารที่จะพิมพ์อย่างน้อย ๑ ส่วน"));
    }
    // Typed text that is not a value: the field keeps it, the officer is told.
    for (path, raw) in &draft.unparsed {
        out.retain(|p: &Problem| p.field != *path);
        out.push(Problem::new(path.clone(), super::input::unparsed_message(path, raw)));
    }
    for s in draft.stale() {
        for field in &s.fields {
            let message = format!(
                "{} ยังกล่าวถึง{}เดิม \"{}\" (ปัจจุบัน {})",
                draft.field_label(field),
                s.fact.thai(),
                s.old,
                s.new_shown()
            );
            out.push(Problem::new(field.form_field(), message));
        }
    }
    let rep = &draft.signers.reporter;
    if rep.name.trim().is_empty() {
        out.push(Problem::new(FieldPath::Signer(SignerRole::Reporter, SignerField::Name), "กรุณากรอกชื่อผู้รายงาน"));
    }
    if rep.position.trim().is_empty() {
        out.push(Problem::new(FieldPath::Signer(SignerRole::Reporter, SignerField::Position), "กรุณากรอกตำแหน่งผู้รายงาน"));
    }
    // In the report's order (stable: each section's problems as found).
    out.sort_by_key(|p| p.field.section());
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
        let fields: Vec<String> = problems.iter().map(|p| p.field.to_string()).collect();
        for f in [
            "agency.name",
            "agency.province",
            "report.period_end",
            "ita.score",
            "ita.indicators.2.previous",
            "measure..name",
            "signers.reporter.name",
        ] {
            assert!(fields.iter().any(|x| x == f), "{f} missing from {fields:?}");
        }
        let score = problems.iter().find(|p| p.field == FieldPath::Ita(ItaField::Score)).unwrap();
        assert!(score.message.contains("๐ ถึง ๑๐๐"), "{}", score.message);
        assert!(score.message.contains("๑๒๐"));
        // In the report's order.
        assert!(problems.windows(2).all(|w| w[0].field.section() <= w[1].field.section()));
    }

    #[test]
    fn typed_text_that_is_not_a_value_is_a_problem_of_its_field() {
        let mut d = crate::catalog::example::example_draft();
        let before = validate(&d).len();
        d.ita.score = None;
        d.unparsed.insert(FieldPath::Ita(ItaField::Score), "88,45".into());
        let problems = validate(&d);
        let p: Vec<&Problem> = problems.iter().filter(|p| p.field == FieldPath::Ita(ItaField::Score)).collect();
        assert_eq!(p.len(), 1, "{problems:?}");
        assert!(p[0].message.contains("88,45"));
        assert_eq!(p[0].field.section(), Section::Ita);
        // The officer's own summary still quotes the old score: that is stale now.
        let stale: Vec<&Problem> = problems.iter().filter(|p| p.message.contains("๙๒.๘๔")).collect();
        assert_eq!(stale.len(), 1, "{problems:?}");
        assert_eq!(stale[0].field, FieldPath::Text(TextField::AnalysisSummary));
        assert_eq!(problems.len(), before + 2);
    }

    #[test]
    fn stale_texts_are_problems_of_the_fields_that_hold_them() {
        let mut d = crate::catalog::example::example_draft();
        d.agency.name = "หนองแวง".into();
        let problems = validate(&d);
        assert!(problems.iter().any(|p| p.field == FieldPath::Memo(MemoField::Body)
            && p.message.contains("เขาสมอคอน")
            && p.field.section() == Section::Memo));
        d.update_stale();
        assert!(validate(&d).iter().all(|p| !p.message.contains("เขาสมอคอน")));
    }
}
