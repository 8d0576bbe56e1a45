//! Typed paths to the draft's fields, shared by validation, stale-text checks, undo and the
//! editor (which keeps one reactive trigger per path and derives the HTML id from it).
//!
//! Groups, measures and photos are addressed by their measure's or group's id, not by
//! position, so a path stays the same field when measures are moved. A path's text form
//! (`agency.name`, `measure.m-1.photos.0`) is what drafts store (`Draft::unparsed`) and what
//! a pending undo keeps in session storage.

use super::draft::SignerRole;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An enum of a section's fields with their keys in the text form.
macro_rules! field_keys {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $key:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            fn from_key(key: &str) -> Option<Self> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

field_keys!(AgencyField {
    Kind = "kind",
    Name = "name",
    Province = "province",
    District = "district",
    Unit = "unit",
    Phone = "phone",
    DocCode = "doc_code",
});

field_keys!(ReportField {
    FiscalYear = "fiscal_year",
    PeriodStart = "period_start",
    PeriodEnd = "period_end",
    OitItem = "oit_item",
});

field_keys!(ItaField {
    AssessedYear = "assessed_year",
    Score = "score",
    Level = "level",
    CurrentScore = "current_score",
    Threshold = "threshold",
});

field_keys!(
    /// Which year's score of an indicator.
    ScoreYear { Previous = "previous", Current = "current" }
);

field_keys!(
    /// An indicator's own texts (the framework's when empty).
    IndicatorField { Name = "name", Tool = "tool" }
);

field_keys!(
    /// A sub-indicator's fields.
    SubField { Name = "name", Previous = "previous", Current = "current" }
);

/// Indicators a draft may list (the framework has ten; a revision may add a few).
pub const MAX_INDICATORS: usize = 30;

field_keys!(AnalysisField { Weaknesses = "weaknesses", Improvements = "improvements", Approach = "approach" });

field_keys!(
    /// Proposed wording the officer may override (`Draft::texts`).
    TextField { AnalysisSummary = "analysis_summary", Preface = "preface" }
);

field_keys!(GroupField { Section = "section", Indicator = "indicator", Heading = "heading" });

field_keys!(
    /// A measure's fields, in the order of the printed columns.
    MeasureField {
        Issue = "issue",
        Name = "name",
        Approach = "approach",
        Steps = "steps",
        Responsible = "responsible",
        Period = "period",
        Monitoring = "monitoring",
        Result = "result",
        Output = "output",
        Outcome = "outcome",
        Note = "note",
    }
);

field_keys!(MemoField {
    Department = "department",
    Number = "number",
    Date = "date",
    Subject = "subject",
    Addressee = "addressee",
    Body = "body",
});

field_keys!(SignerField {
    Rank = "rank",
    Name = "name",
    Position = "position",
    Acting = "acting",
    Comment = "comment",
    Heading = "heading",
    Label = "label",
});

/// One field of a draft.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FieldPath {
    Agency(AgencyField),
    Report(ReportField),
    Ita(ItaField),
    /// An indicator's score: index from 0 (indicator ๑) and year.
    Indicator(usize, ScoreYear),
    /// An indicator's name or tool.
    IndicatorText(usize, IndicatorField),
    /// A field of sub-indicator (indicator index, sub index).
    Sub(usize, usize, SubField),
    Analysis(AnalysisField),
    Text(TextField),
    /// The list of measures as a whole (at least one is needed).
    Measures,
    /// A field of the group with this id.
    Group(String, GroupField),
    /// A field of the measure with this id.
    Measure(String, MeasureField),
    /// The caption (and image) of a measure's photo, by measure id and position.
    Photo(String, usize),
    /// All recommendations, edited in one text area (one a line).
    Recommendations,
    /// One recommendation (stale-text checks name it; it is edited in `Recommendations`).
    Recommendation(usize),
    Memo(MemoField),
    /// One paragraph of the officer's own memo body (edited in `Memo(Body)`).
    MemoParagraph(usize),
    Signer(SignerRole, SignerField),
    /// Which parts of the document are printed (at least one).
    Parts,
}

/// The part of the report a field belongs to, in the report's order (the editor maps
/// sections to its steps).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Agency,
    Report,
    Ita,
    Measures,
    Photos,
    Memo,
    Options,
}

impl FieldPath {
    pub fn section(&self) -> Section {
        use FieldPath::*;
        match self {
            Agency(_) => Section::Agency,
            Report(_) => Section::Report,
            Ita(_) | Indicator(..) | IndicatorText(..) | Sub(..) | Analysis(_) | Text(_) => Section::Ita,
            Measures | Group(..) | Measure(..) | Recommendations | Recommendation(_) => Section::Measures,
            Photo(..) => Section::Photos,
            Memo(_) | MemoParagraph(_) | Signer(..) => Section::Memo,
            Parts => Section::Options,
        }
    }

    /// The path of the form field that edits this one (memo paragraphs and recommendations
    /// are edited in one text area each).
    pub fn form_field(&self) -> FieldPath {
        match self {
            FieldPath::MemoParagraph(_) => FieldPath::Memo(MemoField::Body),
            FieldPath::Recommendation(_) => FieldPath::Recommendations,
            other => other.clone(),
        }
    }

    /// Whether setting this field also changes others (the fiscal year moves the assessed
    /// year and the period with it): the editor then refreshes every field.
    pub fn writes_others(&self) -> bool {
        matches!(self, FieldPath::Report(ReportField::FiscalYear))
    }

    /// Whether the field holds a year (messages say "ปี พ.ศ." rather than "ตัวเลข").
    pub fn is_year(&self) -> bool {
        matches!(self, FieldPath::Report(ReportField::FiscalYear) | FieldPath::Ita(ItaField::AssessedYear))
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FieldPath::*;
        match self {
            Agency(x) => write!(f, "agency.{}", x.key()),
            Report(x) => write!(f, "report.{}", x.key()),
            Ita(x) => write!(f, "ita.{}", x.key()),
            Indicator(i, y) => write!(f, "ita.indicators.{i}.{}", y.key()),
            IndicatorText(i, x) => write!(f, "ita.indicators.{i}.{}", x.key()),
            Sub(i, j, x) => write!(f, "ita.indicators.{i}.subs.{j}.{}", x.key()),
            Analysis(x) => write!(f, "analysis.{}", x.key()),
            Text(x) => write!(f, "texts.{}", x.key()),
            Measures => f.write_str("measures"),
            Group(id, x) => write!(f, "group.{id}.{}", x.key()),
            Measure(id, x) => write!(f, "measure.{id}.{}", x.key()),
            Photo(id, i) => write!(f, "measure.{id}.photos.{i}"),
            Recommendations => f.write_str("recommendations"),
            Recommendation(i) => write!(f, "recommendations.{i}"),
            Memo(x) => write!(f, "memo.{}", x.key()),
            MemoParagraph(i) => write!(f, "memo.body.{i}"),
            Signer(role, x) => write!(f, "signers.{}.{}", role.key(), x.key()),
            Parts => f.write_str("options.parts"),
        }
    }
}

/// Text that is not a field path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotAPath(pub String);

impl FromStr for FieldPath {
    type Err = NotAPath;

    fn from_str(s: &str) -> Result<Self, NotAPath> {
        use FieldPath::*;
        let fail = || NotAPath(s.to_string());
        let (head, rest) = s.split_once('.').unwrap_or((s, ""));
        let index = |t: &str| t.parse::<usize>().ok();
        let path = match head {
            "agency" => AgencyField::from_key(rest).map(Agency),
            "report" => ReportField::from_key(rest).map(Report),
            "ita" => match rest.strip_prefix("indicators.").and_then(|r| r.split_once('.')) {
                Some((i, k)) => index(i).filter(|i| *i < MAX_INDICATORS).and_then(|i| {
                    if let Some((j, k)) = k.strip_prefix("subs.").and_then(|r| r.split_once('.')) {
                        return Some(Sub(i, index(j)?, SubField::from_key(k)?));
                    }
                    match ScoreYear::from_key(k) {
                        Some(y) => Some(Indicator(i, y)),
                        None => Some(IndicatorText(i, IndicatorField::from_key(k)?)),
                    }
                }),
                None => ItaField::from_key(rest).map(Ita),
            },
            "analysis" => AnalysisField::from_key(rest).map(Analysis),
            "texts" => TextField::from_key(rest).map(Text),
            "measures" if rest.is_empty() => Some(Measures),
            // Ids may hold anything but the field key is last.
            "group" => rest.rsplit_once('.').and_then(|(id, k)| Some(Group(id.to_string(), GroupField::from_key(k)?))),
            "measure" => match rest.rsplit_once(".photos.") {
                Some((id, i)) => index(i).map(|i| Photo(id.to_string(), i)),
                None => {
                    rest.rsplit_once('.').and_then(|(id, k)| Some(Measure(id.to_string(), MeasureField::from_key(k)?)))
                }
            },
            "recommendations" if rest.is_empty() => Some(Recommendations),
            "recommendations" => index(rest).map(Recommendation),
            "memo" => match rest.strip_prefix("body.") {
                Some(i) => index(i).map(MemoParagraph),
                None => MemoField::from_key(rest).map(Memo),
            },
            "options" if rest == "parts" => Some(Parts),
            "signers" => rest
                .rsplit_once('.')
                .and_then(|(role, k)| Some(Signer(SignerRole::from_key(role)?, SignerField::from_key(k)?))),
            _ => None,
        };
        path.ok_or_else(fail)
    }
}

impl Serialize for FieldPath {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for FieldPath {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(|e: NotAPath| serde::de::Error::custom(format!("not a field path: {}", e.0)))
    }
}

/// Reads a map keyed by field paths, dropping keys that are not paths (written by an older
/// build that addressed measures by position): a draft never fails to open over them.
pub fn lenient_path_map<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<std::collections::BTreeMap<FieldPath, String>, D::Error> {
    let raw = std::collections::BTreeMap::<String, String>::deserialize(d)?;
    Ok(raw.into_iter().filter_map(|(k, v)| Some((k.parse().ok()?, v))).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_path_reads_back_from_its_text() {
        let mut paths = vec![
            FieldPath::Measures,
            FieldPath::Parts,
            FieldPath::Recommendations,
            FieldPath::Recommendation(3),
            FieldPath::MemoParagraph(1),
            FieldPath::Indicator(9, ScoreYear::Current),
            FieldPath::Indicator(12, ScoreYear::Previous),
            FieldPath::IndicatorText(3, IndicatorField::Name),
            FieldPath::IndicatorText(11, IndicatorField::Tool),
            FieldPath::Sub(9, 1, SubField::Name),
            FieldPath::Sub(9, 0, SubField::Current),
            FieldPath::Photo("m-1.x".into(), 2),
        ];
        paths.extend(AgencyField::ALL.iter().map(|&f| FieldPath::Agency(f)));
        paths.extend(ReportField::ALL.iter().map(|&f| FieldPath::Report(f)));
        paths.extend(ItaField::ALL.iter().map(|&f| FieldPath::Ita(f)));
        paths.extend(AnalysisField::ALL.iter().map(|&f| FieldPath::Analysis(f)));
        paths.extend(TextField::ALL.iter().map(|&f| FieldPath::Text(f)));
        paths.extend(GroupField::ALL.iter().map(|&f| FieldPath::Group("g-7".into(), f)));
        paths.extend(MeasureField::ALL.iter().map(|&f| FieldPath::Measure("m.9".into(), f)));
        paths.extend(MemoField::ALL.iter().map(|&f| FieldPath::Memo(f)));
        for role in SignerRole::FIXED.into_iter().chain([SignerRole::Reviewer(0), SignerRole::Reviewer(12)]) {
            paths.extend(SignerField::ALL.iter().map(|&f| FieldPath::Signer(role, f)));
        }
        for p in paths {
            let text = p.to_string();
            assert_eq!(text.parse::<FieldPath>(), Ok(p.clone()), "{text}");
            let json = serde_json::to_string(&p).unwrap();
            assert_eq!(serde_json::from_str::<FieldPath>(&json).unwrap(), p);
        }
    }

    #[test]
    fn text_that_is_no_path_is_refused() {
        for s in [
            "",
            "agency",
            "agency.nope",
            "ita.indicators.30.previous",
            "ita.indicators.2.subs.x.name",
            "ita.indicators.2.nope",
            "measures.0.measures.1.name",
            "memo.body.x",
            "signers.reviewers.x.name",
        ] {
            assert!(s.parse::<FieldPath>().is_err(), "{s}");
        }
    }

    #[test]
    fn the_stored_text_of_number_fields_is_unchanged() {
        // Drafts saved by earlier builds keep typed text under these keys.
        assert_eq!(FieldPath::Ita(ItaField::Score).to_string(), "ita.score");
        assert_eq!(FieldPath::Indicator(3, ScoreYear::Previous).to_string(), "ita.indicators.3.previous");
        assert_eq!(FieldPath::Report(ReportField::FiscalYear).to_string(), "report.fiscal_year");
    }
}
