//! The two faces the document uses (Sarabun Regular and Bold) with their shaping plans.
//!
//! Font bytes are `'static`: natively they are compiled in; in the browser they are fetched
//! once and kept for the life of the page.

use rustybuzz::{script, Direction, Face, Language, ShapePlan};
use std::str::FromStr;

/// Which of the two faces a piece of text uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Weight {
    Regular,
    Bold,
}

/// One font face, ready for shaping.
pub struct FontFace {
    pub data: &'static [u8],
    pub(crate) face: Face<'static>,
    pub(crate) thai_plan: ShapePlan,
    pub(crate) latin_plan: ShapePlan,
    /// Units per em.
    pub upem: f32,
    /// Ascender and descender in em (descender negative), from the hhea table.
    pub ascender: f32,
    pub descender: f32,
    /// A glyph with no outline and no advance (TrueType's NULL), if the font has one.
    pub blank_glyph: Option<u16>,
}

impl FontFace {
    pub fn new(data: &'static [u8]) -> Result<Self, FontError> {
        let face = Face::from_slice(data, 0).ok_or(FontError)?;
        let thai = Language::from_str("th").map_err(|_| FontError)?;
        let thai_plan = ShapePlan::new(&face, Direction::LeftToRight, Some(script::THAI), Some(&thai), &[]);
        let latin_plan = ShapePlan::new(&face, Direction::LeftToRight, Some(script::LATIN), None, &[]);
        let upem = face.units_per_em() as f32;
        let ascender = face.ascender() as f32 / upem;
        let descender = face.descender() as f32 / upem;
        let blank_glyph = (1..4u16).find(|&id| {
            let g = rustybuzz::ttf_parser::GlyphId(id);
            face.glyph_hor_advance(g) == Some(0) && face.glyph_bounding_box(g).is_none()
        });
        Ok(FontFace { data, face, thai_plan, latin_plan, upem, ascender, descender, blank_glyph })
    }
}

/// The font bytes could not be read as an OpenType font.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FontError;

impl std::fmt::Display for FontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("font data is not a usable TrueType/OpenType font")
    }
}

impl std::error::Error for FontError {}

/// Regular and bold faces.
pub struct Fonts {
    pub regular: FontFace,
    pub bold: FontFace,
}

impl Fonts {
    pub fn new(regular: &'static [u8], bold: &'static [u8]) -> Result<Self, FontError> {
        Ok(Fonts { regular: FontFace::new(regular)?, bold: FontFace::new(bold)? })
    }

    pub fn face(&self, weight: Weight) -> &FontFace {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

/// Sarabun Regular, as shipped in `public/fonts/`.
pub const SARABUN_REGULAR: &[u8] = include_bytes!("../../public/fonts/Sarabun-Regular.ttf");
/// Sarabun Bold, as shipped in `public/fonts/`.
pub const SARABUN_BOLD: &[u8] = include_bytes!("../../public/fonts/Sarabun-Bold.ttf");
