//! The engine (fonts + word list, loaded once) and the per-document typesetter that caches
//! shaped words.

use super::fonts::{FontError, Fonts, Weight};
use super::segment::{Dictionary, WithNames};
use super::shape::{shape, Shaped};
use super::structure::{NodeId, Structure};
use std::collections::HashMap;
use std::rc::Rc;

/// Everything typesetting needs that is expensive to load: fonts and the Thai word list.
pub struct Engine {
    pub fonts: Fonts,
    pub dict: Dictionary,
}

impl Engine {
    pub fn new(regular: &'static [u8], bold: &'static [u8], words: &str) -> Result<Self, FontError> {
        Ok(Engine { fonts: Fonts::new(regular, bold)?, dict: Dictionary::from_text(words) })
    }

    /// The engine with the fonts and word list compiled into the binary (the CLI and tests;
    /// the browser app fetches the same files on demand instead, see `app::engine`, so they
    /// are not part of its first load).
    pub fn embedded() -> &'static Engine {
        static ENGINE: std::sync::OnceLock<Engine> = std::sync::OnceLock::new();
        ENGINE.get_or_init(|| {
            Engine::new(super::fonts::SARABUN_REGULAR, super::fonts::SARABUN_BOLD, THAI_WORDS)
                .expect("bundled fonts are valid")
        })
    }
}

/// PyThaiNLP's Thai word list (CC0), one word a line.
pub const THAI_WORDS: &str = include_str!("../../public/data/thai-words.txt");

/// Lays out one document; remembers every piece of text it has shaped.
pub struct Typesetter<'e> {
    pub engine: &'e Engine,
    /// Shaped text by weight (regular, bold).
    shaped: [HashMap<String, Rc<Shaped>>; 2],
    /// Names in this document that must never be broken (see `segment::WithNames`).
    names: Vec<String>,
    /// The document's body text size (page numbers, hand-writing lines).
    pub body_size: f32,
    /// The logical structure laid out so far, and the element new content goes into.
    pub structure: Structure,
    pub parent: Option<NodeId>,
}

impl<'e> Typesetter<'e> {
    pub fn new(engine: &'e Engine) -> Self {
        Typesetter {
            engine,
            shaped: [HashMap::new(), HashMap::new()],
            names: Vec::new(),
            body_size: 16.0,
            structure: Structure::default(),
            parent: None,
        }
    }

    /// Adds names (agency, places, people) that lines must not break inside.
    pub fn with_names(mut self, names: &[String]) -> Self {
        self.names = names.iter().filter(|n| n.chars().count() > 1).cloned().collect();
        self
    }

    /// The words line breaking uses: the engine's dictionary and this document's names.
    pub fn lexicon(&self) -> WithNames<'_> {
        WithNames { dict: &self.engine.dict, names: &self.names }
    }

    pub fn shape(&mut self, weight: Weight, text: &str) -> Rc<Shaped> {
        let cache = &mut self.shaped[weight as usize];
        if let Some(s) = cache.get(text) {
            return s.clone();
        }
        let s = Rc::new(shape(self.engine.fonts.face(weight), text));
        cache.insert(text.to_owned(), s.clone());
        s
    }

    /// Width in points of `text` set in one line.
    pub fn width(&mut self, text: &str, weight: Weight, size: f32) -> f32 {
        self.shape(weight, text).advance * size
    }
}
