//! Texts that went stale: the officer's own wording still naming an old agency, place,
//! year or number of measures after the fact itself changed.
//!
//! The draft keeps `basis`, the facts its own texts were last checked against. A fact that
//! changed is stale while some own text still mentions its old value; `Draft::settle`
//! moves the basis on for every fact nothing mentions any more (called on load and when
//! the officer commits a field, not on each keystroke, so a half-typed name never becomes
//! the basis). `update_stale` replaces every old mention at once; `keep_stale` accepts
//! the texts as they are.

use super::draft::{AgencyKind, Draft};
use super::edit::Removed;
use super::path::FieldPath;
use crate::thai::chars::is_digit;
use crate::thai::Digits;
use serde::{Deserialize, Serialize};

/// The facts that the officer's texts typically repeat.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Facts {
    pub full_name: String,
    pub chief_title: String,
    pub clerk_title: String,
    pub name: String,
    pub district: String,
    pub province: String,
    pub fiscal_year: u16,
    pub assessed_year: u16,
    pub measures: usize,
    /// The overall ITA score as printed ("92.84"; empty when not entered).
    pub score: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fact {
    FullName,
    ChiefTitle,
    ClerkTitle,
    Name,
    District,
    Province,
    FiscalYear,
    AssessedYear,
    Measures,
    Score,
}

impl Fact {
    const ALL: [Fact; 10] = [
        Fact::FullName,
        Fact::ChiefTitle,
        Fact::ClerkTitle,
        Fact::Name,
        Fact::District,
        Fact::Province,
        Fact::FiscalYear,
        Fact::AssessedYear,
        Fact::Measures,
        Fact::Score,
    ];

    pub fn thai(self) -> &'static str {
        match self {
            Fact::FullName => "ชื่อเต็มของหน่วยงาน",
            Fact::ChiefTitle => "ตำแหน่งผู้บริหาร",
            Fact::ClerkTitle => "ตำแหน่งปลัด",
            Fact::Name => "ชื่อหน่วยงาน",
            Fact::District => "อำเภอ",
            Fact::Province => "จังหวัด",
            Fact::FiscalYear => "ปีงบประมาณ",
            Fact::AssessedYear => "ปีที่ประเมิน ITA",
            Fact::Measures => "จำนวนมาตรการ",
            Fact::Score => "คะแนน ITA รวม",
        }
    }
}

/// How a fact's value is written in text: the strings to look for, each with what to
/// write instead, and whether a match must not touch other digits.
fn spellings(fact: Fact, old: &Facts, new: &Facts) -> Vec<(String, String, bool)> {
    let text = |o: &str, n: &str| vec![(o.trim().to_string(), n.trim().to_string(), false)];
    let number = |o: String, n: String| {
        vec![
            (Digits::Thai.apply(&o), Digits::Thai.apply(&n), true),
            (Digits::Arabic.apply(&o), Digits::Arabic.apply(&n), true),
        ]
    };
    let mut out = match fact {
        Fact::FullName => text(&old.full_name, &new.full_name),
        Fact::ChiefTitle => text(&old.chief_title, &new.chief_title),
        Fact::ClerkTitle => text(&old.clerk_title, &new.clerk_title),
        Fact::Name => text(&old.name, &new.name),
        Fact::District => text(&old.district, &new.district),
        Fact::Province => text(&old.province, &new.province),
        Fact::FiscalYear => number(old.fiscal_year.to_string(), new.fiscal_year.to_string()),
        Fact::AssessedYear => number(old.assessed_year.to_string(), new.assessed_year.to_string()),
        Fact::Measures => number(format!("{} มาตรการ", old.measures), format!("{} มาตรการ", new.measures)),
        Fact::Score if old.score.is_empty() => Vec::new(),
        Fact::Score => number(old.score.clone(), new.score.clone()),
    };
    // Too short to tell from other words (a name being typed, a one-letter district).
    out.retain(|(o, n, numeric)| o != n && (*numeric || o.chars().count() >= 2) && !(o.is_empty()));
    if matches!(fact, Fact::FiscalYear | Fact::AssessedYear) && (old_zero(fact, old)) {
        out.clear();
    }
    if fact == Fact::Measures && old.measures == 0 {
        out.clear();
    }
    out
}

fn old_zero(fact: Fact, old: &Facts) -> bool {
    match fact {
        Fact::FiscalYear => old.fiscal_year == 0,
        Fact::AssessedYear => old.assessed_year == 0,
        _ => false,
    }
}

/// Byte offsets where `needle` occurs in `text` as a mention of the old value: not inside
/// a longer number (numeric needles), and not as part of the new value when the new value
/// contains the old one (เขาสมอ → เขาสมอคอน).
fn mentions(text: &str, needle: &str, new: &str, numeric: bool) -> Vec<usize> {
    let mut out = Vec::new();
    let offsets_in_new: Vec<usize> = new.match_indices(needle).map(|(i, _)| i).collect();
    for (at, _) in text.match_indices(needle) {
        if numeric {
            let before = text[..at].chars().next_back().is_some_and(is_digit);
            let after = text[at + needle.len()..].chars().next().is_some_and(is_digit);
            if before || after {
                continue;
            }
        }
        let part_of_new = offsets_in_new.iter().any(|&k| at >= k && text[at - k..].starts_with(new));
        if !part_of_new {
            out.push(at);
        }
    }
    out
}

/// One fact whose old value own texts still mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    pub fact: Fact,
    pub old: String,
    pub new: String,
    /// How many times, in all.
    pub count: usize,
    /// The fields (paths) that mention it.
    pub fields: Vec<FieldPath>,
}

impl Stale {
    /// The current value as the officer should read it.
    pub fn new_shown(&self) -> String {
        if self.new.is_empty() {
            "(ยังไม่ได้กรอก)".into()
        } else {
            format!("\"{}\"", self.new)
        }
    }

    /// Whether `update_stale` can write the current value in.
    pub fn replaceable(&self) -> bool {
        !self.new.is_empty()
    }
}

impl Draft {
    /// The facts as the draft states them now.
    pub fn facts(&self) -> Facts {
        let a = &self.agency;
        let named = !a.name.trim().is_empty();
        let when = |s: String| if named { s } else { String::new() };
        Facts {
            full_name: when(a.full_name()),
            chief_title: when(a.chief_title()),
            clerk_title: when(a.clerk_title()),
            name: a.name.trim().to_string(),
            district: a.district.trim().to_string(),
            province: a.province.trim().to_string(),
            fiscal_year: self.report.fiscal_year,
            assessed_year: self.ita.assessed_year,
            measures: self.measure_count(),
            score: self.ita.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
        }
    }

    /// The facts whose old values own texts still mention (most specific first: a new
    /// agency name is reported once, not again as the full name and both titles).
    pub fn stale(&self) -> Vec<Stale> {
        let now = self.facts();
        if now == self.basis {
            return Vec::new();
        }
        let texts = self.own_texts();
        let mut out: Vec<Stale> = Vec::new();
        for fact in Fact::ALL {
            let spell = spellings(fact, &self.basis, &now);
            let (mut count, mut fields) = (0, Vec::new());
            for (path, text) in &texts {
                let n: usize = spell.iter().map(|(o, n, numeric)| mentions(text, o, n, *numeric).len()).sum();
                if n > 0 {
                    count += n;
                    fields.push(path.clone());
                }
            }
            if count > 0 {
                let (old, new) = spell.first().map(|(o, n, _)| (o.clone(), n.clone())).unwrap_or_default();
                out.push(Stale { fact, old, new, count, fields });
            }
        }
        // The short name covers the full name and titles when both changed.
        if out.iter().any(|s| s.fact == Fact::Name) {
            out.retain(|s| !matches!(s.fact, Fact::FullName | Fact::ChiefTitle | Fact::ClerkTitle));
        }
        out
    }

    /// Moves the basis on for every fact no own text mentions in its old form.
    pub fn settle(&mut self) {
        let now = self.facts();
        if now == self.basis {
            return;
        }
        let texts = self.own_texts();
        let mentioned = |fact: Fact, basis: &Facts| {
            spellings(fact, basis, &now)
                .iter()
                .any(|(o, n, numeric)| texts.iter().any(|(_, t)| !mentions(t, o, n, *numeric).is_empty()))
        };
        let b = self.basis.clone();
        let mut next = self.basis.clone();
        let names_mentioned =
            [Fact::FullName, Fact::ChiefTitle, Fact::ClerkTitle, Fact::Name].into_iter().any(|f| mentioned(f, &b));
        if !names_mentioned {
            next.full_name = now.full_name.clone();
            next.chief_title = now.chief_title.clone();
            next.clerk_title = now.clerk_title.clone();
            next.name = now.name.clone();
        }
        if !mentioned(Fact::District, &b) {
            next.district = now.district.clone();
        }
        if !mentioned(Fact::Province, &b) {
            next.province = now.province.clone();
        }
        if !mentioned(Fact::FiscalYear, &b) && !mentioned(Fact::AssessedYear, &b) {
            next.fiscal_year = now.fiscal_year;
            next.assessed_year = now.assessed_year;
        }
        if !mentioned(Fact::Measures, &b) {
            next.measures = now.measures;
        }
        if !mentioned(Fact::Score, &b) {
            next.score = now.score.clone();
        }
        self.basis = next;
    }

    /// Replaces every old mention with the current value (all facts at once, so years
    /// moving on by one never shift twice); returns the texts as they were, for undo.
    pub fn update_stale(&mut self) -> Option<Removed> {
        let now = self.facts();
        // A value that is now empty (a score not entered) is never written into a text: such
        // mentions stay stale until there is a value or the officer keeps the text.
        let mut pairs: Vec<(String, String, bool)> =
            Fact::ALL.iter().flat_map(|&f| spellings(f, &self.basis, &now)).filter(|(_, n, _)| !n.is_empty()).collect();
        // Longest first, so a full name wins over the short name inside it.
        pairs.sort_by_key(|(o, _, _)| std::cmp::Reverse(o.len()));
        let mut before = Vec::new();
        self.for_each_own_text(&mut |path, text| {
            let replaced = replace_all(text, &pairs);
            if replaced != *text {
                before.push((path, std::mem::replace(text, replaced)));
            }
        });
        let kept_score = if now.score.is_empty() { self.basis.score.clone() } else { now.score.clone() };
        self.basis = Facts { score: kept_score, ..now };
        (!before.is_empty()).then_some(Removed::Texts { before })
    }

    /// Accepts the own texts as they are: the current facts become the basis.
    pub fn keep_stale(&mut self) {
        self.basis = self.facts();
    }
}

/// One left-to-right pass: at each position the first (longest) pair that mentions its old
/// value there is replaced; replaced text is never scanned again.
fn replace_all(text: &str, pairs: &[(String, String, bool)]) -> String {
    let mut starts: Vec<(usize, usize)> = Vec::new(); // (at, pair)
    for (i, (o, n, numeric)) in pairs.iter().enumerate() {
        for at in mentions(text, o, n, *numeric) {
            starts.push((at, i));
        }
    }
    starts.sort_by_key(|&(at, i)| (at, i));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for (at, i) in starts {
        if at < pos {
            continue;
        }
        out.push_str(&text[pos..at]);
        out.push_str(&pairs[i].1);
        pos = at + pairs[i].0.len();
    }
    out.push_str(&text[pos..]);
    out
}

impl Draft {
    /// A name typed with its kind in front ("เทศบาลตำบลบ้านหนองบัว") is split: the kind is set
    /// and the name keeps the rest, so the document never says "เทศบาลตำบลเทศบาลตำบล…".
    /// Returns a note saying what was done.
    pub fn tidy_agency_name(&mut self) -> Option<String> {
        let (kind, rest) = self.typed_kind()?;
        self.agency.kind = kind;
        self.agency.name = rest;
        Some(format!("ตั้งประเภทหน่วยงานเป็น \"{}\" และตัดคำนำหน้าออกจากชื่อแล้ว", kind.label()))
    }
}

impl Draft {
    /// The kind and name when the name was typed with its kind in front (and the agency is
    /// not "other", whose name is its full name).
    fn typed_kind(&self) -> Option<(AgencyKind, String)> {
        (self.agency.kind != AgencyKind::Other).then(|| split_kind(&self.agency.name)).flatten()
    }

    /// Whether committing a field would change anything: a fact moved on since the basis,
    /// or a name typed with its kind.
    pub fn needs_commit(&self) -> bool {
        self.facts() != self.basis || self.typed_kind().is_some()
    }
}

/// Splits a typed agency name that starts with a kind ("เทศบาลตำบลบ้านหนองบัว", "อบต.ห้วยน้ำคำ")
/// into that kind and the name; `None` when it starts with none.
pub fn split_kind(name: &str) -> Option<(AgencyKind, String)> {
    let (kind, rest) = super::migrate::split_agency_name(name);
    (kind != AgencyKind::Other && !rest.is_empty()).then_some((kind, rest))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::draft::{Measure, MeasureGroup};

    fn example() -> Draft {
        let mut d = Draft::default();
        d.agency.name = "เขาสมอคอน".into();
        d.agency.province = "ลพบุรี".into();
        d.report.fiscal_year = 2568;
        d.ita.assessed_year = 2567;
        d.measures = vec![MeasureGroup {
            id: "g".into(),
            measures: (0..9).map(|i| Measure { id: format!("m{i}"), ..Default::default() }).collect(),
            ..Default::default()
        }];
        d.memo.addressee = Some("นายกองค์การบริหารส่วนตำบลเขาสมอคอน".into());
        d.memo.body = Some(vec![
            "ตามที่องค์การบริหารส่วนตำบลเขาสมอคอน ได้จัดทำแผน ประจำปีงบประมาณ ๒๕๖๘ จากผล ITA ปี พ.ศ.๒๕๖๗ จำนวน ๙ มาตรการ".into(),
            "ในปี 2568 มี ๑๙ มาตรการย่อย".into(),
        ]);
        d.signers.clerk.position = "ปลัดองค์การบริหารส่วนตำบลเขาสมอคอน".into();
        d.settle();
        d
    }

    #[test]
    fn nothing_is_stale_after_loading() {
        let d = example();
        assert_eq!(d.basis, d.facts());
        assert!(d.stale().is_empty());
    }

    #[test]
    fn a_renamed_agency_is_found_and_replaced_everywhere() {
        let mut d = example();
        d.agency.name = "หนองแวง".into();
        d.settle(); // committed: still mentioned, so still stale
        let stale = d.stale();
        assert_eq!(stale.len(), 1, "{stale:?}");
        assert_eq!((stale[0].fact, stale[0].old.as_str(), stale[0].new.as_str()), (Fact::Name, "เขาสมอคอน", "หนองแวง"));
        assert_eq!(stale[0].count, 3);
        let undo = d.update_stale().unwrap();
        assert!(d.stale().is_empty());
        let all: String = d.own_texts().into_iter().map(|(_, t)| t).collect();
        assert!(!all.contains("เขาสมอคอน") && all.contains("ตำบลหนองแวง"));
        d.restore(undo).unwrap();
        assert!(d.own_texts().iter().any(|(_, t)| t.contains("เขาสมอคอน")));
    }

    #[test]
    fn years_move_on_together_without_shifting_twice() {
        let mut d = example();
        d.set_fiscal_year(2569);
        let facts: Vec<Fact> = d.stale().iter().map(|s| s.fact).collect();
        assert_eq!(facts, vec![Fact::FiscalYear, Fact::AssessedYear]);
        d.update_stale();
        let body = &d.memo.body.as_ref().unwrap()[0];
        assert!(body.contains("ปีงบประมาณ ๒๕๖๙") && body.contains("พ.ศ.๒๕๖๘"), "{body}");
        assert!(d.memo.body.as_ref().unwrap()[1].contains("2569"));
    }

    #[test]
    fn a_count_is_matched_as_a_whole_number() {
        let mut d = example();
        d.remove_measure("m0");
        d.settle();
        let stale = d.stale();
        assert_eq!(stale.len(), 1);
        assert_eq!((stale[0].old.as_str(), stale[0].new.as_str(), stale[0].count), ("๙ มาตรการ", "๘ มาตรการ", 1));
        d.update_stale();
        let body = d.memo.body.clone().unwrap();
        assert!(body[0].contains("จำนวน ๘ มาตรการ") && body[1].contains("๑๙ มาตรการย่อย"), "{body:?}");
    }

    #[test]
    fn unmentioned_changes_settle_and_half_typed_names_wait_for_commit() {
        let mut d = example();
        d.agency.province = "สระบุรี".into();
        d.settle();
        assert!(d.stale().is_empty(), "nothing mentions the province");
        assert_eq!(d.basis.province, "สระบุรี");
        // A name that grows from the old one is not a mention of the old one.
        let mut d = example();
        d.agency.name = "เขาสมอคอนใต้".into();
        d.memo.addressee = Some("นายกองค์การบริหารส่วนตำบลเขาสมอคอนใต้".into());
        assert_eq!(d.stale()[0].count, 2);
        d.keep_stale();
        assert!(d.stale().is_empty());
    }

    #[test]
    fn a_name_typed_with_its_kind_is_split() {
        let mut d = Draft::default();
        d.agency.name = "เทศบาลตำบลบ้านหนองบัว".into();
        assert!(d.tidy_agency_name().unwrap().contains("เทศบาลตำบล"));
        assert_eq!(
            (d.agency.kind, d.agency.full_name().as_str()),
            (AgencyKind::TambonMunicipality, "เทศบาลตำบลบ้านหนองบัว")
        );
        assert_eq!(d.tidy_agency_name(), None);
        d.agency.kind = AgencyKind::Other;
        d.agency.name = "เทศบาลตำบลบ้านหนองบัว".into();
        assert_eq!(d.tidy_agency_name(), None, "another kind of agency keeps its full name");
    }

    #[test]
    fn an_emptied_score_stays_stale_until_it_has_a_value() {
        let mut d = example();
        d.ita.score = Some(92.84);
        d.texts.analysis_summary = Some("ได้คะแนน ๙๒.๘๔ คะแนน".into());
        d.settle();
        assert!(d.stale().is_empty());
        d.ita.score = None;
        d.settle();
        assert_eq!(d.stale()[0].fact, Fact::Score);
        d.update_stale();
        assert_eq!(d.stale()[0].fact, Fact::Score, "nothing to write in yet");
        d.ita.score = Some(88.45);
        d.update_stale();
        assert_eq!(d.texts.analysis_summary.as_deref(), Some("ได้คะแนน ๘๘.๔๕ คะแนน"));
        assert!(d.stale().is_empty());
    }

    #[test]
    fn typed_kind_prefixes_are_split_off() {
        assert_eq!(split_kind("เทศบาลตำบลบ้านหนองบัว"), Some((AgencyKind::TambonMunicipality, "บ้านหนองบัว".into())));
        assert_eq!(split_kind("อบต. ห้วยน้ำคำ"), Some((AgencyKind::Sao, "ห้วยน้ำคำ".into())));
        assert_eq!(split_kind("หนองบัว"), None);
        assert_eq!(split_kind("เทศบาลตำบล"), None);
    }
}
