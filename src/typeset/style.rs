//! Text styles and colours shared by every block.

use super::fonts::Weight;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    pub const WHITE: Rgb = Rgb(255, 255, 255);
}

/// How a run of text looks.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyle {
    pub weight: Weight,
    /// Font size in points.
    pub size: f32,
    pub color: Rgb,
}

impl TextStyle {
    pub const fn regular(size: f32) -> Self {
        TextStyle { weight: Weight::Regular, size, color: Rgb::BLACK }
    }

    pub const fn bold(size: f32) -> Self {
        TextStyle { weight: Weight::Bold, size, color: Rgb::BLACK }
    }

    pub const fn with_color(mut self, color: Rgb) -> Self {
        self.color = color;
        self
    }
}

/// A run of text in one style.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: TextStyle,
}

impl Span {
    pub fn new(text: impl Into<String>, style: TextStyle) -> Self {
        Span { text: text.into(), style }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Left,
    Center,
    Right,
    /// Thai justification: the extra space of every line but the last is spread over its
    /// spaces, or between its clusters when it has none.
    Justify,
}

/// Points per centimetre.
pub const CM: f32 = 72.0 / 2.54;
