//! Justification, kept apart from line building (as parley does): where a line may take
//! extra space, and how much each place takes.
//!
//! Thai is justified between clusters, in small steps that neither the eye nor text
//! extraction reads as spaces; spaces take the rest. Latin words are never letter-spaced.

/// Justification never widens the gap between two Thai clusters by more than this (em):
/// wider gaps read as spaces, to the eye and to text extraction.
const MAX_CLUSTER_STRETCH: f32 = 0.08;
/// When a line has spaces, a space takes this many times the stretch of a cluster gap.
const SPACE_STRETCH_WEIGHT: f32 = 8.0;

/// Glyphs (by index in the line) after which extra space may go.
#[derive(Default)]
pub struct Slots {
    /// The last glyph of a Thai cluster followed by another.
    pub clusters: Vec<usize>,
    /// Space glyphs.
    pub spaces: Vec<usize>,
}

/// Adds `extra` points to the advances (points) of the slots' glyphs; `size` is the line's
/// font size, which caps the cluster gaps.
pub fn distribute(advances: &mut [f32], slots: &Slots, extra: f32, size: f32) {
    let (nc, ns) = (slots.clusters.len() as f32, slots.spaces.len() as f32);
    let per_cluster = if nc > 0.0 {
        let cap = MAX_CLUSTER_STRETCH * size;
        (extra / (nc + SPACE_STRETCH_WEIGHT * ns)).min(cap)
    } else {
        0.0
    };
    let per_space = if ns > 0.0 { (extra - per_cluster * nc) / ns } else { 0.0 };
    for &i in &slots.clusters {
        advances[i] += per_cluster;
    }
    for &i in &slots.spaces {
        advances[i] += per_space;
    }
}
