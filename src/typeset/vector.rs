//! Vector graphics drawn as PDF paths: the Garuda emblem and words drawn as outlines.
//!
//! `from_svg` reads the simple SVG subset our assets use (filled `<path>` elements, one
//! optional `translate` on an enclosing group); path data is parsed by `svgtypes`.

use super::frame::Rect;
use super::style::Rgb;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Segment {
    MoveTo(f32, f32),
    LineTo(f32, f32),
    CubicTo(f32, f32, f32, f32, f32, f32),
    QuadTo(f32, f32, f32, f32),
    Close,
}

#[derive(Clone, Debug, PartialEq)]
pub struct VectorPath {
    pub segments: Vec<Segment>,
    pub fill: Rgb,
    /// 1 is opaque; the watermark lies over the page, see-through.
    pub opacity: f32,
}

/// What a drawing is, for readers of the page (the preview draws the emblem from its
/// own SVG file; a decoration is drawn from its paths).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VectorKind {
    /// The Garuda emblem of the memo.
    Emblem,
    /// Not content: on the page for the eye only (the tagged PDF marks it as an artifact).
    Artifact(Artifact),
}

/// What a drawn, non-content word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Artifact {
    /// The "ร่าง" across a draft's pages.
    Watermark,
    /// "- ๒ -" at the top of a page.
    PageNumber,
    /// "(ต่อ)" where a table row continues from the page before.
    Continued,
    /// A table's header repeated above a row continued from the page before.
    TableHeader,
}

/// Filled paths with the box they occupy (in their own units).
#[derive(Clone, Debug, PartialEq)]
pub struct VectorGraphic {
    pub bounds: Rect,
    pub paths: Vec<VectorPath>,
    pub kind: VectorKind,
}

impl VectorGraphic {
    /// Reads filled paths from SVG text; the bounds are the tight box around all points.
    pub fn from_svg(svg: &str) -> Result<Self, String> {
        let (tx, ty) = find_translate(svg).unwrap_or((0.0, 0.0));
        let mut paths = Vec::new();
        let mut rest = svg;
        while let Some(at) = rest.find("<path") {
            rest = &rest[at..];
            let end = rest.find('>').ok_or("unterminated <path>")?;
            let tag = &rest[..end];
            let d = attribute(tag, " d=").ok_or("path without d")?;
            let fill = fill_of(tag).unwrap_or(Rgb::BLACK);
            let mut segments = Vec::new();
            for seg in svgtypes::SimplifyingPathParser::from(d) {
                let seg = seg.map_err(|e| e.to_string())?;
                // A tenth of a unit (the emblem is 300 units tall: 0.0025 mm on the page) is
                // far below what any printer shows, and short numbers halve the PDF's path data.
                let p =
                    |x: f64, y: f64| (((x + tx) * 10.0).round() as f32 / 10.0, ((y + ty) * 10.0).round() as f32 / 10.0);
                segments.push(match seg {
                    svgtypes::SimplePathSegment::MoveTo { x, y } => {
                        let (x, y) = p(x, y);
                        Segment::MoveTo(x, y)
                    }
                    svgtypes::SimplePathSegment::LineTo { x, y } => {
                        let (x, y) = p(x, y);
                        Segment::LineTo(x, y)
                    }
                    svgtypes::SimplePathSegment::CurveTo { x1, y1, x2, y2, x, y } => {
                        let (x1, y1) = p(x1, y1);
                        let (x2, y2) = p(x2, y2);
                        let (x, y) = p(x, y);
                        Segment::CubicTo(x1, y1, x2, y2, x, y)
                    }
                    svgtypes::SimplePathSegment::Quadratic { x1, y1, x, y } => {
                        let (x1, y1) = p(x1, y1);
                        let (x, y) = p(x, y);
                        Segment::QuadTo(x1, y1, x, y)
                    }
                    svgtypes::SimplePathSegment::ClosePath => Segment::Close,
                });
            }
            paths.push(VectorPath { segments, fill, opacity: 1.0 });
            rest = &rest[end..];
        }
        if paths.is_empty() {
            return Err("no paths".into());
        }
        let bounds = bounds_of(&paths);
        Ok(VectorGraphic { bounds, paths, kind: VectorKind::Emblem })
    }
}

pub(crate) fn bounds_of(paths: &[VectorPath]) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
    let mut add = |x: f32, y: f32| {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    };
    for seg in paths.iter().flat_map(|p| &p.segments) {
        match *seg {
            Segment::MoveTo(x, y) | Segment::LineTo(x, y) => add(x, y),
            Segment::CubicTo(a, b, c, d, x, y) => {
                add(a, b);
                add(c, d);
                add(x, y)
            }
            Segment::QuadTo(a, b, x, y) => {
                add(a, b);
                add(x, y)
            }
            Segment::Close => {}
        }
    }
    Rect::new(x0, y0, x1 - x0, y1 - y0)
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(name)? + name.len();
    let quote = tag[at..].chars().next()?;
    let body = &tag[at + 1..];
    Some(&body[..body.find(quote)?])
}

fn fill_of(tag: &str) -> Option<Rgb> {
    let style = attribute(tag, " style=").unwrap_or("");
    let hex = style.split(';').find_map(|kv| kv.trim().strip_prefix("fill:")).or_else(|| attribute(tag, " fill="))?;
    let hex = hex.trim().strip_prefix('#')?;
    if hex.len() != 6 {
        return None;
    }
    let v = u32::from_str_radix(hex, 16).ok()?;
    Some(Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8))
}

fn find_translate(svg: &str) -> Option<(f64, f64)> {
    let at = svg.find("translate(")? + "translate(".len();
    let inner = &svg[at..at + svg[at..].find(')')?];
    let mut nums = inner.split([',', ' ']).filter(|s| !s.is_empty()).map(|s| s.parse::<f64>());
    Some((nums.next()?.ok()?, nums.next().unwrap_or(Ok(0.0)).ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_paths_and_bounds() {
        let svg = r##"<svg><g transform="translate(10,-5)"><path style="fill:#ff0000" d="M 0 10 L 20 10 L 20 30 Z"/></g></svg>"##;
        let g = VectorGraphic::from_svg(svg).unwrap();
        assert_eq!(g.paths.len(), 1);
        assert_eq!(g.paths[0].fill, Rgb(255, 0, 0));
        assert_eq!(g.bounds, Rect::new(10.0, 5.0, 20.0, 20.0));
    }
}
