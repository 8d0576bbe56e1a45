//! The draft: everything the officer types, as plain serde data.
//!
//! Wording the app can propose (memo subject and body, preface, analysis summary) is an
//! `Option<String>`: `None` means "use the proposed wording", `Some` is the officer's own.
//! Images are referenced by id; their bytes live beside the draft (IndexedDB in the
//! browser, embedded in an export file, or files next to the draft for the CLI).

use crate::thai::{BeDate, Digits};
use serde::{Deserialize, Serialize};

/// The schema version this build writes. See `migrate` for the history.
pub const SCHEMA_VERSION: u32 = 2;

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
}

impl Default for Draft {
    fn default() -> Self {
        Draft {
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
        }
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

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Round {
    /// รอบ ๖ เดือน (October–March)
    SixMonths,
    /// รอบ ๑๒ เดือน (the whole fiscal year)
    #[default]
    TwelveMonths,
}

impl Round {
    pub fn label(self) -> &'static str {
        match self {
            Round::SixMonths => "รอบ 6 เดือน",
            Round::TwelveMonths => "รอบ 12 เดือน",
        }
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
}

impl Default for ReportInfo {
    fn default() -> Self {
        ReportInfo { fiscal_year: 2568, round: Round::TwelveMonths, period_start: None, period_end: None }
    }
}

impl ReportInfo {
    /// The period as typed, or the round's usual period.
    pub fn period(&self) -> (BeDate, BeDate) {
        let start = self.period_start.unwrap_or(BeDate { year: self.fiscal_year.saturating_sub(1), month: 10, day: 1 });
        let end = self.period_end.unwrap_or(match self.round {
            Round::SixMonths => BeDate { year: self.fiscal_year, month: 3, day: 31 },
            Round::TwelveMonths => BeDate { year: self.fiscal_year, month: 9, day: 30 },
        });
        (start, end)
    }
}

/// Scores for one of the ten ITA indicators.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct IndicatorScore {
    /// Score in the assessed (previous) year, 0–100.
    pub previous: Option<f32>,
    /// Score in the current year, if already known.
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
    /// The ten indicators, in order ๑–๑๐.
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

    pub fn has_current(&self) -> bool {
        self.current_score.is_some() || self.indicators.iter().any(|s| s.current.is_some())
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
    /// มาตรการ/กิจกรรม
    pub name: String,
    /// ขั้นตอน/วิธีการปฏิบัติ; one step a line (numbers are added when printed).
    pub steps: String,
    pub responsible: String,
    /// ระยะเวลาดำเนินการ
    pub period: String,
    /// ผลการดำเนินการ (output)
    pub output: String,
    /// ผลลัพธ์ (outcome)
    pub outcome: String,
    pub note: String,
    pub photos: Vec<Photo>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeasureGroup {
    pub id: String,
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
    /// With title: นางสาวอัมภพร อยู่เจริญ
    pub name: String,
    pub position: String,
    /// e.g. รักษาราชการแทน หัวหน้าสำนักปลัด
    pub acting: String,
    /// Comment or order above the signature (ความเห็น…); empty leaves dotted lines.
    pub comment: String,
    /// Image id of the signature.
    pub signature: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Signers {
    pub reporter: Signer,
    pub second: Option<Signer>,
    /// ปลัด
    pub clerk: Signer,
    /// นายก
    pub executive: Signer,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    pub digits: Digits,
    pub pdfa: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { digits: Digits::Thai, pdfa: false }
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
        let mut add = |id: &Option<String>| {
            if let Some(id) = id {
                if !ids.contains(id) {
                    ids.push(id.clone());
                }
            }
        };
        add(&self.agency.logo);
        for g in &self.measures {
            for m in &g.measures {
                for p in &m.photos {
                    add(&Some(p.image.clone()));
                }
            }
        }
        let s = &self.signers;
        for signer in [Some(&s.reporter), s.second.as_ref(), Some(&s.clerk), Some(&s.executive)].into_iter().flatten() {
            add(&signer.signature);
        }
        ids
    }
}
