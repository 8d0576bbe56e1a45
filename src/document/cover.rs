//! Part B's portrait pages: cover, คำนำ, and the closing (summary, recommendations,
//! signatures).

use super::images::Images;
use super::memo::signature;
use super::style::{body, heading, regular, th, COVER_TITLE, HEADING, INDENT};
use super::DocError;
use crate::catalog::wording;
use crate::model::{Draft, SignerRole};
use crate::typeset::{Align, Block, Numbering, PageSpec, ParaKind, Paragraph, Section, TextStyle, CM};

fn centred(text: &str, style: TextStyle) -> Block {
    Block::Para(Paragraph::text(text, style).align(Align::Center))
}

pub fn cover_and_preface(d: &Draft, images: &Images) -> Result<Vec<Section>, DocError> {
    let digits = d.options.digits;
    let a = &d.agency;
    let mut cover = Vec::new();
    // The ITA disclosure item the document answers, at the top right as agencies mark it.
    let item = d.report.oit_item.trim();
    if item.is_empty() {
        cover.push(Block::Space(2.0 * CM));
    } else {
        cover.push(Block::Para(Paragraph::text(digits.apply(item), TextStyle::bold(HEADING)).align(Align::Right)));
        cover.push(Block::Space(2.0 * CM - HEADING * 1.6));
    }
    if let Some(id) = &a.logo {
        cover.push(Block::Image {
            image: images.get(id)?,
            max_w: 5.0 * CM,
            max_h: 4.0 * CM,
            align: Align::Center,
            alt: format!("ตราสัญลักษณ์{}", a.full_name()),
        });
        cover.push(Block::Space(1.0 * CM));
    } else {
        cover.push(Block::Space(4.0 * CM));
    }
    let title = TextStyle::bold(COVER_TITLE);
    // The long title breaks where it reads best, not where the width runs out.
    let full_title = wording::report_title(d);
    let title_text = match full_title.split_once("คุณธรรม") {
        Some((a, b)) if !a.is_empty() => format!("{a}\nคุณธรรม{b}"),
        _ => full_title,
    };
    cover.push(Block::Para(
        Paragraph::text(title_text, title).align(Align::Center).leading(1.6).kind(ParaKind::Heading(1)),
    ));
    cover.push(Block::Space(0.4 * CM));
    cover.push(centred(&digits.apply(&format!("ประจำปีงบประมาณ พ.ศ. {}", d.report.fiscal_year)), title));
    let round = wording::round_text(d);
    if !round.is_empty() {
        cover.push(centred(&round, TextStyle::bold(HEADING)));
    }
    cover.push(Block::Space(3.5 * CM));
    cover.push(centred(&a.full_name(), TextStyle::bold(th(22.0))));
    let place: Vec<String> = [("อำเภอ", &a.district), ("จังหวัด", &a.province)]
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(w, v)| format!("{w}{}", v.trim()))
        .collect();
    if !place.is_empty() {
        cover.push(centred(&place.join(" "), TextStyle::bold(th(20.0))));
    }
    cover.push(Block::Space(5.0 * CM));
    if !a.unit.trim().is_empty() {
        cover.push(centred("จัดทำโดย", TextStyle::bold(th(18.0))));
        cover.push(centred(&format!("{} {}", a.unit.trim(), a.full_name()), TextStyle::regular(th(18.0))));
    }

    let mut preface = vec![Block::Para(heading("คำนำ", th(20.0)).space_after(12.0))];
    let text = d.texts.preface.clone().unwrap_or_else(|| wording::preface(d));
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        preface.push(Block::Para(body(&digits.apply(&para.replace('\n', " "))).space_after(6.0)));
    }
    // The sign-off, centred in the right half, as prefaces are signed.
    let (who, when) = wording::preface_signoff(d);
    let signoff: Vec<Block> = [who, when]
        .iter()
        .filter(|l| !l.is_empty())
        .map(|l| Block::Para(Paragraph::text(l, regular()).align(Align::Center)))
        .collect();
    preface.push(Block::Space(0.8 * CM));
    preface.push(Block::Columns(vec![(0.8, vec![]), (1.2, signoff)]));

    Ok(vec![
        Section { page: PageSpec::portrait(), numbering: Numbering { from: 2, restart: true }, blocks: cover },
        Section { page: PageSpec::portrait(), numbering: Numbering { from: 1, restart: false }, blocks: preface },
    ])
}

/// สรุปผลและข้อเสนอแนะ and the closing signatures.
pub fn closing(d: &Draft, images: &Images) -> Result<Section, DocError> {
    let digits = d.options.digits;
    let mut blocks = Vec::new();
    let recs: Vec<&String> = d.recommendations.iter().filter(|r| !r.trim().is_empty()).collect();
    if !recs.is_empty() && d.options.parts.recommendations {
        blocks.push(Block::Para(heading("สรุปผลและข้อเสนอแนะ", HEADING)));
        // Each recommendation is item n; its own "- " lines are sub-items under it.
        let text: String = recs
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut lines = r.trim().lines();
                let first = super::lists::strip_number(lines.next().unwrap_or(""));
                std::iter::once(format!("{}. {first}", i + 1))
                    .chain(lines.map(|l| l.trim().to_string()))
                    .collect::<Vec<_>>()
                    .join("\n")
            })
            .collect::<Vec<_>>()
            .join("\n");
        for p in super::lists::paragraphs(&text, regular(), digits, INDENT * 0.4, super::paragraph_leading()) {
            blocks.push(Block::Para(p.align(Align::Justify).space_after(3.0)));
        }
        blocks.push(Block::Space(0.8 * CM));
    }
    let s = &d.signers;
    let label = |role: SignerRole| s.label(role).unwrap_or_default();
    let mut sigs = vec![signature(&s.reporter, images, digits, "", Some(&label(SignerRole::Reporter)))?];
    if let Some(second) = &s.second {
        sigs.push(Block::Space(0.4 * CM));
        sigs.push(signature(second, images, digits, "", Some(&label(SignerRole::Second)))?);
    }
    blocks.push(Block::Keep(vec![Block::Columns(vec![(0.8, vec![]), (1.2, sigs)])]));
    Ok(Section { page: PageSpec::portrait(), numbering: Numbering { from: 1, restart: false }, blocks })
}
