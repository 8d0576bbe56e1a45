//! A draft's field values read and written by path: the one place that knows where each
//! field lives, so the editor binds a field by its path alone (no getter and setter per
//! field) and tests can visit every field.
//!
//! Each kind of value has its pair: `text` (a line or text area), `number`, `date` and
//! `own_text` (proposed wording: `None` is "use the proposal"). A path of another kind,
//! or of a measure that is gone, reads `None` and writes nothing.

use super::draft::{AgencyKind, Draft, Measure, MeasureGroup, Signer};
use super::path::*;
use crate::thai::BeDate;

impl Measure {
    /// One of the measure's texts (every measure field is text).
    pub fn text(&self, field: MeasureField) -> &str {
        measure_text(self, field).map_or("", String::as_str)
    }

    /// What a reader of the table expects and this measure still lacks: its name, who is
    /// responsible, when, and a result (any of ผลการดำเนินการ, ผลผลิต, ผลลัพธ์, named by
    /// `Output`). The overview of a long step ๔ lists it.
    pub fn missing(&self) -> Vec<MeasureField> {
        use MeasureField as F;
        let empty = |f: F| self.text(f).trim().is_empty();
        let mut out: Vec<F> = [F::Name, F::Responsible, F::Period].into_iter().filter(|&f| empty(f)).collect();
        if [F::Output, F::Outcome, F::Result].into_iter().all(empty) {
            out.push(F::Output);
        }
        out
    }
}

impl Draft {
    fn group_by_id(&self, id: &str) -> Option<&MeasureGroup> {
        self.measures.iter().find(|g| g.id == id)
    }

    fn group_by_id_mut(&mut self, id: &str) -> Option<&mut MeasureGroup> {
        self.measures.iter_mut().find(|g| g.id == id)
    }

    /// The text of a text field (the agency kind and a group's indicator as their keys,
    /// recommendations one a line).
    pub fn text(&self, path: &FieldPath) -> Option<String> {
        use FieldPath as P;
        Some(match path {
            P::Agency(AgencyField::Kind) => self.agency.kind.key().to_string(),
            P::Agency(f) => agency_text(&self.agency, *f)?.clone(),
            P::Ita(ItaField::Level) => self.ita.level.clone(),
            P::Report(ReportField::OitItem) => self.report.oit_item.clone(),
            P::IndicatorText(i, IndicatorField::Name) => self.ita.indicators.get(*i)?.name.clone(),
            P::IndicatorText(i, IndicatorField::Tool) => self.ita.indicators.get(*i)?.tool.clone(),
            P::Sub(i, j, SubField::Name) => self.ita.indicators.get(*i)?.subs.get(*j)?.name.clone(),
            P::Analysis(f) => analysis_text(&self.analysis, *f)?.clone(),
            P::Group(id, GroupField::Heading) => self.group_by_id(id)?.heading.clone(),
            P::Group(id, GroupField::Section) => self.group_by_id(id)?.section.clone(),
            P::Group(id, GroupField::Indicator) => {
                self.group_by_id(id)?.indicator.map(|i| i.to_string()).unwrap_or_default()
            }
            P::Measure(id, f) => measure_text(self.measure(id)?, *f)?.clone(),
            P::Photo(id, i) => self.measure(id)?.photos.get(*i)?.caption.clone(),
            P::Recommendations => self.recommendations.join("\n"),
            P::Recommendation(i) => self.recommendations.get(*i)?.clone(),
            P::Memo(MemoField::Number) => self.memo.number.clone(),
            P::MemoParagraph(i) => self.memo.body.as_ref()?.get(*i)?.clone(),
            P::Signer(role, f) => signer_text(self.signers.get(*role)?, *f)?.clone(),
            _ => return None,
        })
    }

    /// Sets a text field; false when `path` is not one (or its measure is gone).
    pub fn set_text(&mut self, path: &FieldPath, value: String) -> bool {
        use FieldPath as P;
        let slot: &mut String = match path {
            P::Agency(AgencyField::Kind) => {
                return AgencyKind::from_key(&value).map(|k| self.agency.kind = k).is_some();
            }
            P::Group(id, GroupField::Indicator) => {
                let Some(g) = self.group_by_id_mut(id) else { return false };
                g.indicator = value.trim().parse().ok();
                return true;
            }
            P::Recommendations => {
                self.recommendations = value.lines().map(String::from).collect();
                return true;
            }
            P::Agency(f) => match agency_text_mut(&mut self.agency, *f) {
                Some(s) => s,
                None => return false,
            },
            P::Ita(ItaField::Level) => &mut self.ita.level,
            P::Report(ReportField::OitItem) => &mut self.report.oit_item,
            P::IndicatorText(i, f) => match self.ita.indicators.get_mut(*i) {
                Some(s) if *f == IndicatorField::Name => &mut s.name,
                Some(s) => &mut s.tool,
                None => return false,
            },
            P::Sub(i, j, SubField::Name) => match self.ita.indicators.get_mut(*i).and_then(|s| s.subs.get_mut(*j)) {
                Some(x) => &mut x.name,
                None => return false,
            },
            P::Analysis(f) => match analysis_text_mut(&mut self.analysis, *f) {
                Some(s) => s,
                None => return false,
            },
            P::Group(id, GroupField::Heading) => match self.group_by_id_mut(id) {
                Some(g) => &mut g.heading,
                None => return false,
            },
            P::Group(id, GroupField::Section) => match self.group_by_id_mut(id) {
                Some(g) => &mut g.section,
                None => return false,
            },
            P::Measure(id, f) => match self.measure_mut(id).and_then(|m| measure_text_mut(m, *f)) {
                Some(s) => s,
                None => return false,
            },
            P::Photo(id, i) => match self.measure_mut(id).and_then(|m| m.photos.get_mut(*i)) {
                Some(p) => &mut p.caption,
                None => return false,
            },
            P::Recommendation(i) => match self.recommendations.get_mut(*i) {
                Some(r) => r,
                None => return false,
            },
            P::Memo(MemoField::Number) => &mut self.memo.number,
            P::MemoParagraph(i) => match self.memo.body.as_mut().and_then(|b| b.get_mut(*i)) {
                Some(p) => p,
                None => return false,
            },
            // Typing a name for the second signer adds them.
            P::Signer(role, f) => match self.signers.get_mut(*role).and_then(|s| signer_text_mut(s, *f)) {
                Some(s) => s,
                None => return false,
            },
            _ => return false,
        };
        *slot = value;
        true
    }

    /// The value of a number field (`Some(None)`: empty).
    pub fn number(&self, path: &FieldPath) -> Option<Option<f32>> {
        use FieldPath as P;
        Some(match path {
            P::Report(ReportField::FiscalYear) => Some(self.report.fiscal_year as f32),
            P::Ita(ItaField::AssessedYear) => Some(self.ita.assessed_year as f32),
            P::Ita(ItaField::Score) => self.ita.score,
            P::Ita(ItaField::CurrentScore) => self.ita.current_score,
            P::Ita(ItaField::Threshold) => Some(self.ita.threshold),
            P::Indicator(i, y) => {
                let s = self.ita.indicators.get(*i)?;
                match y {
                    ScoreYear::Previous => s.previous,
                    ScoreYear::Current => s.current,
                }
            }
            P::Sub(i, j, f) => {
                let x = self.ita.indicators.get(*i)?.subs.get(*j)?;
                match f {
                    SubField::Previous => x.previous,
                    SubField::Current => x.current,
                    SubField::Name => return None,
                }
            }
            _ => return None,
        })
    }

    /// Sets a number field. A field that cannot be empty (a year, the pass mark) keeps its
    /// value when given `None`; setting the fiscal year moves the period and the assessed
    /// year with it.
    pub fn set_number(&mut self, path: &FieldPath, value: Option<f32>) -> bool {
        use FieldPath as P;
        match (path, value) {
            (P::Report(ReportField::FiscalYear), Some(y)) => self.set_fiscal_year(y as u16),
            (P::Ita(ItaField::AssessedYear), Some(y)) => self.ita.assessed_year = y as u16,
            (P::Ita(ItaField::Threshold), Some(t)) => self.ita.threshold = t,
            (P::Report(ReportField::FiscalYear) | P::Ita(ItaField::AssessedYear | ItaField::Threshold), None) => {}
            (P::Ita(ItaField::Score), v) => self.ita.score = v,
            (P::Ita(ItaField::CurrentScore), v) => self.ita.current_score = v,
            (P::Indicator(i, y), v) => {
                let Some(s) = self.ita.indicators.get_mut(*i) else { return false };
                match y {
                    ScoreYear::Previous => s.previous = v,
                    ScoreYear::Current => s.current = v,
                }
            }
            (P::Sub(i, j, f @ (SubField::Previous | SubField::Current)), v) => {
                let Some(x) = self.ita.indicators.get_mut(*i).and_then(|s| s.subs.get_mut(*j)) else { return false };
                *(if *f == SubField::Previous { &mut x.previous } else { &mut x.current }) = v;
            }
            _ => return false,
        }
        true
    }

    /// A date field's value; the period's ends read as the round gives them when not set.
    pub fn date(&self, path: &FieldPath) -> Option<Option<BeDate>> {
        match path {
            FieldPath::Report(ReportField::PeriodStart) => Some(Some(self.report.period().0)),
            FieldPath::Report(ReportField::PeriodEnd) => Some(Some(self.report.period().1)),
            FieldPath::Memo(MemoField::Date) => Some(self.memo.date),
            _ => None,
        }
    }

    pub fn set_date(&mut self, path: &FieldPath, value: Option<BeDate>) -> bool {
        let slot = match path {
            FieldPath::Report(ReportField::PeriodStart) => &mut self.report.period_start,
            FieldPath::Report(ReportField::PeriodEnd) => &mut self.report.period_end,
            FieldPath::Memo(MemoField::Date) => &mut self.memo.date,
            _ => return false,
        };
        *slot = value;
        true
    }

    /// The officer's own text for proposed wording (`Some(None)`: the proposal is used).
    /// The memo body reads as paragraphs separated by a blank line.
    pub fn own_text(&self, path: &FieldPath) -> Option<Option<String>> {
        Some(match path {
            FieldPath::Text(TextField::AnalysisSummary) => self.texts.analysis_summary.clone(),
            FieldPath::Text(TextField::Preface) => self.texts.preface.clone(),
            FieldPath::Signer(role, SignerField::Heading) => self.signers.get(*role)?.heading.clone(),
            FieldPath::Signer(role, SignerField::Label) => self.signers.get(*role)?.label.clone(),
            FieldPath::Memo(MemoField::Department) => self.memo.department.clone(),
            FieldPath::Memo(MemoField::Subject) => self.memo.subject.clone(),
            FieldPath::Memo(MemoField::Addressee) => self.memo.addressee.clone(),
            FieldPath::Memo(MemoField::Body) => self.memo.body.as_ref().map(|b| b.join("\n\n")),
            _ => return None,
        })
    }

    pub fn set_own_text(&mut self, path: &FieldPath, value: Option<String>) -> bool {
        match path {
            FieldPath::Text(TextField::AnalysisSummary) => self.texts.analysis_summary = value,
            FieldPath::Text(TextField::Preface) => self.texts.preface = value,
            FieldPath::Signer(role, f @ (SignerField::Heading | SignerField::Label)) => {
                let Some(s) = self.signers.get_mut(*role) else { return false };
                *(if *f == SignerField::Heading { &mut s.heading } else { &mut s.label }) = value;
            }
            FieldPath::Memo(MemoField::Department) => self.memo.department = value,
            FieldPath::Memo(MemoField::Subject) => self.memo.subject = value,
            FieldPath::Memo(MemoField::Addressee) => self.memo.addressee = value,
            FieldPath::Memo(MemoField::Body) => {
                self.memo.body = value.map(|t| {
                    // Not `trim`: a pasted table's first cell may be empty (a leading tab).
                    let paragraphs = t.split("\n\n").map(|p| p.trim_matches(['\n', '\r', ' ']).to_string());
                    paragraphs.filter(|p| !p.trim().is_empty()).collect()
                })
            }
            _ => return false,
        }
        true
    }

    /// Every field of the draft as it is now (measures by id, signers present).
    pub fn field_paths(&self) -> Vec<FieldPath> {
        use FieldPath as P;
        let mut out: Vec<FieldPath> = Vec::new();
        out.extend(AgencyField::ALL.iter().map(|&f| P::Agency(f)));
        out.extend(ReportField::ALL.iter().map(|&f| P::Report(f)));
        out.extend(ItaField::ALL.iter().map(|&f| P::Ita(f)));
        for (i, ind) in self.ita.indicators.iter().enumerate() {
            out.extend(ScoreYear::ALL.iter().map(|&y| P::Indicator(i, y)));
            out.extend(IndicatorField::ALL.iter().map(|&f| P::IndicatorText(i, f)));
            for j in 0..ind.subs.len() {
                out.extend(SubField::ALL.iter().map(|&f| P::Sub(i, j, f)));
            }
        }
        out.extend(AnalysisField::ALL.iter().map(|&f| P::Analysis(f)));
        out.extend(TextField::ALL.iter().map(|&f| P::Text(f)));
        out.push(P::Measures);
        for g in &self.measures {
            out.extend(GroupField::ALL.iter().map(|&f| P::Group(g.id.clone(), f)));
            for m in &g.measures {
                out.extend(MeasureField::ALL.iter().map(|&f| P::Measure(m.id.clone(), f)));
                out.extend((0..m.photos.len()).map(|i| P::Photo(m.id.clone(), i)));
            }
        }
        out.push(P::Recommendations);
        out.extend(MemoField::ALL.iter().map(|&f| P::Memo(f)));
        for (role, _) in self.signers.iter() {
            out.extend(SignerField::ALL.iter().map(|&f| P::Signer(role, f)));
        }
        out
    }
}

/// A section's text fields by key: a reader and a writer from one list, so they never
/// disagree about where a field lives.
macro_rules! text_slots {
    ($read:ident, $write:ident, $ty:ty, $key:ty { $($variant:ident => $field:ident),+ $(,)? }) => {
        #[allow(unreachable_patterns)]
        fn $read(x: &$ty, key: $key) -> Option<&String> {
            match key {
                $(<$key>::$variant => Some(&x.$field),)+
                _ => None,
            }
        }

        #[allow(unreachable_patterns)]
        pub(super) fn $write(x: &mut $ty, key: $key) -> Option<&mut String> {
            match key {
                $(<$key>::$variant => Some(&mut x.$field),)+
                _ => None,
            }
        }
    };
}

text_slots!(agency_text, agency_text_mut, super::draft::Agency, AgencyField {
    Name => name,
    Province => province,
    District => district,
    Unit => unit,
    Phone => phone,
    DocCode => doc_code,
});

text_slots!(measure_text, measure_text_mut, Measure, MeasureField {
    Issue => issue,
    Name => name,
    Approach => approach,
    Steps => steps,
    Responsible => responsible,
    Period => period,
    Monitoring => monitoring,
    Result => result,
    Output => output,
    Outcome => outcome,
    Note => note,
});

text_slots!(signer_text, signer_text_mut, Signer, SignerField {
    Rank => rank,
    Name => name,
    Position => position,
    Acting => acting,
    Comment => comment,
});

text_slots!(analysis_text, analysis_text_mut, super::draft::Analysis, AnalysisField {
    Weaknesses => weaknesses,
    Improvements => improvements,
    Approach => approach,
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_measure_is_complete_with_a_name_who_when_and_any_result() {
        use MeasureField as F;
        let mut m = Measure::default();
        assert_eq!(m.missing(), vec![F::Name, F::Responsible, F::Period, F::Output]);
        m.name = "ประชุม".into();
        m.period = "ตลอดปี".into();
        m.outcome = "  ".into();
        assert_eq!(m.missing(), vec![F::Responsible, F::Output]);
        m.responsible = "สำนักปลัด".into();
        m.result = "จัดประชุมแล้ว ๒ ครั้ง".into();
        assert!(m.missing().is_empty());
    }

    /// Every field's value, of whatever kind, as text (to compare drafts field by field).
    fn value(d: &Draft, p: &FieldPath) -> String {
        format!("{:?}{:?}{:?}{:?}", d.text(p), d.number(p), d.date(p), d.own_text(p))
    }

    #[test]
    fn every_field_is_read_and_written_by_its_path_alone() {
        let d = crate::catalog::example::example_draft();
        let paths = d.field_paths();
        assert!(paths.len() > 80, "{}", paths.len());
        for p in &paths {
            let mut e = d.clone();
            let written = if e.text(p).is_some() {
                let v = match p {
                    FieldPath::Agency(AgencyField::Kind) => "city_municipality",
                    FieldPath::Group(_, GroupField::Indicator) => "7",
                    _ => "ใหม่",
                };
                e.set_text(p, v.into())
            } else if e.number(p).is_some() {
                e.set_number(p, Some(2570.0))
            } else if e.date(p).is_some() {
                e.set_date(p, BeDate::new(2569, 2, 3))
            } else if e.own_text(p).is_some() {
                e.set_own_text(p, Some("ของท่าน".into()))
            } else {
                assert_eq!(*p, FieldPath::Measures, "{p} has no value");
                continue;
            };
            assert!(written, "{p} was not written");
            assert_ne!(value(&e, p), value(&d, p), "{p} did not change");
            // Only this field changed, unless the path says it moves others.
            if !p.writes_others() {
                for q in paths.iter().filter(|q| *q != p) {
                    assert_eq!(value(&e, q), value(&d, q), "setting {p} changed {q}");
                }
            }
        }
    }

    #[test]
    fn a_measure_that_is_gone_is_neither_read_nor_written() {
        let mut d = crate::catalog::example::example_draft();
        let gone = FieldPath::Measure("gone".into(), MeasureField::Name);
        assert_eq!(d.text(&gone), None);
        let before = d.clone();
        assert!(!d.set_text(&gone, "x".into()));
        assert!(!d.set_number(&FieldPath::Measures, Some(1.0)));
        assert_eq!(d, before);
    }
}
