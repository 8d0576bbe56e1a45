//! The images a draft refers to (photos, signatures, logo), by id, and the Garuda emblem.

use super::DocError;
use crate::typeset::{ImageData, VectorGraphic};
use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Image bytes by id, as the draft refers to them.
#[derive(Clone, Debug, Default)]
pub struct Images {
    by_id: HashMap<String, Arc<ImageData>>,
}

impl Images {
    pub fn new() -> Self {
        Images::default()
    }

    /// Adds an image; fails with a Thai message when the bytes are not a usable JPEG/PNG.
    pub fn insert(&mut self, id: impl Into<String>, bytes: Vec<u8>) -> Result<(), DocError> {
        let id = id.into();
        let data = ImageData::from_bytes(bytes).map_err(|e| DocError::BadImage(id.clone(), e))?;
        self.by_id.insert(id, Arc::new(data));
        Ok(())
    }

    pub fn get(&self, id: &str) -> Result<Arc<ImageData>, DocError> {
        self.by_id.get(id).cloned().ok_or_else(|| DocError::MissingImage(id.to_string()))
    }

    /// The id an image was inserted under.
    pub fn id_of(&self, image: &Arc<ImageData>) -> Option<&str> {
        self.by_id.iter().find(|(_, v)| Arc::ptr_eq(v, image)).map(|(k, _)| k.as_str())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }
}

/// The Garuda emblem (public domain; see public/garuda.md), parsed once.
pub fn garuda() -> Arc<VectorGraphic> {
    static GARUDA: OnceLock<Arc<VectorGraphic>> = OnceLock::new();
    GARUDA
        .get_or_init(|| {
            Arc::new(
                VectorGraphic::from_svg(include_str!("../../public/garuda.svg")).expect("the bundled emblem parses"),
            )
        })
        .clone()
}
