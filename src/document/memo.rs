//! Part A: the บันทึกข้อความ cover memo (ระเบียบงานสารบรรณ, แบบที่ ๒๙).

use super::images::Images;
use super::style::{bold, regular, BODY, INDENT, MEMO_TITLE, MEMO_UNIT_LABEL};
use super::DocError;
use crate::catalog::wording;
use crate::model::{Draft, Signer, SignerRole};
use crate::typeset::{
    Align, Block, Field, Numbering, PageSpec, ParaKind, Paragraph, Section, Signature, Span, TextStyle, CM,
};

/// Height of the signature space above the name.
pub const SIGN_HEIGHT: f32 = 1.1 * CM;
const SIGN_LEADING: f32 = 1.3;

pub fn memo(d: &Draft, images: &Images) -> Result<Section, DocError> {
    let digits = d.options.digits;
    let agency = &d.agency;
    let mut blocks = Vec::new();

    // Emblem top left, บันทึกข้อความ centred on the page beside it.
    blocks.push(Block::Layers(vec![
        Block::Graphic {
            graphic: super::images::garuda(),
            height: 1.5 * CM,
            align: Align::Left,
            alt: "ตราครุฑ".to_string(),
        },
        Block::Para(
            Paragraph::text("บันทึกข้อความ", TextStyle::bold(MEMO_TITLE))
                .align(Align::Center)
                .space_before(0.15 * CM)
                .leading(1.2)
                .kind(ParaKind::Heading(1)),
        ),
    ]));
    blocks.push(Block::Space(0.2 * CM));

    let department = match &d.memo.department {
        Some(own) => digits.apply(own.trim()),
        None => wording::memo_department(d),
    };
    blocks.push(Block::Fields(vec![(
        Field {
            label: Span::new("ส่วนราชการ", TextStyle::bold(MEMO_UNIT_LABEL)),
            value: vec![Span::new(department, regular())],
        },
        1.0,
    )]));
    // ลบ ๗๖๓๐๑/๑๒๓, or ลบ ๗๖๓๐๑/ to be numbered by hand; nothing without a code.
    let code = agency.doc_code.trim();
    let number = if code.is_empty() && d.memo.number.trim().is_empty() {
        String::new()
    } else {
        format!("{}/{}", digits.apply(code), digits.apply(d.memo.number.trim()))
    };
    let date = d.memo.date.map(|dt| dt.long(digits)).unwrap_or_default();
    blocks.push(Block::Fields(vec![
        (Field { label: Span::new("ที่", bold()), value: vec![Span::new(number, regular())] }, 1.0),
        (Field { label: Span::new("วันที่", bold()), value: vec![Span::new(date, regular())] }, 1.0),
    ]));
    let subject = digits.apply(&d.memo.subject.clone().unwrap_or_else(|| wording::memo_subject(d)));
    blocks.push(Block::Fields(vec![(
        Field { label: Span::new("เรื่อง", bold()), value: vec![Span::new(subject, regular())] },
        1.0,
    )]));
    blocks.push(Block::Space(0.15 * CM));

    let addressee = digits.apply(&d.memo.addressee.clone().unwrap_or_else(|| wording::memo_addressee(d)));
    blocks.push(Block::Para(Paragraph::new(vec![
        Span::new("เรียน", regular()),
        Span::new(format!("  {addressee}"), regular()),
    ])));
    blocks.push(Block::Space(0.1 * CM));
    let paragraphs = d.memo.body.clone().unwrap_or_else(|| wording::memo_body(d));
    for text in paragraphs.iter().filter(|t| !t.trim().is_empty()) {
        blocks.extend(super::memo_body::paragraph_blocks(text, digits));
    }

    // The reporter signs on the right half; a second signer below.
    let s = &d.signers;
    let sign_line = |role: SignerRole| d.options.sign_lines.then(|| s.label(role)).flatten();
    blocks.push(right_half(signature(&s.reporter, images, digits, "", sign_line(SignerRole::Reporter).as_deref())?));
    if let Some(second) = &s.second {
        blocks.push(right_half(signature(second, images, digits, "", sign_line(SignerRole::Second).as_deref())?));
    }
    // Comments, two to a row: the reviewers in signing order, then the ปลัด and the นายก
    // side by side as the last row.
    let comment = |role: SignerRole| -> Result<Vec<Block>, DocError> {
        let Some(signer) = s.get(role) else { return Ok(Vec::new()) };
        let heading = signer.heading.clone().unwrap_or_else(|| wording::comment_heading(d, role));
        let default_position = match role {
            SignerRole::Clerk => agency.clerk_title(),
            SignerRole::Executive => agency.chief_title(),
            _ => String::new(),
        };
        comment_block(&heading, signer, &default_position, sign_line(role).as_deref(), images, digits)
    };
    let reviewers: Vec<SignerRole> = (0..s.reviewers.len()).map(SignerRole::Reviewer).collect();
    for pair in reviewers.chunks(2) {
        blocks.push(Block::Space(0.3 * CM));
        let right = match pair.get(1) {
            Some(&r) => comment(r)?,
            None => Vec::new(),
        };
        blocks.push(Block::Keep(vec![Block::SignedColumns(vec![
            (1.0, comment(pair[0])?),
            (0.04, vec![]),
            (1.0, right),
        ])]));
    }
    // Rows of comments are set apart a little more than the reporter from the first row.
    blocks.push(Block::Space(if reviewers.is_empty() { 0.15 } else { 0.3 } * CM));
    blocks.push(Block::SignedColumns(vec![
        (1.0, comment(SignerRole::Clerk)?),
        (0.04, vec![]),
        (1.0, comment(SignerRole::Executive)?),
    ]));

    let page = PageSpec { first_top: Some(1.5 * CM), ..PageSpec::portrait() };
    Ok(Section { page, numbering: Numbering { from: 2, restart: true }, blocks })
}

/// A block in the signing column: the right part of the page, as memos sign.
fn right_half(block: Block) -> Block {
    Block::Columns(vec![(0.75, vec![]), (1.25, vec![block])])
}

/// A signature block: image or space, (name), position (or `default_position` when none
/// was typed), acting line. With `role`, a dotted line "ลงชื่อ …… role" to sign on.
pub fn signature(
    s: &Signer,
    images: &Images,
    digits: crate::thai::Digits,
    default_position: &str,
    role: Option<&str>,
) -> Result<Block, DocError> {
    let image = match &s.signature {
        Some(id) => Some(images.get(id)?),
        None => None,
    };
    let mut lines = Vec::new();
    let name = s.full_name();
    let name = name.as_str();
    // Signature lines sit a little tighter than body text, as typed memos do.
    let line = |text: String| Paragraph::text(text, regular()).leading(SIGN_LEADING);
    lines.push(line(if name.is_empty() {
        "(                                        )".to_string()
    } else {
        format!("({name})")
    }));
    let position = if s.position.trim().is_empty() { default_position } else { s.position.as_str() };
    for text in [position, s.acting.as_str()] {
        for part in text.lines().filter(|l| !l.trim().is_empty()) {
            lines.push(line(digits.apply(part.trim())));
        }
    }
    let sign_line = role.map(|r| (Span::new("ลงชื่อ", regular()), Span::new(r, regular())));
    let image_alt = if name.is_empty() {
        "ลายมือชื่อ".to_string()
    } else {
        format!("ลายมือชื่อ {name}")
    };
    Ok(Block::Signature(Signature { image, image_alt, sign_height: SIGN_HEIGHT, sign_line, lines }))
}

fn comment_block(
    title: &str,
    s: &Signer,
    default_position: &str,
    sign_line: Option<&str>,
    images: &Images,
    digits: crate::thai::Digits,
) -> Result<Vec<Block>, DocError> {
    let mut blocks = vec![Block::Para(Paragraph::text(title, regular()).leading(SIGN_LEADING))];
    if s.comment.trim().is_empty() {
        blocks.push(Block::DottedLines { count: 2, indent: 0.0 });
    } else {
        for line in s.comment.lines().filter(|l| !l.trim().is_empty()) {
            blocks.push(Block::Para(
                Paragraph::text(digits.apply(line.trim()), TextStyle::regular(BODY)).first_indent(INDENT * 0.3),
            ));
        }
    }
    blocks.push(signature(s, images, digits, default_position, sign_line)?);
    Ok(blocks)
}
