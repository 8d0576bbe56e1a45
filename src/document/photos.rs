//! ภาพประกอบ: each measure's photos with captions, two a row, up to four a page.

use super::images::Images;
use super::measures::group_heading;
use super::style::{heading, subheading, CELL_LEADING, HEADING, SMALL};
use super::DocError;
use crate::model::Draft;
use crate::typeset::{Align, Block, Numbering, PageSpec, Paragraph, Section, TextStyle, CM};

pub fn photos(d: &Draft, images: &Images) -> Result<Option<Section>, DocError> {
    let digits = d.options.digits;
    let mut blocks = vec![Block::Para(heading("ภาพประกอบการดำเนินการตามมาตรการ", HEADING))];
    let mut any = false;
    for g in &d.measures {
        for m in g.measures.iter().filter(|m| !m.photos.is_empty()) {
            any = true;
            let group = group_heading(g, &d.ita, digits);
            let title = if group.is_empty() {
                digits.apply(m.name.trim())
            } else {
                format!("{} : {}", group, digits.apply(m.name.trim()))
            };
            blocks.push(Block::Para(subheading(&title)));
            for pair in m.photos.chunks(2) {
                let mut cols = Vec::new();
                for p in pair {
                    let caption = digits.apply(p.caption.trim());
                    let alt = if caption.is_empty() { format!("ภาพประกอบ {title}") } else { caption };
                    let mut cell = vec![Block::Image {
                        image: images.get(&p.image)?,
                        max_w: 7.5 * CM,
                        max_h: 7.0 * CM,
                        align: Align::Center,
                        alt,
                    }];
                    if !p.caption.trim().is_empty() {
                        cell.push(Block::Para(
                            Paragraph::text(digits.apply(p.caption.trim()), TextStyle::regular(SMALL))
                                .align(Align::Center)
                                .space_before(3.0)
                                .leading(CELL_LEADING),
                        ));
                    }
                    cols.push((1.0, cell));
                }
                if cols.len() == 1 {
                    cols.push((1.0, Vec::new()));
                }
                blocks.push(Block::Keep(vec![Block::Columns(cols), Block::Space(0.4 * CM)]));
            }
        }
    }
    Ok(any.then_some(Section { page: PageSpec::portrait(), numbering: Numbering { from: 1, restart: false }, blocks }))
}
