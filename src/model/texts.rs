//! The officer's own texts in a draft, visited in one place (stale-mention checks, undo of
//! a replacement), and a Thai label for any field path (messages name fields in Thai).

use super::draft::Draft;
use super::path::*;
use crate::thai::Digits;

impl Draft {
    /// Calls `f(path, text)` for every free text the officer typed or overrode (not the
    /// facts themselves: agency name, places, numbers). Proposed wording that was not
    /// overridden is generated, so never out of date, and is not visited.
    pub fn for_each_own_text(&mut self, f: &mut dyn FnMut(FieldPath, &mut String)) {
        use FieldPath as P;
        f(P::Agency(AgencyField::Unit), &mut self.agency.unit);
        let a = &mut self.analysis;
        f(P::Analysis(AnalysisField::Weaknesses), &mut a.weaknesses);
        f(P::Analysis(AnalysisField::Improvements), &mut a.improvements);
        f(P::Analysis(AnalysisField::Approach), &mut a.approach);
        if let Some(t) = self.texts.analysis_summary.as_mut() {
            f(P::Text(TextField::AnalysisSummary), t);
        }
        if let Some(t) = self.texts.preface.as_mut() {
            f(P::Text(TextField::Preface), t);
        }
        for g in self.measures.iter_mut() {
            f(P::Group(g.id.clone(), GroupField::Section), &mut g.section);
            f(P::Group(g.id.clone(), GroupField::Heading), &mut g.heading);
            for m in g.measures.iter_mut() {
                let id = m.id.clone();
                for &field in MeasureField::ALL {
                    if let Some(text) = super::access::measure_text_mut(m, field) {
                        f(P::Measure(id.clone(), field), text);
                    }
                }
                for (pi, photo) in m.photos.iter_mut().enumerate() {
                    f(P::Photo(id.clone(), pi), &mut photo.caption);
                }
            }
        }
        for (i, r) in self.recommendations.iter_mut().enumerate() {
            f(P::Recommendation(i), r);
        }
        let memo = &mut self.memo;
        if let Some(t) = memo.department.as_mut() {
            f(P::Memo(MemoField::Department), t);
        }
        if let Some(t) = memo.subject.as_mut() {
            f(P::Memo(MemoField::Subject), t);
        }
        if let Some(t) = memo.addressee.as_mut() {
            f(P::Memo(MemoField::Addressee), t);
        }
        for (i, t) in memo.body.iter_mut().flatten().enumerate() {
            f(P::MemoParagraph(i), t);
        }
        for role in self.signers.roles() {
            let Some(s) = self.signers.get_mut(role) else { continue };
            f(P::Signer(role, SignerField::Position), &mut s.position);
            f(P::Signer(role, SignerField::Acting), &mut s.acting);
            f(P::Signer(role, SignerField::Comment), &mut s.comment);
            if let Some(h) = s.heading.as_mut() {
                f(P::Signer(role, SignerField::Heading), h);
            }
        }
    }

    /// Own texts as (path, text), read-only.
    pub fn own_texts(&self) -> Vec<(FieldPath, String)> {
        let mut copy = self.clone();
        let mut out = Vec::new();
        copy.for_each_own_text(&mut |p, t| out.push((p, t.clone())));
        out
    }

    /// A Thai name for a field, for messages (measures and groups by their position now).
    pub fn field_label(&self, path: &FieldPath) -> String {
        stored_field_label(&self.position_path(path))
    }

    /// The path as positions in the stored draft (`measures.0.measures.2.name`).
    fn position_path(&self, path: &FieldPath) -> String {
        match path {
            FieldPath::Group(id, f) => match self.group_index(id) {
                Some(g) => format!("measures.{g}.{}", f.key()),
                None => path.to_string(),
            },
            FieldPath::Measure(id, f) => match self.measure_position(id) {
                Some((g, m)) => format!("measures.{g}.measures.{m}.{}", f.key()),
                None => path.to_string(),
            },
            FieldPath::Photo(id, i) => match self.measure_position(id) {
                Some((g, m)) => format!("measures.{g}.measures.{m}.photos.{i}"),
                None => path.to_string(),
            },
            other => other.to_string(),
        }
    }
}

/// A Thai name for the field at a position in a stored draft (`measures.0.measures.2.name`,
/// as serde reports it), for messages.
pub fn stored_field_label(path: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    let n = |s: &str| s.parse::<usize>().map(|i| Digits::Thai.number(i + 1)).unwrap_or_default();
    // A signer's field: the role (reviewers.1 is two parts) and the field after it.
    if let ["signers", role @ .., field] = parts.as_slice() {
        let who = super::draft::SignerRole::from_key(&role.join("."))
            .map(super::draft::SignerRole::thai)
            .unwrap_or_else(|| "ผู้ลงนาม".to_string());
        return match *field {
            "label" => format!("คำท้ายเส้นลงชื่อของ{who}"),
            "name" => format!("ชื่อ{who}"),
            "position" => format!("ตำแหน่ง{who}"),
            "acting" => format!("รักษาราชการแทน ({who})"),
            "comment" => format!("ความเห็นของ{who}"),
            "heading" => format!("หัวข้อความเห็นของ{who}"),
            "rank" => format!("ยศหรือคำนำหน้าของ{who}"),
            _ => who,
        };
    }
    let label = match parts.as_slice() {
        ["agency", "kind"] => "ประเภทหน่วยงาน".into(),
        ["agency", "name"] => "ชื่อหน่วยงาน".into(),
        ["agency", "district"] => "อำเภอ".into(),
        ["agency", "province"] => "จังหวัด".into(),
        ["agency", "unit"] => "ส่วนราชการที่จัดทำรายงาน".into(),
        ["agency", "phone"] => "โทรศัพท์".into(),
        ["agency", "doc_code"] => "รหัสหน่วยงานในเลขที่หนังสือ".into(),
        ["report", "fiscal_year"] => "ปีงบประมาณ".into(),
        ["report", "round"] => "รอบรายงาน".into(),
        ["report", "period_start"] => "วันเริ่มต้นของรอบรายงาน".into(),
        ["report", "period_end"] => "วันสิ้นสุดของรอบรายงาน".into(),
        ["report", "oit_item"] => "ข้อ OIT ที่เอกสารตอบ".into(),
        ["ita", "assessed_year"] => "ปีที่ประเมิน ITA".into(),
        ["ita", "score"] => "คะแนน ITA รวม".into(),
        ["ita", "current_score"] => "คะแนน ITA รวมปีถัดไป".into(),
        ["ita", "level"] => "ระดับผลการประเมิน".into(),
        ["ita", "threshold"] => "เกณฑ์คะแนนที่ถือว่าผ่าน".into(),
        ["ita", "indicators", i, "previous"] => format!("คะแนนตัวชี้วัดที่ {} (ปีที่ประเมิน)", n(i)),
        ["ita", "indicators", i, "current"] => format!("คะแนนตัวชี้วัดที่ {} (ปีถัดไป)", n(i)),
        ["ita", "indicators", i, "name"] => format!("ชื่อตัวชี้วัดที่ {}", n(i)),
        ["ita", "indicators", i, "tool"] => format!("เครื่องมือของตัวชี้วัดที่ {}", n(i)),
        ["ita", "indicators", i, "subs", j, rest @ ..] => {
            let what = match rest.first().copied() {
                Some("name") => "ชื่อ",
                Some("previous") => "คะแนน (ปีที่ประเมิน) ของ",
                Some("current") => "คะแนน (ปีถัดไป) ของ",
                _ => "",
            };
            format!("{what}ตัวชี้วัดย่อยที่ {}.{}", Digits::Thai.number(i.parse::<usize>().unwrap_or(0) + 1), n(j))
        }
        ["ita", "indicators", i, ..] => format!("ตัวชี้วัดที่ {}", n(i)),
        ["analysis", "weaknesses"] => "ข้อบกพร่องหรือจุดอ่อน".into(),
        ["analysis", "improvements"] => "ประเด็นที่ต้องพัฒนา".into(),
        ["analysis", "approach"] => "แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ".into(),
        ["texts", "analysis_summary"] => "สรุปผลการวิเคราะห์".into(),
        ["texts", "preface"] => "คำนำ".into(),
        ["measures"] => "มาตรการ".into(),
        ["measures", g, "heading"] => format!("หัวข้อกลุ่มมาตรการที่ {}", n(g)),
        ["measures", g, "section"] => format!("ส่วนของกลุ่มมาตรการที่ {}", n(g)),
        ["measures", g, "indicator"] => format!("ตัวชี้วัดของกลุ่มที่ {}", n(g)),
        ["measures", g, "measures", m, field, rest @ ..] => {
            let what = match *field {
                "name" => "ชื่อ".to_string(),
                "issue" => "ประเด็นที่ต้องปรับปรุง".into(),
                "approach" => "แนวทางการปฏิบัติ".into(),
                "monitoring" => "การกำกับติดตาม".into(),
                "result" => "ผลการดำเนินการ".into(),
                "steps" => "ขั้นตอน".into(),
                "responsible" => "ผู้รับผิดชอบ".into(),
                "period" => "ระยะเวลา".into(),
                "output" => "ผลการดำเนินการ".into(),
                "outcome" => "ผลลัพธ์".into(),
                "note" => "หมายเหตุ".into(),
                "photos" => format!("คำบรรยายภาพที่ {}", rest.first().map(|p| n(p)).unwrap_or_default()),
                other => other.to_string(),
            };
            format!("{what}ของมาตรการที่ {} กลุ่มที่ {}", n(m), n(g))
        }
        ["measures", g, ..] => format!("กลุ่มมาตรการที่ {}", n(g)),
        ["recommendations", ..] => "ข้อเสนอแนะ".into(),
        ["memo", "number"] => "เลขที่หนังสือ".into(),
        ["memo", "department"] => "ส่วนราชการ (บันทึกข้อความ)".into(),
        ["memo", "date"] => "วันที่ของบันทึกข้อความ".into(),
        ["memo", "subject"] => "เรื่อง (บันทึกข้อความ)".into(),
        ["memo", "addressee"] => "เรียน (บันทึกข้อความ)".into(),
        ["memo", "body", ..] => "ข้อความในบันทึกข้อความ".into(),
        ["options", ..] => "ตัวเลือกเอกสาร".into(),
        _ => return path.to_string(),
    };
    label
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_name_fields_in_thai() {
        assert_eq!(stored_field_label("ita.indicators.0.previous"), "คะแนนตัวชี้วัดที่ ๑ (ปีที่ประเมิน)");
        assert_eq!(stored_field_label("measures.1.measures.2.responsible"), "ผู้รับผิดชอบของมาตรการที่ ๓ กลุ่มที่ ๒");
        assert_eq!(stored_field_label("signers.clerk.position"), "ตำแหน่งปลัด");
        assert_eq!(stored_field_label("signers.reviewers.1.name"), "ชื่อผู้ผ่านงานคนที่ ๒");
        assert_eq!(stored_field_label("signers.reviewers.0.acting"), "รักษาราชการแทน (ผู้ผ่านงานคนที่ ๑)");
        assert_eq!(stored_field_label("ita.indicators.9.subs.0.previous"), "คะแนน (ปีที่ประเมิน) ของตัวชี้วัดย่อยที่ ๑๐.๑");
        assert_eq!(stored_field_label("memo.body.2"), "ข้อความในบันทึกข้อความ");
        assert_eq!(stored_field_label("something.else"), "something.else");
        assert_eq!(FieldPath::MemoParagraph(2).form_field(), FieldPath::Memo(MemoField::Body));
        // Measures are named by where they are now.
        let d = crate::catalog::example::example_draft();
        let id = d.measures[0].measures[2].id.clone();
        assert_eq!(d.field_label(&FieldPath::Measure(id, MeasureField::Responsible)), "ผู้รับผิดชอบของมาตรการที่ ๓ กลุ่มที่ ๑");
    }

    #[test]
    fn visits_overridden_texts_only() {
        let mut d = Draft::default();
        d.memo.subject = Some("เรื่อง".into());
        d.memo.body = Some(vec!["ก".into(), "ข".into()]);
        let paths: Vec<String> = d.own_texts().into_iter().map(|(p, _)| p.to_string()).collect();
        assert!(paths.contains(&"memo.subject".to_string()));
        assert!(paths.contains(&"memo.body.1".to_string()));
        assert!(!paths.contains(&"memo.addressee".to_string()));
        assert!(!paths.iter().any(|p| p.starts_with("signers.second")));
    }
}
