//! The seven steps of the wizard, one screen each.

pub mod agency;
pub mod ita;
pub mod measures;
pub mod memo;
pub mod photos;
pub mod report;
pub mod review;
