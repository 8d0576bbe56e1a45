//! Proposed wording generated from the draft. The officer may override each text (the
//! model keeps overrides as `Option<String>`); these functions give the proposal used
//! while the override is `None`.
//!
//! Every function writes numbers with the draft's digits, and reads well when the agency
//! name or the ITA scores are still empty: a missing name becomes "หน่วยงาน", a missing
//! score drops its clause instead of leaving a blank.

use crate::model::path::{MemoField, SignerField, TextField};
use crate::model::{AgencyKind, DocumentKind, Draft, FieldPath, Round, SignerRole};
use crate::thai::Digits;
use std::collections::BTreeMap;

const TITLE: &str = "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน";
const MEASURES: &str = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน";
const ITA_FULL: &str = "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ";
const NACC: &str = "สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.)";
const CLOSING: &str = "จึงเรียนมาเพื่อโปรดทราบ และพิจารณาอนุญาตให้เผยแพร่รายงานดังกล่าวบนเว็บไซต์ของหน่วยงานต่อไป";
/// Characters Windows, macOS or Linux refuse in a file name.
const FORBIDDEN_IN_FILE_NAMES: &[char] = &['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

/// The proposal of every proposed field the editor shows, by its path.
pub fn proposals(d: &Draft) -> BTreeMap<FieldPath, String> {
    let mut proposals = BTreeMap::from([
        (FieldPath::Memo(MemoField::Department), memo_department(d)),
        (FieldPath::Memo(MemoField::Subject), memo_subject(d)),
        (FieldPath::Memo(MemoField::Addressee), memo_addressee(d)),
        (FieldPath::Memo(MemoField::Body), memo_body(d).join("\n\n")),
        (FieldPath::Text(TextField::AnalysisSummary), analysis_summary(d)),
        (FieldPath::Signer(SignerRole::Clerk, SignerField::Heading), comment_heading(d, SignerRole::Clerk)),
        (FieldPath::Signer(SignerRole::Executive, SignerField::Heading), comment_heading(d, SignerRole::Executive)),
    ]);
    for i in 0..d.signers.reviewers.len() {
        let role = SignerRole::Reviewer(i);
        proposals.insert(FieldPath::Signer(role, SignerField::Heading), comment_heading(d, role));
    }
    for role in d.signers.roles() {
        proposals.insert(FieldPath::Signer(role, SignerField::Label), role.default_label().to_string());
    }
    proposals
}

/// The heading above a comment in the memo: ความเห็นปลัดองค์การบริหารส่วนตำบล…
/// A reviewer's heading names their position (ความเห็นหัวหน้าสำนักปลัด).
pub fn comment_heading(d: &Draft, role: SignerRole) -> String {
    let title = match role {
        SignerRole::Executive => d.agency.chief_title(),
        SignerRole::Reviewer(i) => {
            let position = d.signers.reviewers.get(i).map(|s| s.position.trim()).unwrap_or_default();
            d.options.digits.apply(position.lines().next().unwrap_or_default())
        }
        _ => d.agency.clerk_title(),
    };
    format!("ความเห็น{title}")
}

/// The title of the document the draft prints: the report, or the measures themselves.
pub fn report_title(d: &Draft) -> String {
    match d.options.document {
        DocumentKind::Report => TITLE.to_string(),
        DocumentKind::Measures => MEASURES.to_string(),
    }
}

/// รายงานผล… ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (รอบ ๑๒ เดือน); for the measures document, the
/// request to approve and announce them.
pub fn memo_subject(d: &Draft) -> String {
    let dg = d.options.digits;
    if d.options.document == DocumentKind::Measures {
        return dg.apply(&format!("ขอความเห็นชอบและประกาศใช้{MEASURES} {}", fiscal_year(d)));
    }
    match d.report.round.label() {
        "" => dg.apply(&format!("{TITLE} {}", fiscal_year(d))),
        round => dg.apply(&format!("{TITLE} {} ({round})", fiscal_year(d))),
    }
}

/// The memo's ส่วนราชการ line: สำนักปลัด องค์การบริหารส่วนตำบลเขาสมอคอน โทร. ๐ ๓๖๔๘ ๘๑๒๓
pub fn memo_department(d: &Draft) -> String {
    let agency = &d.agency;
    let unit = [agency.unit.trim(), &agency.full_name()]
        .iter()
        .filter(|s| !s.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let phone = if agency.phone.trim().is_empty() {
        String::new()
    } else {
        format!(" โทร. {}", d.options.digits.apply(agency.phone.trim()))
    };
    format!("{unit}{phone}")
}

/// นายกองค์การบริหารส่วนตำบลเขาสมอคอน
pub fn memo_addressee(d: &Draft) -> String {
    if d.agency.kind == AgencyKind::Other && d.agency.name.trim().is_empty() {
        return "หัวหน้าหน่วยงาน".to_string();
    }
    d.options.digits.apply(d.agency.chief_title().trim())
}

/// The memo body: background (ตามที่…), what was done (ในการนี้…), and the closing line.
pub fn memo_body(d: &Draft) -> Vec<String> {
    let dg = d.options.digits;
    if d.options.document == DocumentKind::Measures {
        return measures_memo_body(d);
    }
    let (start, end) = d.report.period();
    let background = format!(
        "ตามที่{NACC} ได้ดำเนิน{ITA_FULL} (Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. {} {}ได้นำผลการประเมินดังกล่าวมาวิเคราะห์เพื่อกำหนด{MEASURES} {} พร้อมทั้งประกาศให้บุคลากรถือปฏิบัติ นั้น",
        d.ita.assessed_year,
        result_clause(d),
        fiscal_year(d),
    );
    let when = if d.report.round.has_period() {
        format!(" ในช่วงระยะเวลาตั้งแต่วันที่ {} ถึงวันที่ {}", start.long(Digits::Arabic), end.long(Digits::Arabic))
    } else {
        String::new()
    };
    let report = [fiscal_year(d), d.report.round.label().to_string()].join(" ");
    let facts = format!(
        "ในการนี้ {}ได้ดำเนินการตามมาตรการดังกล่าว{}{when} และได้จัดทำ{TITLE} {} เสร็จเรียบร้อยแล้ว รายละเอียดปรากฏตามเอกสารที่แนบมาพร้อมนี้",
        subject(&unit_and_agency(d)),
        measure_count(d),
        report.trim_end(),
    );
    vec![dg.apply(&background), dg.apply(&facts), CLOSING.to_string()]
}

/// The measures document's memo: the ITA result, the measures made from it, the request.
fn measures_memo_body(d: &Draft) -> Vec<String> {
    let dg = d.options.digits;
    let background = format!(
        "ตามที่{NACC} ได้ดำเนิน{ITA_FULL} (Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. {} {}ได้นำผลการประเมินดังกล่าวมาวิเคราะห์ เพื่อกำหนดมาตรการแก้ไขจุดอ่อนและพัฒนาการดำเนินงาน นั้น",
        d.ita.assessed_year,
        result_clause(d),
    );
    let facts = format!(
        "ในการนี้ {}ได้จัดทำ{MEASURES} {}{} เสร็จเรียบร้อยแล้ว รายละเอียดปรากฏตามเอกสารที่แนบมาพร้อมนี้",
        subject(&unit_and_agency(d)),
        fiscal_year(d),
        measure_count(d),
    );
    let closing = "จึงเรียนมาเพื่อโปรดพิจารณาให้ความเห็นชอบ และลงนามในประกาศ พร้อมทั้งอนุญาตให้เผยแพร่บนเว็บไซต์ของหน่วยงานต่อไป";
    vec![dg.apply(&background), dg.apply(&facts), closing.to_string()]
}

/// The announcement (ประกาศ) of the measures: its title lines and its paragraphs.
pub fn announcement(d: &Draft) -> (String, String, Vec<String>) {
    let dg = d.options.digits;
    let agency = agency_name(d);
    let who = subject(&agency);
    let title = format!("ประกาศ{}", if agency.is_empty() { "หน่วยงาน".to_string() } else { agency.clone() });
    let about = dg.apply(&format!("เรื่อง {MEASURES} {}", fiscal_year(d)));
    let first = format!(
        "เพื่อให้การบริหารราชการของ{who} เป็นไปด้วยความโปร่งใส มีคุณธรรม และตรวจสอบได้ และเพื่อยกระดับผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) {who}จึงได้นำผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {} มาวิเคราะห์ และกำหนด{MEASURES} {}{} รายละเอียดแนบท้ายประกาศนี้",
        d.ita.assessed_year,
        fiscal_year(d),
        measure_count(d),
    );
    let second = "จึงประกาศให้ทราบโดยทั่วกัน และให้บุคลากรทุกคนถือปฏิบัติโดยเคร่งครัด".to_string();
    (title, about, vec![dg.apply(&first), second])
}

/// คำนำ: two paragraphs separated by a blank line, without the closing signature line.
pub fn preface(d: &Draft) -> String {
    let first = format!(
        "{NACC} ได้พัฒนา{ITA_FULL} (Integrity and Transparency Assessment : ITA) ขึ้น เพื่อเป็นมาตรการป้องกันการทุจริตเชิงรุกและเป็นกลไกสร้างความตระหนักให้หน่วยงานภาครัฐดำเนินงานอย่างมีคุณธรรมและโปร่งใส โดยมุ่งหวังให้หน่วยงานนำผลการประเมินไปปรับปรุงและพัฒนาการดำเนินงานของตนอย่างต่อเนื่อง ลดโอกาสที่จะเกิดการทุจริตและประพฤติมิชอบ อันจะส่งผลให้บรรลุเป้าหมายตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นที่ 21 การต่อต้านการทุจริตและประพฤติมิชอบ"
    );
    let second = format!(
        "{}ได้นำผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {} มาวิเคราะห์และกำหนดเป็น{MEASURES} {} และได้จัดทำรายงานผลการดำเนินการตามมาตรการดังกล่าว{} ฉบับนี้ขึ้น เพื่อสรุปผลการดำเนินการ ปัญหาอุปสรรค และแนวทางการพัฒนาในปีต่อไป หวังเป็นอย่างยิ่งว่ารายงานฉบับนี้จะเป็นประโยชน์ต่อการยกระดับคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงาน และต่อการประเมินคุณธรรมและความโปร่งใสในปีถัดไป",
        subject(&agency_with_location(d)),
        d.ita.assessed_year,
        fiscal_year(d),
        match round_text(d).as_str() {
            "" => String::new(),
            round => format!(" {round}"),
        },
    );
    d.options.digits.apply(&format!("{first}\n\n{second}"))
}

/// (unit and agency, month and year) under the preface, e.g.
/// ("สำนักปลัด องค์การบริหารส่วนตำบลเขาสมอคอน", "ตุลาคม ๒๕๖๘").
pub fn preface_signoff(d: &Draft) -> (String, String) {
    let dg = d.options.digits;
    let when = d.memo.date.unwrap_or(d.report.period().1);
    (dg.apply(&unit_and_agency(d)), when.month_year(dg))
}

/// The summary of the ITA analysis: the overall result, the indicators under the
/// threshold (lowest first) and how they became measures.
pub fn analysis_summary(d: &Draft) -> String {
    let overall = overall_sentence(d);
    let weak = weak_sentence(d, overall.is_none());
    let measures = measures_sentence(d, overall.is_none() && weak.is_none());
    let parts: Vec<String> = [overall, weak, Some(measures)].into_iter().flatten().collect();
    d.options.digits.apply(&parts.join(" "))
}

/// รอบ ๖ เดือน (ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘); nothing when the round is not specified.
pub fn round_text(d: &Draft) -> String {
    // The measures are the year's plan: no round.
    if !d.report.round.has_period() || d.options.document == DocumentKind::Measures {
        return String::new();
    }
    let dg = d.options.digits;
    let (start, end) = d.report.period();
    let (from, to) = (start.month_year(dg), end.month_year(dg));
    let span = if from == to { from } else { format!("{from} – {to}") };
    format!("{} ({span})", dg.apply(d.report.round.label()))
}

/// รายงานผลมาตรการ-ITA-๒๕๖๘-๑๒เดือน-อบต.เขาสมอคอน.pdf (O๓๖-… with an OIT item;
/// มาตรการ-… for the measures document)
pub fn pdf_file_name(d: &Draft) -> String {
    let dg = d.options.digits;
    let what = match d.options.document {
        DocumentKind::Report => "รายงานผลมาตรการ",
        DocumentKind::Measures => "มาตรการ",
    };
    let mut parts = Vec::new();
    // The disclosure item first, as agencies file them (O36-…).
    let item = file_safe(&d.report.oit_item);
    if !item.is_empty() {
        parts.push(dg.apply(&item));
    }
    parts.extend([what.to_string(), "ITA".to_string(), dg.number(d.report.fiscal_year)]);
    // Two rounds' reports from one draft must not overwrite each other when saved.
    if d.options.document == DocumentKind::Report {
        match d.report.round {
            Round::SixMonths => parts.push(dg.apply("6เดือน")),
            Round::TwelveMonths => parts.push(dg.apply("12เดือน")),
            Round::Unspecified => {}
        }
    }
    let name = file_safe(&d.agency.name);
    if !name.is_empty() {
        parts.push(dg.apply(&format!("{}{name}", d.agency.kind.short())));
    }
    format!("{}.pdf", parts.join("-"))
}

/// A name fit for a file name: forbidden and control characters dropped, spaces as "-",
/// no trailing "." (which would give "..pdf").
fn file_safe(name: &str) -> String {
    let kept: String = name.chars().filter(|c| !FORBIDDEN_IN_FILE_NAMES.contains(c) && !c.is_control()).collect();
    kept.split_whitespace().collect::<Vec<_>>().join("-").trim_end_matches('.').to_string()
}

// ---- pieces shared by the texts above (digits are applied by the callers) ----

/// ประจำปีงบประมาณ พ.ศ. 2568
fn fiscal_year(d: &Draft) -> String {
    format!("ประจำปีงบประมาณ พ.ศ. {}", d.report.fiscal_year)
}

/// The agency's full name, or "" while its name is empty (the bare prefix would dangle).
fn agency_name(d: &Draft) -> String {
    if d.agency.name.trim().is_empty() {
        String::new()
    } else {
        d.agency.full_name()
    }
}

/// สำนักปลัด องค์การบริหารส่วนตำบลเขาสมอคอน; the unit alone when it already names the agency.
fn unit_and_agency(d: &Draft) -> String {
    let unit = d.agency.unit.trim();
    let agency = agency_name(d);
    if agency.is_empty() || unit.contains(&agency) {
        return unit.to_string();
    }
    join_words(&[unit, agency.as_str()])
}

/// องค์การบริหารส่วนตำบลหนองไฮ อำเภอเมืองอุดรธานี จังหวัดอุดรธานี
fn agency_with_location(d: &Draft) -> String {
    let agency = agency_name(d);
    if agency.is_empty() {
        return agency;
    }
    let district = place("อำเภอ", &d.agency.district);
    let province = place("จังหวัด", &d.agency.province);
    join_words(&[agency.as_str(), district.as_str(), province.as_str()])
}

/// "อำเภอ" + name, tolerating a name typed with the word already; "" when empty.
fn place(word: &str, name: &str) -> String {
    let name = name.trim();
    let name = name.strip_prefix(word).unwrap_or(name).trim();
    if name.is_empty() {
        String::new()
    } else {
        format!("{word}{name}")
    }
}

/// A name as the subject of a verb: "องค์การบริหารส่วนตำบลเขาสมอคอน " (official Thai sets a
/// space after a proper name) or the plain "หน่วยงาน" when there is no name yet.
fn subject(name: &str) -> String {
    if name.is_empty() {
        "หน่วยงาน".to_string()
    } else {
        format!("{name} ")
    }
}

fn join_words(words: &[&str]) -> String {
    words.iter().map(|w| w.trim()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Scores as the NACC publishes them: 92.84, 100.00.
fn score(v: f32) -> String {
    format!("{v:.2}")
}

/// Who got which result, ending where "ได้นำผลการประเมิน…" continues:
/// "ซึ่งองค์การ… ได้คะแนน 92.84 คะแนน อยู่ในระดับ A และ", or "และองค์การ… " when no result is known.
fn result_clause(d: &Draft) -> String {
    let who = subject(&agency_name(d));
    let level = d.ita.level_or_derived();
    let result = match d.ita.score {
        Some(s) if !level.is_empty() => format!("ได้คะแนน {} คะแนน อยู่ในระดับ {level}", score(s)),
        Some(s) => format!("ได้คะแนน {} คะแนน", score(s)),
        None if !level.is_empty() => format!("มีผลการประเมินอยู่ในระดับ {level}"),
        None => return format!("และ{who}"),
    };
    format!("ซึ่ง{who}{result} และ")
}

/// " จำนวน 12 มาตรการ", or "" when no measure has been entered.
fn measure_count(d: &Draft) -> String {
    let n: usize = d.measures.iter().map(|g| g.measures.len()).sum();
    if n == 0 {
        String::new()
    } else {
        format!(" จำนวน {n} มาตรการ")
    }
}

fn overall_sentence(d: &Draft) -> Option<String> {
    let level = d.ita.level_or_derived();
    let result = match d.ita.score {
        Some(s) if !level.is_empty() => format!("ได้คะแนนในภาพรวม {} คะแนน อยู่ในระดับ {level}", score(s)),
        Some(s) => format!("ได้คะแนนในภาพรวม {} คะแนน", score(s)),
        None if !level.is_empty() => format!("อยู่ในระดับ {level}"),
        None => return None,
    };
    Some(format!(
        "ผล{ITA_FULL} (ITA) ประจำปีงบประมาณ พ.ศ. {} ของ{} {result}",
        d.ita.assessed_year,
        non_empty_or(agency_name(d), "หน่วยงาน"),
    ))
}

/// The weak indicators, lowest first; None when no indicator score was entered.
fn weak_sentence(d: &Draft, name_the_year: bool) -> Option<String> {
    if !has_indicator_scores(d) {
        return None;
    }
    let lead = if name_the_year {
        format!("จากการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {} รายตัวชี้วัด พบว่า", d.ita.assessed_year)
    } else {
        "จากการวิเคราะห์ผลการประเมินรายตัวชี้วัด พบว่า".to_string()
    };
    let under = format!("ได้คะแนนต่ำกว่า {} คะแนน", d.ita.threshold);
    let names: Vec<String> = d.ita.weak_indicators().into_iter().map(|n| weak_indicator(d, n)).collect();
    // An indicator without a score is unknown, never counted as passed.
    let count = d.ita.indicators.len();
    let unknown: Vec<String> = (1..=count)
        .filter(|&n| d.ita.indicators.get(n - 1).is_none_or(|s| s.previous.is_none()))
        .map(|n| n.to_string())
        .collect();
    let known = count - unknown.len();
    let sentence = match names.len() {
        0 if unknown.is_empty() => format!("{lead}ไม่มีตัวชี้วัดใด{under}"),
        0 => format!("{lead}ในตัวชี้วัดที่มีคะแนน {known} ตัวชี้วัด ไม่มีตัวชี้วัดใด{under}"),
        1 => format!("{lead}ตัวชี้วัดที่{under} คือ {}", names[0]),
        n => format!("{lead}มีตัวชี้วัดที่{under} จำนวน {n} ตัวชี้วัด เรียงจากคะแนนต่ำสุด ได้แก่ {}", thai_list(&names)),
    };
    Some(match unknown.as_slice() {
        [] => sentence,
        [one] => format!("{sentence} ส่วนตัวชี้วัดที่ {one} ยังไม่มีข้อมูลคะแนน"),
        many => format!("{sentence} ส่วนตัวชี้วัดที่ {} ยังไม่มีข้อมูลคะแนน", thai_list(many)),
    })
}

/// ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (83.57 คะแนน)
fn weak_indicator(d: &Draft, n: usize) -> String {
    let name = d.ita.indicator_name(n - 1);
    let name = name.as_str();
    let value = d.ita.indicators.get(n - 1).and_then(|s| s.previous);
    let value = value.map(|v| format!(" ({} คะแนน)", score(v))).unwrap_or_default();
    format!("{}{value}", join_words(&[format!("ตัวชี้วัดที่ {n}").as_str(), name]))
}

/// How the findings became measures; names the agency and year when nothing before did.
fn measures_sentence(d: &Draft, first: bool) -> String {
    let plan = format!("{MEASURES} {}", fiscal_year(d));
    if first {
        return format!(
            "{}ได้นำผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {} มาวิเคราะห์และกำหนดเป็น{plan}",
            subject(&agency_name(d)),
            d.ita.assessed_year,
        );
    }
    if !has_indicator_scores(d) {
        // Only the overall result is known: no ground to call it urgent or fine.
        return format!("หน่วยงานได้นำผลการประเมินดังกล่าวมาวิเคราะห์และกำหนดเป็น{plan}");
    }
    let weak = d.ita.weak_indicators();
    if weak.is_empty() {
        return format!("หน่วยงานจึงกำหนด{plan} เพื่อรักษามาตรฐานและพัฒนาการดำเนินงานในทุกตัวชี้วัดให้ดียิ่งขึ้น");
    }
    let those = if weak.len() == 1 {
        "ตัวชี้วัดดังกล่าว"
    } else {
        "ตัวชี้วัดเหล่านี้"
    };
    let answering = measures_answering(d, &weak);
    let count = if answering == 0 {
        String::new()
    } else {
        format!(" โดยมีมาตรการที่มุ่งแก้ไขประเด็นดังกล่าวโดยตรง จำนวน {answering} มาตรการ")
    };
    format!("หน่วยงานจึงนำ{those}มาเป็นประเด็นเร่งด่วนในการกำหนด{plan} ควบคู่กับการรักษามาตรฐานในตัวชี้วัดอื่น{count}")
}

fn has_indicator_scores(d: &Draft) -> bool {
    d.ita.indicators.iter().any(|s| s.previous.is_some())
}

/// Measures in groups that answer one of the weak indicators.
fn measures_answering(d: &Draft, weak: &[usize]) -> usize {
    d.measures
        .iter()
        .filter(|g| g.indicator.is_some_and(|i| weak.contains(&(i as usize))))
        .map(|g| g.measures.len())
        .sum()
}

/// "ก ข และค": Thai lists put และ before the last item only.
fn thai_list(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} และ{last}", init.join(" ")),
    }
}

fn non_empty_or(s: String, fallback: &str) -> String {
    if s.is_empty() {
        fallback.to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Measure, MeasureGroup, Round};
    use crate::thai::BeDate;

    const AGENCY: &str = "องค์การบริหารส่วนตำบลเขาสมอคอน";

    fn draft() -> Draft {
        let mut d = Draft::default();
        d.agency.name = "เขาสมอคอน".into();
        d.agency.district = "ท่าวุ้ง".into();
        d.agency.province = "ลพบุรี".into();
        d.agency.unit = "สำนักปลัด".into();
        d.ita.score = Some(87.41);
        d
    }

    /// Indicator scores with ๔ < ๘ < ๙ under the threshold of 85.
    fn with_weak_indicators(mut d: Draft) -> Draft {
        let scores = [96.28, 98.04, 100.0, 65.29, 96.47, 98.19, 98.48, 80.0, 83.57, 100.0];
        for (s, v) in d.ita.indicators.iter_mut().zip(scores) {
            s.previous = Some(v);
        }
        d
    }

    fn has_thai_digit(s: &str) -> bool {
        s.chars().any(|c| ('๐'..='๙').contains(&c))
    }

    /// Text that reads as typed: no doubled or edge spaces, no empty brackets.
    fn assert_tidy(s: &str) {
        assert!(!s.contains("  "), "double space: {s}");
        assert_eq!(s, s.trim(), "edge space: {s:?}");
        assert!(!s.contains("()") && !s.contains("( "), "empty bracket: {s}");
    }

    #[test]
    fn an_indicator_without_a_score_is_unknown_never_passed() {
        let mut d = crate::catalog::example::example_draft();
        for s in d.ita.indicators.iter_mut() {
            s.previous = Some(95.0);
        }
        d.ita.indicators[2].previous = None;
        d.ita.indicators[4].previous = None;
        let text = analysis_summary(&d);
        assert!(text.contains("ในตัวชี้วัดที่มีคะแนน ๘ ตัวชี้วัด ไม่มีตัวชี้วัดใด"), "{text}");
        assert!(text.contains("ส่วนตัวชี้วัดที่ ๓ และ๕ ยังไม่มีข้อมูลคะแนน"), "{text}");
        // With every score known, nothing is said of unknowns.
        d.ita.indicators[2].previous = Some(95.0);
        d.ita.indicators[4].previous = Some(95.0);
        let text = analysis_summary(&d);
        assert!(text.contains("ไม่มีตัวชี้วัดใด") && !text.contains("ยังไม่มีข้อมูล"), "{text}");
    }

    #[test]
    fn subject_follows_the_digits_option() {
        let mut d = draft();
        let s = memo_subject(&d);
        assert!(s.starts_with(TITLE));
        assert!(s.contains("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ (รอบ ๑๒ เดือน)"), "{s}");
        d.options.digits = Digits::Arabic;
        let s = memo_subject(&d);
        assert!(s.contains("พ.ศ. 2568 (รอบ 12 เดือน)"), "{s}");
        assert!(!has_thai_digit(&s));
    }

    #[test]
    fn addressee_is_the_chief() {
        assert_eq!(memo_addressee(&draft()), "นายกองค์การบริหารส่วนตำบลเขาสมอคอน");
        let mut d = draft();
        d.agency.kind = AgencyKind::Other;
        d.agency.name = String::new();
        assert_eq!(memo_addressee(&d), "หัวหน้าหน่วยงาน");
    }

    #[test]
    fn memo_body_has_background_facts_and_closing() {
        let mut d = draft();
        d.measures.push(MeasureGroup {
            indicator: Some(9),
            measures: vec![Measure::default(); 3],
            ..Default::default()
        });
        let body = memo_body(&d);
        assert_eq!(body.len(), 3);
        assert!(body[0].starts_with("ตามที่"));
        for needle in [AGENCY, "ITA", "พ.ศ. ๒๕๖๗", "๘๗.๔๑ คะแนน", "ระดับ A", "พ.ศ. ๒๕๖๘"]
        {
            assert!(body[0].contains(needle), "{needle} missing: {}", body[0]);
        }
        assert!(body[0].ends_with("นั้น"));
        assert!(body[1].starts_with("ในการนี้ สำนักปลัด องค์การบริหารส่วนตำบลเขาสมอคอน ได้ดำเนินการ"), "{}", body[1]);
        for needle in ["จำนวน ๓ มาตรการ", "ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๗ ถึงวันที่ ๓๐ กันยายน ๒๕๖๘", "รอบ ๑๒ เดือน"]
        {
            assert!(body[1].contains(needle), "{needle} missing: {}", body[1]);
        }
        assert_eq!(body[2], "จึงเรียนมาเพื่อโปรดทราบ และพิจารณาอนุญาตให้เผยแพร่รายงานดังกล่าวบนเว็บไซต์ของหน่วยงานต่อไป");
        body.iter().for_each(|p| assert_tidy(p));
    }

    #[test]
    fn memo_body_without_scores_or_name_has_no_gaps() {
        let mut d = Draft::default();
        d.report.period_end = BeDate::new(2568, 3, 31);
        let body = memo_body(&d);
        assert!(!body[0].contains("คะแนน") && !body[0].contains("ระดับ"), "{}", body[0]);
        assert!(body[0].contains("และหน่วยงานได้นำผลการประเมิน"), "{}", body[0]);
        assert!(!body[0].contains("องค์การบริหารส่วนตำบล"), "bare prefix: {}", body[0]);
        assert!(body[1].starts_with("ในการนี้ หน่วยงานได้ดำเนินการตามมาตรการดังกล่าว ในช่วง"), "{}", body[1]);
        assert!(body[1].contains("ถึงวันที่ ๓๑ มีนาคม ๒๕๖๘"));
        body.iter().for_each(|p| assert_tidy(p));
    }

    #[test]
    fn unit_naming_the_agency_is_not_doubled() {
        let mut d = draft();
        d.agency.unit = "สำนักปลัดองค์การบริหารส่วนตำบลเขาสมอคอน".into();
        assert_eq!(preface_signoff(&d).0, "สำนักปลัดองค์การบริหารส่วนตำบลเขาสมอคอน");
        assert_eq!(memo_body(&d)[1].matches(AGENCY).count(), 1);
    }

    #[test]
    fn preface_names_agency_year_and_round() {
        let mut d = draft();
        d.report.round = Round::SixMonths;
        let p = preface(&d);
        let paragraphs: Vec<&str> = p.split("\n\n").collect();
        assert_eq!(paragraphs.len(), 2);
        assert!(paragraphs[0].contains("ประเด็นที่ ๒๑"));
        assert!(paragraphs[1].starts_with("องค์การบริหารส่วนตำบลเขาสมอคอน อำเภอท่าวุ้ง จังหวัดลพบุรี ได้นำ"), "{}", paragraphs[1]);
        assert!(paragraphs[1].contains("พ.ศ. ๒๕๖๘"));
        assert!(paragraphs[1].contains("รอบ ๖ เดือน (ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘)"));
        paragraphs.iter().for_each(|p| assert_tidy(p));
        d.options.digits = Digits::Arabic;
        assert!(!has_thai_digit(&preface(&d)));
    }

    #[test]
    fn preface_skips_missing_place_names() {
        let mut d = draft();
        d.agency.district = String::new();
        d.agency.province = "จังหวัดลพบุรี".into();
        let p = preface(&d);
        assert!(p.contains("เขาสมอคอน จังหวัดลพบุรี ได้นำ"), "{p}");
        assert!(!p.contains("อำเภอ") && !p.contains("จังหวัดจังหวัด"));
    }

    #[test]
    fn signoff_uses_memo_date_or_period_end() {
        let mut d = draft();
        assert_eq!(preface_signoff(&d), ("สำนักปลัด องค์การบริหารส่วนตำบลเขาสมอคอน".into(), "กันยายน ๒๕๖๘".into()));
        d.memo.date = BeDate::new(2568, 10, 13);
        assert_eq!(preface_signoff(&d).1, "ตุลาคม ๒๕๖๘");
        d.options.digits = Digits::Arabic;
        assert_eq!(preface_signoff(&d).1, "ตุลาคม 2568");
    }

    #[test]
    fn summary_names_the_weakest_indicator_first() {
        let d = with_weak_indicators(draft());
        let s = analysis_summary(&d);
        let pos = |needle: &str| s.find(needle).unwrap_or_else(|| panic!("{needle} missing: {s}"));
        assert!(pos("การใช้ทรัพย์สินของราชการ (๖๕.๒๙ คะแนน)") < pos("การปรับปรุงระบบการทำงาน (๘๐.๐๐ คะแนน)"));
        assert!(pos("การปรับปรุงระบบการทำงาน") < pos("และตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล (๘๓.๕๗ คะแนน)"));
        assert!(s.contains("จำนวน ๓ ตัวชี้วัด"));
        assert!(s.contains("ต่ำกว่า ๘๕ คะแนน"));
        assert!(s.contains("พ.ศ. ๒๕๖๗") && s.contains("๘๗.๔๑") && s.contains("ระดับ A"));
        assert!(!s.contains("ตัวชี้วัดที่ ๑ "), "strong indicator listed: {s}");
        assert_tidy(&s);
    }

    #[test]
    fn summary_reads_well_with_one_weak_indicator() {
        let mut d = with_weak_indicators(draft());
        d.ita.threshold = 70.0;
        d.measures.push(MeasureGroup {
            indicator: Some(4),
            measures: vec![Measure::default(); 2],
            ..Default::default()
        });
        let s = analysis_summary(&d);
        assert!(s.contains("คือ ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ (๖๕.๒๙ คะแนน)"), "{s}");
        assert!(s.contains("ตัวชี้วัดดังกล่าว") && !s.contains("ได้แก่") && !s.contains("และตัวชี้วัดที่"));
        assert!(s.contains("โดยตรง จำนวน ๒ มาตรการ"), "{s}");
        assert_tidy(&s);
    }

    #[test]
    fn summary_reads_well_with_no_weak_indicator() {
        let mut d = with_weak_indicators(draft());
        d.ita.threshold = 50.0;
        let s = analysis_summary(&d);
        assert!(s.contains("ไม่มีตัวชี้วัดใดได้คะแนนต่ำกว่า ๕๐ คะแนน"), "{s}");
        assert!(s.contains("รักษามาตรฐาน") && !s.contains("เร่งด่วน"));
        assert_tidy(&s);
    }

    #[test]
    fn summary_reads_well_without_scores() {
        let mut d = draft();
        d.ita.score = None;
        let s = analysis_summary(&d);
        assert_eq!(
            s,
            "องค์การบริหารส่วนตำบลเขาสมอคอน ได้นำผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ มาวิเคราะห์และกำหนดเป็นมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"
        );
        // Only the overall score: no claim about the indicators either way.
        let s = analysis_summary(&draft());
        assert!(!s.contains("ตัวชี้วัด") && !s.contains("เร่งด่วน"), "{s}");
        // Only indicator scores: the year is still named once.
        let mut d = with_weak_indicators(draft());
        d.ita.score = None;
        let s = analysis_summary(&d);
        assert!(s.starts_with("จากการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๗ รายตัวชี้วัด"), "{s}");
        assert_tidy(&s);
    }

    #[test]
    fn summary_uses_the_published_level() {
        let mut d = draft();
        d.ita.level = "B".into();
        assert!(analysis_summary(&d).contains("อยู่ในระดับ B"));
        d.ita.score = None;
        assert!(memo_body(&d)[0].contains("มีผลการประเมินอยู่ในระดับ B และได้นำ"));
    }

    #[test]
    fn no_round_prints_no_round_and_no_period() {
        let mut d = crate::catalog::example::example_draft();
        d.report.round = Round::Unspecified;
        assert_eq!(round_text(&d), "");
        assert!(!memo_subject(&d).contains('('), "{}", memo_subject(&d));
        let body = memo_body(&d).join(" ");
        assert!(!body.contains("ตั้งแต่วันที่") && !body.contains("รอบ") && !body.contains("  "), "{body}");
        let preface = preface(&d);
        assert!(!preface.contains("รอบ") && !preface.contains("  "), "{preface}");
        assert!(!d.display_name().ends_with(' '), "{}", d.display_name());
    }

    #[test]
    fn round_text_uses_the_period() {
        let mut d = draft();
        d.report.round = Round::SixMonths;
        assert_eq!(round_text(&d), "รอบ ๖ เดือน (ตุลาคม ๒๕๖๗ – มีนาคม ๒๕๖๘)");
        d.report.round = Round::TwelveMonths;
        d.options.digits = Digits::Arabic;
        assert_eq!(round_text(&d), "รอบ 12 เดือน (ตุลาคม 2567 – กันยายน 2568)");
    }

    #[test]
    fn file_name_is_safe() {
        let mut d = draft();
        assert_eq!(pdf_file_name(&d), "รายงานผลมาตรการ-ITA-๒๕๖๘-๑๒เดือน-อบต.เขาสมอคอน.pdf");
        d.report.oit_item = "O36".into();
        d.report.round = Round::SixMonths;
        assert_eq!(pdf_file_name(&d), "O36-รายงานผลมาตรการ-ITA-๒๕๖๘-๖เดือน-อบต.เขาสมอคอน.pdf");
        assert_eq!(pdf_file_name(&d.for_document(DocumentKind::Measures)), "O36-มาตรการ-ITA-๒๕๖๘-อบต.เขาสมอคอน.pdf");
        d.report.oit_item.clear();
        d.report.round = Round::Unspecified;
        d.agency.name = "ห้วย/น้ำ:คำ*".into();
        let name = pdf_file_name(&d);
        assert_eq!(name, "รายงานผลมาตรการ-ITA-๒๕๖๘-อบต.ห้วยน้ำคำ.pdf");
        assert!(!name.chars().any(|c| FORBIDDEN_IN_FILE_NAMES.contains(&c)));
        d.agency.kind = AgencyKind::Other;
        d.agency.name = "สำนักงานเขต บางรัก".into();
        d.options.digits = Digits::Arabic;
        assert_eq!(pdf_file_name(&d), "รายงานผลมาตรการ-ITA-2568-สำนักงานเขต-บางรัก.pdf");
        d.agency.name = " / ".into();
        assert_eq!(pdf_file_name(&d), "รายงานผลมาตรการ-ITA-2568.pdf");
    }

    #[test]
    fn empty_draft_reads_without_gaps() {
        let d = Draft::default();
        let mut texts = vec![memo_subject(&d), memo_addressee(&d), preface(&d), analysis_summary(&d), round_text(&d)];
        texts.extend(memo_body(&d));
        for t in texts.iter().flat_map(|t| t.split("\n\n")) {
            assert_tidy(t);
            assert!(!t.contains(" นั้น นั้น") && !t.contains("ของ "), "{t}");
        }
        assert_eq!(preface_signoff(&d).0, "");
    }

    #[test]
    fn report_title_is_the_fixed_title() {
        assert_eq!(report_title(&draft()), "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน");
    }
}
