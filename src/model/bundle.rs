//! The export file: one JSON document holding a draft and the images it refers to, so a
//! draft moves between devices (and to the CLI) as a single file.

use super::draft::Draft;
use super::migrate::{draft_from_value, LoadError};
use base64::Engine as _;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

pub const BUNDLE_FORMAT: &str = "prongsai-draft";

#[derive(Serialize, Deserialize)]
struct BundleFile {
    format: String,
    /// The draft's display name in the app's draft list.
    #[serde(default)]
    name: String,
    draft: Value,
    /// Image id → data URL (data:image/jpeg;base64,…).
    #[serde(default)]
    images: BTreeMap<String, String>,
}

/// A draft with its images and display name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bundle {
    pub name: String,
    pub draft: Draft,
    pub images: BTreeMap<String, Vec<u8>>,
}

fn mime_of(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(&[0x89, b'P', b'N', b'G']) {
        "image/png"
    } else if bytes.starts_with(&[0xFF, 0xD8]) {
        "image/jpeg"
    } else {
        "application/octet-stream"
    }
}

impl Bundle {
    pub fn to_json(&self) -> String {
        let b64 = base64::engine::general_purpose::STANDARD;
        let file = BundleFile {
            format: BUNDLE_FORMAT.into(),
            name: self.name.clone(),
            draft: serde_json::to_value(&self.draft).unwrap_or(Value::Null),
            images: self
                .images
                .iter()
                .map(|(id, bytes)| (id.clone(), format!("data:{};base64,{}", mime_of(bytes), b64.encode(bytes))))
                .collect(),
        };
        serde_json::to_string(&file).unwrap_or_default()
    }

    /// Reads an export file, or a bare draft (no images). Older drafts are migrated.
    pub fn from_json(json: &str) -> Result<Bundle, LoadError> {
        let value: Value = serde_json::from_str(json).map_err(|e| LoadError::NotJson(e.to_string()))?;
        if value.get("format").is_none() {
            return Ok(Bundle { name: String::new(), draft: draft_from_value(value)?, images: BTreeMap::new() });
        }
        let file: BundleFile = serde_json::from_value(value).map_err(|_| LoadError::NotADraft)?;
        if file.format != BUNDLE_FORMAT {
            return Err(LoadError::NotADraft);
        }
        let draft = draft_from_value(file.draft)?;
        let b64 = base64::engine::general_purpose::STANDARD;
        let mut images = BTreeMap::new();
        for (id, url) in file.images {
            let data = url.split_once(";base64,").map(|(_, d)| d).unwrap_or(&url);
            let bytes = b64.decode(data.trim()).map_err(|_| LoadError::BadField(format!("ภาพ \"{id}\" เสียหาย")))?;
            images.insert(id, bytes);
        }
        Ok(Bundle { name: file.name, draft, images })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_with_images() {
        let mut b = Bundle { name: "ร่าง ๑".into(), ..Default::default() };
        b.draft.agency.name = "หนองไฮ".into();
        b.draft.settle();
        b.images.insert("p1".into(), vec![0xFF, 0xD8, 1, 2, 3]);
        let back = Bundle::from_json(&b.to_json()).unwrap();
        assert_eq!(back, b);
    }

    #[test]
    fn reads_a_bare_draft_and_rejects_foreign_files() {
        let d = Draft::default();
        let b = Bundle::from_json(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(b.draft, d);
        assert_eq!(Bundle::from_json(r#"{"format":"something-else","draft":{}}"#), Err(LoadError::NotADraft));
        let bad = r#"{"format":"prongsai-draft","draft":{"schema":2},"images":{"x":"data:image/png;base64,@@@"}}"#;
        assert!(matches!(Bundle::from_json(bad), Err(LoadError::BadField(_))));
    }
}
