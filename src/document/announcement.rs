//! The announcement (ประกาศ) that puts the year's measures in force, signed by the chief
//! executive: emblem, title, subject, body, date and signature (ระเบียบงานสารบรรณ, แบบประกาศ).

use super::images::Images;
use super::memo::signature;
use super::style::{body, regular, BODY, MEMO_UNIT_LABEL};
use super::DocError;
use crate::catalog::wording;
use crate::model::Draft;
use crate::typeset::{Align, Block, Numbering, PageSpec, ParaKind, Paragraph, Section, TextStyle, CM};

pub fn announcement(d: &Draft, images: &Images) -> Result<Section, DocError> {
    let digits = d.options.digits;
    let (title, about, paragraphs) = wording::announcement(d);
    let centred = |text: &str, style: TextStyle| Paragraph::text(text, style).align(Align::Center);
    let mut blocks = vec![
        Block::Graphic {
            graphic: super::images::garuda(),
            height: 3.0 * CM,
            align: Align::Center,
            alt: "ตราครุฑ".into(),
        },
        Block::Space(0.3 * CM),
        Block::Para(centred(&title, TextStyle::bold(MEMO_UNIT_LABEL)).kind(ParaKind::Heading(1))),
        Block::Para(centred(&about, TextStyle::bold(BODY))),
        Block::Para(centred("-------------------------------------", regular())),
        Block::Space(0.2 * CM),
    ];
    for p in paragraphs {
        blocks.push(Block::Para(body(&p).space_after(0.15 * CM)));
    }
    // The date as written by hand when none is set: ประกาศ ณ วันที่ …… เดือน …… พ.ศ. ….
    let date = match d.memo.date {
        Some(dt) => format!("ประกาศ ณ วันที่ {}", dt.long(digits)),
        None => "ประกาศ ณ วันที่ ............ เดือน .......................... พ.ศ. ............".to_string(),
    };
    blocks.push(Block::Space(0.3 * CM));
    blocks.push(Block::Para(Paragraph::text(date, regular()).left_indent(6.0 * CM)));
    let chief = d.agency.chief_title();
    let sign = signature(&d.signers.executive, images, digits, &chief, None)?;
    blocks.push(Block::Keep(vec![Block::Columns(vec![(0.8, vec![]), (1.2, vec![sign])])]));
    Ok(Section { page: PageSpec::portrait(), numbering: Numbering { from: 1, restart: false }, blocks })
}
