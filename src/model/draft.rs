//! The draft: everything the officer types, as plain serde data.
//!
//! Wording the app can propose (memo subject and body, preface, analysis summary) is an
//! `Option<String>`: `None` means "use the proposed wording", `Some` is the officer's own.
//! Images are referenced by id; their bytes live beside the draft (IndexedDB in the
//! browser, embedded in an export file, or files next to the draft for the CLI).

use super::path::FieldPath;
use super::stale::Facts;
use crate::thai::{BeDate, Digits};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The schema version this build writes. See `migrate` for the history.
pub const SCHEMA_VERSION: u32 = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    pub schema: u32,
    pub agency: Agency,
    pub report: ReportInfo,
    pub ita: ItaResult,
    pub analysis: Analysis,
    pub measures: Vec<MeasureGroup>,
    pub recommendations: Vec<String>,
    pub texts: Texts,
    pub memo: Memo,
    pub signers: Signers,
    pub options: Options,
    /// The officer's own name for the draft; `None`: named after agency, year and round.
    pub title: Option<String>,
    /// One of the app's examples, not the officer's own report (its name says so).
    pub example: bool,
    /// Text typed into a field that is not (yet) a valid value, by field path: kept as
    /// typed, shown back in the field and reported by validation, never silently replaced.
    #[serde(deserialize_with = "super::path::lenient_path_map")]
    pub unparsed: BTreeMap<FieldPath, String>,
    /// The facts (agency, places, years, count) the officer's own texts were last checked
    /// against; see `stale`.
    pub basis: Facts,
}

impl Default for Draft {
    fn default() -> Self {
        let mut d = Draft {
            schema: SCHEMA_VERSION,
            agency: Agency::default(),
            report: ReportInfo::default(),
            ita: ItaResult::default(),
            analysis: Analysis::default(),
            measures: Vec::new(),
            recommendations: Vec::new(),
            texts: Texts::default(),
            memo: Memo::default(),
            signers: Signers::default(),
            options: Options::default(),
            title: None,
            example: false,
            unparsed: BTreeMap::new(),
            basis: Facts::default(),
        };
        d.basis = d.facts();
        d
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// องค์การบริหารส่วนตำบล (อบต.)
    #[default]
    Sao,
    /// เทศบาลตำบล
    TambonMunicipality,
    /// เทศบาลเมือง
    TownMunicipality,
    /// เทศบาลนคร
    CityMunicipality,
    /// องค์การบริหารส่วนจังหวัด (อบจ.)
    Pao,
    /// Any other agency: `name` is its full name.
    Other,
}

impl AgencyKind {
    pub const ALL: [AgencyKind; 6] = [
        AgencyKind::Sao,
        AgencyKind::TambonMunicipality,
        AgencyKind::TownMunicipality,
        AgencyKind::CityMunicipality,
        AgencyKind::Pao,
        AgencyKind::Other,
    ];

    /// The name drafts store (serde's), used as the value of the kind's form field.
    pub fn key(self) -> &'static str {
        match self {
            AgencyKind::Sao => "sao",
            AgencyKind::TambonMunicipality => "tambon_municipality",
            AgencyKind::TownMunicipality => "town_municipality",
            AgencyKind::CityMunicipality => "city_municipality",
            AgencyKind::Pao => "pao",
            AgencyKind::Other => "other",
        }
    }

    pub fn from_key(key: &str) -> Option<AgencyKind> {
        AgencyKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The word before the agency's own name ("" for other agencies).
    pub fn prefix(self) -> &'static str {
        match self {
            AgencyKind::Sao => "องค์การบริหารส่วนตำบล",
            AgencyKind::TambonMunicipality => "เทศบาลตำบล",
            AgencyKind::TownMunicipality => "เทศบาลเมือง",
            AgencyKind::CityMunicipality => "เทศบาลนคร",
            AgencyKind::Pao => "องค์การบริหารส่วนจังหวัด",
            AgencyKind::Other => "",
        }
    }

    /// Short form used in file names and lists.
    pub fn short(self) -> &'static str {
        match self {
            AgencyKind::Sao => "อบต.",
            AgencyKind::TambonMunicipality => "ทต.",
            AgencyKind::TownMunicipality => "ทม.",
            AgencyKind::CityMunicipality => "ทน.",
            AgencyKind::Pao => "อบจ.",
            AgencyKind::Other => "",
        }
    }

    /// Label in the agency-type picker.
    pub fn label(self) -> &'static str {
        match self {
            AgencyKind::Sao => "องค์การบริหารส่วนตำบล (อบต.)",
            AgencyKind::TambonMunicipality => "เทศบาลตำบล",
            AgencyKind::TownMunicipality => "เทศบาลเมือง",
            AgencyKind::CityMunicipality => "เทศบาลนคร",
            AgencyKind::Pao => "องค์การบริหารส่วนจังหวัด (อบจ.)",
            AgencyKind::Other => "หน่วยงานอื่น",
        }
    }

    pub fn is_municipality(self) -> bool {
        matches!(self, AgencyKind::TambonMunicipality | AgencyKind::TownMunicipality | AgencyKind::CityMunicipality)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Agency {
    pub kind: AgencyKind,
    /// The agency's own name, without the prefix (เขาสมอคอน); the full name for `Other`.
    pub name: String,
    /// อำเภอ, without the word อำเภอ.
    pub district: String,
    /// จังหวัด, without the word จังหวัด.
    pub province: String,
    /// The unit that prepares the report (สำนักปลัด).
    pub unit: String,
    pub phone: String,
    /// หนังสือ code, e.g. ลบ ๗๖๓๐๑.
    pub doc_code: String,
    /// Image id of the agency logo for the cover (optional).
    pub logo: Option<String>,
}

impl Agency {
    /// องค์การบริหารส่วนตำบลเขาสมอคอน
    pub fn full_name(&self) -> String {
        format!("{}{}", self.kind.prefix(), self.name.trim())
    }

    /// นายกองค์การบริหารส่วนตำบลเขาสมอคอน / นายกเทศมนตรีตำบลหนองไฮ
    pub fn chief_title(&self) -> String {
        let name = self.name.trim();
        match self.kind {
            AgencyKind::TambonMunicipality => format!("นายกเทศมนตรีตำบล{name}"),
            AgencyKind::TownMunicipality => format!("นายกเทศมนตรีเมือง{name}"),
            AgencyKind::CityMunicipality => format!("นายกเทศมนตรีนคร{name}"),
            AgencyKind::Other => format!("หัวหน้า{name}"),
            _ => format!("นายก{}", self.full_name()),
        }
    }

    /// ปลัดองค์การบริหารส่วนตำบลเขาสมอคอน
    pub fn clerk_title(&self) -> String {
        match self.kind {
            AgencyKind::Other => format!("ปลัด{}", self.name.trim()),
            _ => format!("ปลัด{}", self.full_name()),
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Round {
    /// รอบ ๖ เดือน (October–March)
    SixMonths,
    /// รอบ ๑๒ เดือน (the whole fiscal year)
    #[default]
    TwelveMonths,
    /// ไม่ระบุรอบ: the report names no round and prints no period.
    Unspecified,
}

impl Round {
    /// The round as printed ("" when not specified).
    pub fn label(self) -> &'static str {
        match self {
            Round::SixMonths => "รอบ 6 เดือน",
            Round::TwelveMonths => "รอบ 12 เดือน",
            Round::Unspecified => "",
        }
    }

    /// Whether the report states a round and its period.
    pub fn has_period(self) -> bool {
        self != Round::Unspecified
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReportInfo {
    /// Fiscal year, Buddhist era (ปีงบประมาณ พ.ศ. ๒๕๖๘ runs 1 Oct 2567 – 30 Sep 2568).
    pub fiscal_year: u16,
    pub round: Round,
    /// Reporting period; defaults follow the fiscal year and round.
    pub period_start: Option<BeDate>,
    pub period_end: Option<BeDate>,
    /// The periods typed for the other rounds, kept while this one is edited (`rounds`).
    pub kept_periods: BTreeMap<Round, super::rounds::RoundPeriod>,
    /// The ITA disclosure item the document answers (e.g. O๓๖ of this year's assessment),
    /// printed on the cover and in the file name; may stay empty.
    pub oit_item: String,
}

impl Default for ReportInfo {
    fn default() -> Self {
        ReportInfo {
            fiscal_year: 2568,
            round: Round::TwelveMonths,
            period_start: None,
            period_end: None,
            kept_periods: BTreeMap::new(),
            oit_item: String::new(),
        }
    }
}

impl ReportInfo {
    /// The report an agency usually writes on `today`: in the first half of a fiscal year
    /// (October–March) the twelve-month report of the year just ended; in the second half
    /// the six-month report of the current year.
    pub fn due_on(today: BeDate) -> ReportInfo {
        let current = if today.month >= 10 { today.year + 1 } else { today.year };
        let (fiscal_year, round) = if (4..=9).contains(&today.month) {
            (current, Round::SixMonths)
        } else {
            (current - 1, Round::TwelveMonths)
        };
        ReportInfo { fiscal_year, round, ..ReportInfo::default() }
    }

    /// One Thai sentence saying why `due_on(today)` chose what it chose.
    pub fn due_explanation(today: BeDate) -> String {
        let due = ReportInfo::due_on(today);
        let current = if today.month >= 10 { today.year + 1 } else { today.year };
        let round = Digits::Thai.apply(due.round.label());
        format!(
            "วันนี้ ({}) อยู่ในปีงบประมาณ พ.ศ. {} (เริ่ม ๑ ตุลาคม) รายงานที่มักต้องจัดทำตอนนี้คือ{round} ของปีงบประมาณ พ.ศ. {} จึงตั้งค่าเริ่มต้นไว้เช่นนี้ เปลี่ยนได้",
            today.long(Digits::Thai),
            Digits::Thai.number(current),
            Digits::Thai.number(due.fiscal_year)
        )
    }

    /// The period as typed, or the round's usual period.
    pub fn period(&self) -> (BeDate, BeDate) {
        let start = self.period_start.unwrap_or(BeDate { year: self.fiscal_year.saturating_sub(1), month: 10, day: 1 });
        let end = self.period_end.unwrap_or(match self.round {
            Round::SixMonths => BeDate { year: self.fiscal_year, month: 3, day: 31 },
            Round::TwelveMonths | Round::Unspecified => BeDate { year: self.fiscal_year, month: 9, day: 30 },
        });
        (start, end)
    }
}

/// One ITA indicator: its scores and, when the NACC's framework of the year differs from
/// the app's, its name and tool as the officer corrected them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorScore {
    /// Score in the assessed (previous) year, 0–100.
    pub previous: Option<f32>,
    /// Score in the current year, if already known.
    pub current: Option<f32>,
    /// The indicator's name; empty: the framework's name for its number.
    pub name: String,
    /// The assessment tool (IIT, EIT, OIT); empty: the framework's.
    pub tool: String,
    /// Sub-indicators (๑๐.๑, ๑๐.๒) with their own scores; usually none.
    pub subs: Vec<SubIndicator>,
}

/// A sub-indicator, numbered under its indicator (๑๐.๑).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SubIndicator {
    pub name: String,
    pub previous: Option<f32>,
    pub current: Option<f32>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItaResult {
    /// The year whose ITA result the measures come from (normally fiscal year − 1).
    pub assessed_year: u16,
    pub score: Option<f32>,
    /// Level as published (AA, A, B, …); empty: derived from the score.
    pub level: String,
    pub current_score: Option<f32>,
    /// The indicators, in order (the framework's ten unless the officer changed them).
    pub indicators: Vec<IndicatorScore>,
    /// Indicators under this score are weak points (default 85).
    pub threshold: f32,
}

impl Default for ItaResult {
    fn default() -> Self {
        ItaResult {
            assessed_year: 2567,
            score: None,
            level: String::new(),
            current_score: None,
            indicators: vec![IndicatorScore::default(); 10],
            threshold: 85.0,
        }
    }
}

/// The ITA level for a score (NACC bands).
pub fn ita_level(score: f32) -> &'static str {
    match score {
        s if s >= 95.0 => "AA",
        s if s >= 85.0 => "A",
        s if s >= 75.0 => "B",
        s if s >= 65.0 => "C",
        s if s >= 55.0 => "D",
        s if s >= 50.0 => "E",
        _ => "F",
    }
}

impl ItaResult {
    pub fn level_or_derived(&self) -> String {
        if !self.level.trim().is_empty() {
            self.level.trim().to_string()
        } else {
            self.score.map(|s| ita_level(s).to_string()).unwrap_or_default()
        }
    }

    /// Indicator numbers (1-based) scoring under the threshold in the assessed year,
    /// lowest first.
    pub fn weak_indicators(&self) -> Vec<usize> {
        let mut weak: Vec<(usize, f32)> = self
            .indicators
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.previous.filter(|v| *v < self.threshold).map(|v| (i + 1, v)))
            .collect();
        weak.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        weak.into_iter().map(|(i, _)| i).collect()
    }

    /// Indicator `i`'s own text (`own`), else the framework's (`framework`); empty for an
    /// indicator the draft does not have.
    fn indicator_text(
        &self,
        i: usize,
        own: fn(&IndicatorScore) -> &str,
        framework: fn(&crate::catalog::Indicator) -> &'static str,
    ) -> String {
        let Some(score) = self.indicators.get(i) else { return String::new() };
        match own(score).trim() {
            "" => u8::try_from(i + 1).ok().and_then(crate::catalog::indicator).map(framework).unwrap_or("").to_string(),
            typed => typed.to_string(),
        }
    }

    /// The name of indicator `i` (0-based): the officer's, or the framework's.
    pub fn indicator_name(&self, i: usize) -> String {
        self.indicator_text(i, |s| &s.name, |x| x.name)
    }

    /// The tool of indicator `i` (0-based): the officer's, or the framework's.
    pub fn indicator_tool(&self, i: usize) -> String {
        self.indicator_text(i, |s| &s.tool, |x| x.tool.code())
    }

    /// "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (IIT)" (digits as given by the caller).
    pub fn indicator_title(&self, i: usize) -> String {
        let tool = self.indicator_tool(i);
        let tool = if tool.is_empty() { String::new() } else { format!(" ({tool})") };
        format!("ตัวชี้วัดที่ {} {}{tool}", i + 1, self.indicator_name(i))
    }

    pub fn has_current(&self) -> bool {
        self.current_score.is_some()
            || self.indicators.iter().any(|s| s.current.is_some() || s.subs.iter().any(|x| x.current.is_some()))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Analysis {
    /// ประเด็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน
    pub weaknesses: String,
    /// ประเด็นที่ต้องพัฒนาให้ดีขึ้น
    pub improvements: String,
    /// แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติ
    pub approach: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Photo {
    pub image: String,
    pub caption: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Measure {
    pub id: String,
    /// ประเด็นที่ต้องปรับปรุง / ข้อคำถามที่ได้คะแนนต่ำ: what the measure answers.
    pub issue: String,
    /// มาตรการ/กิจกรรม
    pub name: String,
    /// แนวทางการปฏิบัติ
    pub approach: String,
    /// ขั้นตอน/วิธีการปฏิบัติ; one step a line (numbers are added when printed).
    pub steps: String,
    pub responsible: String,
    /// ระยะเวลาดำเนินการ
    pub period: String,
    /// การกำกับติดตาม / การรายงานผล
    pub monitoring: String,
    /// ผลการดำเนินการ: what was done, as a narrative.
    pub result: String,
    /// ผลผลิต (output)
    pub output: String,
    /// ผลลัพธ์ (outcome)
    pub outcome: String,
    pub note: String,
    pub photos: Vec<Photo>,
    /// The results typed for the other rounds, kept while this one is edited (`rounds`).
    pub kept: BTreeMap<Round, super::rounds::RoundResults>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeasureGroup {
    pub id: String,
    /// The part of the report the group belongs to (an ITA tool such as IIT / EIT / OIT, or
    /// a ประเด็น), printed once above the groups that share it; may stay empty.
    pub section: String,
    /// ITA indicator (1–10) the group answers, if any.
    pub indicator: Option<u8>,
    /// The group heading; empty: the indicator's name.
    pub heading: String,
    pub measures: Vec<Measure>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Texts {
    /// คำนำ
    pub preface: Option<String>,
    /// The summary paragraph of the ITA analysis.
    pub analysis_summary: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Memo {
    /// The ส่วนราชการ line as the officer writes it (`None`: unit, agency and phone).
    pub department: Option<String>,
    /// Register number after the code (ลบ ๗๖๓๐๑/๑๒๓); may stay empty.
    pub number: String,
    pub date: Option<BeDate>,
    pub subject: Option<String>,
    pub addressee: Option<String>,
    /// Body paragraphs (ตามที่… / ข้อเท็จจริง / closing).
    pub body: Option<Vec<String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Signer {
    /// A rank or title printed before the name (พ.จ.ต., ว่าที่ร้อยตรี); may stay empty.
    pub rank: String,
    /// With title: นางสาวอัมภพร อยู่เจริญ
    pub name: String,
    pub position: String,
    /// e.g. รักษาราชการแทน หัวหน้าสำนักปลัด
    pub acting: String,
    /// Comment or order above the signature (ความเห็น…); empty leaves dotted lines.
    pub comment: String,
    /// The heading above the comment as the officer writes it (ข้อสั่งการ, ความเห็นรองปลัด…);
    /// `None`: ความเห็น and the signer's title.
    pub heading: Option<String>,
    /// The word after the signing line (ผู้รายงาน); `None`: the role's usual word.
    pub label: Option<String>,
    /// Image id of the signature.
    pub signature: Option<String>,
}

/// Who signs where: the memo's reporter (and an optional second signer), the reviewers
/// the memo passes through (ผู้ผ่านงาน, by position), then the clerk's and the executive's
/// comments.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignerRole {
    Reporter,
    Second,
    Reviewer(usize),
    Clerk,
    Executive,
}

impl SignerRole {
    /// The roles every draft has a place for (reviewers come and go).
    pub const FIXED: [SignerRole; 4] =
        [SignerRole::Reporter, SignerRole::Second, SignerRole::Clerk, SignerRole::Executive];

    /// The key in field paths (`signers.reporter.name`, `signers.reviewers.0.name`).
    pub fn key(self) -> String {
        match self {
            SignerRole::Reporter => "reporter".into(),
            SignerRole::Second => "second".into(),
            SignerRole::Reviewer(i) => format!("reviewers.{i}"),
            SignerRole::Clerk => "clerk".into(),
            SignerRole::Executive => "executive".into(),
        }
    }

    /// Reads a key written by `key`.
    pub fn from_key(key: &str) -> Option<SignerRole> {
        if let Some(i) = key.strip_prefix("reviewers.") {
            return i.parse().ok().map(SignerRole::Reviewer);
        }
        SignerRole::FIXED.into_iter().find(|r| r.key() == key)
    }

    pub fn thai(self) -> String {
        match self {
            SignerRole::Reporter => "ผู้รายงาน".into(),
            SignerRole::Second => "ผู้ลงนามคนที่สอง".into(),
            SignerRole::Reviewer(i) => format!("ผู้ผ่านงานคนที่ {}", Digits::Thai.number(i + 1)),
            SignerRole::Clerk => "ปลัด".into(),
            SignerRole::Executive => "ผู้บริหาร".into(),
        }
    }

    /// The word after the signing line ("ลงชื่อ …… ผู้รายงาน") unless the signer has their own.
    pub fn default_label(self) -> &'static str {
        match self {
            SignerRole::Reporter | SignerRole::Second => "ผู้รายงาน",
            _ => "",
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Signers {
    pub reporter: Signer,
    pub second: Option<Signer>,
    /// ผู้ผ่านงาน: those the memo passes through before the clerk (หัวหน้าสำนักปลัด,
    /// รองปลัด…), each with a comment and a signature.
    pub reviewers: Vec<Signer>,
    /// ปลัด
    pub clerk: Signer,
    /// นายก
    pub executive: Signer,
}

impl Signer {
    /// The name as printed: rank, then name.
    pub fn full_name(&self) -> String {
        [self.rank.trim(), self.name.trim()].iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" ")
    }
}

impl Signers {
    pub fn get(&self, role: SignerRole) -> Option<&Signer> {
        match role {
            SignerRole::Reporter => Some(&self.reporter),
            SignerRole::Second => self.second.as_ref(),
            SignerRole::Reviewer(i) => self.reviewers.get(i),
            SignerRole::Clerk => Some(&self.clerk),
            SignerRole::Executive => Some(&self.executive),
        }
    }

    /// The signer in `role`; the second signer is added when missing, a reviewer who is not
    /// there is `None`.
    pub fn get_mut(&mut self, role: SignerRole) -> Option<&mut Signer> {
        match role {
            SignerRole::Reporter => Some(&mut self.reporter),
            SignerRole::Second => Some(self.second.get_or_insert_with(Signer::default)),
            SignerRole::Reviewer(i) => self.reviewers.get_mut(i),
            SignerRole::Clerk => Some(&mut self.clerk),
            SignerRole::Executive => Some(&mut self.executive),
        }
    }

    /// The word after `role`'s signing line: the signer's own, or the role's usual one
    /// (`None` when nobody signs in that role).
    pub fn label(&self, role: SignerRole) -> Option<String> {
        let s = self.get(role)?;
        Some(s.label.clone().unwrap_or_else(|| role.default_label().to_string()))
    }

    /// Every role with a signer present, in signing order.
    pub fn roles(&self) -> Vec<SignerRole> {
        let mut roles = vec![SignerRole::Reporter];
        roles.extend(self.second.as_ref().map(|_| SignerRole::Second));
        roles.extend((0..self.reviewers.len()).map(SignerRole::Reviewer));
        roles.extend([SignerRole::Clerk, SignerRole::Executive]);
        roles
    }

    /// Every signer present, to change them all.
    pub fn iter_mut_all(&mut self) -> impl Iterator<Item = &mut Signer> {
        [&mut self.reporter, &mut self.clerk, &mut self.executive]
            .into_iter()
            .chain(self.second.as_mut())
            .chain(self.reviewers.iter_mut())
    }

    /// Every signer present, in signing order.
    pub fn iter(&self) -> impl Iterator<Item = (SignerRole, &Signer)> {
        self.roles().into_iter().filter_map(|r| self.get(r).map(|s| (r, s)))
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    pub digits: Digits,
    pub pdfa: bool,
    /// Print a light "ร่าง" across every page while the draft has problems. The officer
    /// may turn it off knowingly.
    pub watermark: bool,
    /// Number the measures through the table (๑. ๒. …).
    pub number_measures: bool,
    /// The memo's signatures stand on a signing line "ลงชื่อ …… ผู้รายงาน", as some
    /// agencies' memos do (the report's closing always has one).
    pub sign_lines: bool,
    /// Which parts of the document are printed.
    pub parts: Parts,
    /// Which of the year's documents is printed (set on the copy sent to print, see
    /// `Draft::for_document`).
    pub document: DocumentKind,
}

/// The documents of a year, from one draft.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// รายงานผลการดำเนินการตามมาตรการ… (a round's report).
    #[default]
    Report,
    /// มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน, published at the start of the year:
    /// memo asking to announce, the analysis, the plan without results, the announcement.
    Measures,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            digits: Digits::Thai,
            pdfa: false,
            watermark: true,
            number_measures: true,
            sign_lines: false,
            parts: Parts::default(),
            document: DocumentKind::Report,
        }
    }
}

/// The parts of the document, each of which may be left out (some agencies publish the
/// signed memo with its table alone, others the report without a memo). The report's
/// closing signatures come with any part of the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Parts {
    /// บันทึกข้อความ
    pub memo: bool,
    /// The cover and the preface (คำนำ).
    pub cover: bool,
    /// ผลการประเมิน ITA and its analysis.
    pub analysis: bool,
    /// The measures table(s).
    pub measures: bool,
    pub photos: bool,
    /// สรุปผลและข้อเสนอแนะ
    pub recommendations: bool,
}

impl Default for Parts {
    fn default() -> Self {
        Parts { memo: true, cover: true, analysis: true, measures: true, photos: true, recommendations: true }
    }
}

impl Parts {
    /// Whether any part of the report (not only the memo) is printed.
    pub fn any_report(&self) -> bool {
        self.cover || self.analysis || self.measures || self.photos || self.recommendations
    }

    /// Whether anything at all is printed.
    pub fn any(&self) -> bool {
        self.memo || self.any_report()
    }
}

impl Draft {
    /// Where a measure is (group, measure), found by its id.
    pub fn measure_position(&self, id: &str) -> Option<(usize, usize)> {
        self.measures
            .iter()
            .enumerate()
            .find_map(|(g, grp)| grp.measures.iter().position(|m| m.id == id).map(|m| (g, m)))
    }

    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.measures.iter().flat_map(|g| &g.measures).find(|m| m.id == id)
    }

    pub fn measure_mut(&mut self, id: &str) -> Option<&mut Measure> {
        self.measures.iter_mut().flat_map(|g| &mut g.measures).find(|m| m.id == id)
    }

    /// Every image id the draft refers to.
    pub fn image_ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = Vec::new();
        self.clone().for_each_image_mut(&mut |id| {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        });
        ids
    }

    /// Calls `f` with every image reference: the logo, photos, signatures of the signers
    /// present. The one place that knows where a draft refers to images.
    pub fn for_each_image_mut(&mut self, f: &mut dyn FnMut(&mut String)) {
        if let Some(l) = self.agency.logo.as_mut() {
            f(l);
        }
        for p in self.measures.iter_mut().flat_map(|g| g.measures.iter_mut()).flat_map(|m| m.photos.iter_mut()) {
            f(&mut p.image);
        }
        for role in self.signers.roles() {
            if let Some(id) = self.signers.get_mut(role).and_then(|s| s.signature.as_mut()) {
                f(id);
            }
        }
    }

    /// Gives images new ids (an imported draft's images stored under fresh ones).
    pub fn rename_images(&mut self, map: &BTreeMap<String, String>) {
        self.for_each_image_mut(&mut |id| {
            if let Some(new) = map.get(id) {
                *id = new.clone();
            }
        });
    }

    /// A new draft started on `today`: the report due now (see `ReportInfo::due_on`).
    pub fn new_on(today: BeDate) -> Draft {
        let mut d = Draft { report: ReportInfo::due_on(today), ..Draft::default() };
        d.ita.assessed_year = d.report.fiscal_year - 1;
        d.basis = d.facts();
        d
    }

    /// Sets the fiscal year; the period follows it and the ITA year is the year before.
    pub fn set_fiscal_year(&mut self, year: u16) {
        self.report.fiscal_year = year;
        self.report.period_start = None;
        self.report.period_end = None;
        self.ita.assessed_year = year - 1;
        self.unparsed.remove(&FieldPath::Ita(super::path::ItaField::AssessedYear));
    }

    /// The name shown in the draft list and the top bar: the officer's own, or
    /// "อบต.หนองแวง ปีงบประมาณ ๒๕๖๙ รอบ ๑๒ เดือน" (examples say so first).
    pub fn display_name(&self) -> String {
        if let Some(t) = self.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            return t.to_string();
        }
        let a = &self.agency;
        let agency = match (a.kind, a.name.trim()) {
            (_, "") => "ร่างใหม่".to_string(),
            (AgencyKind::Other, name) => name.to_string(),
            (kind, name) => format!("{}{name}", kind.short()),
        };
        let name = format!(
            "{agency} ปีงบประมาณ {} {}",
            Digits::Thai.number(self.report.fiscal_year),
            Digits::Thai.apply(self.report.round.label())
        );
        let name = name.trim_end().to_string();
        if self.example {
            format!("ตัวอย่าง: {name}")
        } else {
            name
        }
    }
}
