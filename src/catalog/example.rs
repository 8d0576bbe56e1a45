//! The example draft the app opens with (อบต.เขาสมอคอน), so a newcomer sees a full report
//! at once. It is app data (`example.json`); the tests read it as seed 002
//! (`tests/drafts/seed-002.json` links to it).

use crate::model::{load_draft, Draft};

pub const EXAMPLE_DRAFT_JSON: &str = include_str!("example.json");

/// The example, marked as such (its name says ตัวอย่าง, the wizard offers the officer's own).
pub fn example_draft() -> Draft {
    let mut d = load_draft(EXAMPLE_DRAFT_JSON).expect("the bundled example draft is valid");
    d.example = true;
    d
}
