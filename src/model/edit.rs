//! Domain operations that take something out of a draft, and their undo.
//!
//! Every removal returns a `Removed` value holding exactly what was taken and where it was
//! (ids, position, image ids); `Draft::restore` puts it back. `Removed` is plain serde
//! data, so the app can keep a pending undo in session storage and offer it again after a
//! reload.

use super::draft::{Draft, IndicatorScore, Measure, MeasureGroup, Photo, Signer, SignerRole, SubIndicator};
use super::path::FieldPath;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Removed {
    Group {
        index: usize,
        group: MeasureGroup,
    },
    Measure {
        group: String,
        index: usize,
        /// Boxed: a measure is much larger than the other removals.
        measure: Box<Measure>,
    },
    Photo {
        measure: String,
        index: usize,
        photo: Photo,
    },
    Signature {
        role: SignerRole,
        image: String,
    },
    /// The optional second signer, switched off.
    Signer {
        signer: Signer,
    },
    /// A reviewer (ผู้ผ่านงาน) and where they were in the list.
    Reviewer {
        index: usize,
        signer: Signer,
    },
    /// An indicator of the framework, with its scores and sub-indicators.
    Indicator {
        index: usize,
        indicator: IndicatorScore,
        /// Text typed into its score fields that was not a number (`Draft::unparsed`).
        #[serde(default)]
        unparsed: Vec<(FieldPath, String)>,
    },
    SubIndicator {
        indicator: usize,
        index: usize,
        sub: SubIndicator,
        #[serde(default)]
        unparsed: Vec<(FieldPath, String)>,
    },
    /// Texts replaced in one go (stale mentions updated): each field's previous text.
    Texts {
        before: Vec<(FieldPath, String)>,
    },
}

impl Removed {
    /// What the toast says was done.
    pub fn thai(&self) -> String {
        fn named(what: &str, name: &str) -> String {
            let name = name.trim();
            if name.is_empty() {
                format!("ลบ{what}แล้ว")
            } else {
                let short: String = name.chars().take(40).collect();
                let more = if short.len() < name.len() { "…" } else { "" };
                format!("ลบ{what} \"{short}{more}\" แล้ว")
            }
        }
        match self {
            Removed::Group { group, .. } => named("กลุ่มมาตรการ", &group.heading),
            Removed::Measure { measure, .. } => named("มาตรการ", &measure.name),
            Removed::Photo { photo, .. } => named("ภาพ", &photo.caption),
            Removed::Signature { role, .. } => format!("ลบลายมือชื่อ{}แล้ว", role.thai()),
            Removed::Signer { signer } => named("ผู้ลงนามคนที่สอง", &signer.name),
            Removed::Reviewer { signer, .. } => named("ผู้ผ่านงาน", &signer.name),
            Removed::Indicator { index, indicator, .. } => {
                named(&format!("ตัวชี้วัดที่ {}", crate::thai::Digits::Thai.number(index + 1)), &indicator.name)
            }
            Removed::SubIndicator { sub, .. } => named("ตัวชี้วัดย่อย", &sub.name),
            Removed::Texts { before } => {
                format!("ปรับข้อความ {} ช่องให้ตรงกับข้อมูลปัจจุบันแล้ว", crate::thai::Digits::Thai.number(before.len()))
            }
        }
    }
}

/// Why an undo could not be applied.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RestoreError {
    /// The group a measure (or the measure a photo) belonged to is gone too.
    ParentGone,
}

impl RestoreError {
    pub fn thai(&self) -> String {
        match self {
            RestoreError::ParentGone => "เลิกทำไม่ได้ เพราะกลุ่มหรือมาตรการที่เคยอยู่ถูกลบไปแล้ว กรุณาเลิกทำการลบนั้นก่อน".into(),
        }
    }
}

fn shift<T>(list: &mut [T], from: usize, delta: isize) -> bool {
    let to = from as isize + delta;
    if to < 0 || to as usize >= list.len() || from >= list.len() {
        return false;
    }
    list.swap(from, to as usize);
    true
}

impl Draft {
    pub fn group_index(&self, id: &str) -> Option<usize> {
        self.measures.iter().position(|g| g.id == id)
    }

    pub fn remove_group(&mut self, id: &str) -> Option<Removed> {
        let index = self.group_index(id)?;
        Some(Removed::Group { index, group: self.measures.remove(index) })
    }

    pub fn remove_measure(&mut self, id: &str) -> Option<Removed> {
        let (g, index) = self.measure_position(id)?;
        let group = self.measures[g].id.clone();
        Some(Removed::Measure { group, index, measure: Box::new(self.measures[g].measures.remove(index)) })
    }

    pub fn remove_photo(&mut self, measure: &str, index: usize) -> Option<Removed> {
        let m = self.measure_mut(measure)?;
        (index < m.photos.len()).then(|| Removed::Photo {
            measure: measure.to_string(),
            index,
            photo: m.photos.remove(index),
        })
    }

    pub fn remove_signature(&mut self, role: SignerRole) -> Option<Removed> {
        self.signers.get(role)?;
        let image = self.signers.get_mut(role)?.signature.take()?;
        Some(Removed::Signature { role, image })
    }

    /// Adds a reviewer (ผู้ผ่านงาน) after the others.
    pub fn add_reviewer(&mut self) -> SignerRole {
        self.signers.reviewers.push(Signer::default());
        SignerRole::Reviewer(self.signers.reviewers.len() - 1)
    }

    /// Takes a reviewer out; what was typed comes back on undo.
    pub fn remove_reviewer(&mut self, index: usize) -> Option<Removed> {
        (index < self.signers.reviewers.len())
            .then(|| Removed::Reviewer { index, signer: self.signers.reviewers.remove(index) })
    }

    /// Adds an indicator after the others (the NACC's framework of the year has more);
    /// false at the limit.
    pub fn add_indicator(&mut self) -> bool {
        let room = self.ita.indicators.len() < super::path::MAX_INDICATORS;
        if room {
            self.ita.indicators.push(IndicatorScore::default());
        }
        room
    }

    /// Takes the last indicator out (indicators are numbered by position, so only the last
    /// goes without renumbering the others); what it held comes back on undo.
    pub fn remove_last_indicator(&mut self) -> Option<Removed> {
        // One indicator at least: the analysis speaks of them.
        if self.ita.indicators.len() <= 1 {
            return None;
        }
        let indicator = self.ita.indicators.pop()?;
        let index = self.ita.indicators.len();
        let unparsed = self.take_unparsed(|p| match p {
            FieldPath::Indicator(i, _) | FieldPath::Sub(i, ..) | FieldPath::IndicatorText(i, _) => *i == index,
            _ => false,
        });
        Some(Removed::Indicator { index, indicator, unparsed })
    }

    /// Takes the typed-but-invalid values of the fields `gone` picks out of the draft.
    fn take_unparsed(&mut self, gone: impl Fn(&FieldPath) -> bool) -> Vec<(FieldPath, String)> {
        let keys: Vec<FieldPath> = self.unparsed.keys().filter(|p| gone(p)).cloned().collect();
        keys.into_iter().filter_map(|k| self.unparsed.remove(&k).map(|v| (k, v))).collect()
    }

    /// Moves the typed-but-invalid values of indicator `i`'s sub-indicators from `from` on by
    /// `delta` places (their fields moved when one before them went or came back).
    fn shift_sub_unparsed(&mut self, i: usize, from: usize, delta: isize) {
        let moved = self.take_unparsed(|p| matches!(p, FieldPath::Sub(x, j, _) if *x == i && *j >= from));
        for (p, v) in moved {
            if let FieldPath::Sub(x, j, f) = p {
                self.unparsed.insert(FieldPath::Sub(x, (j as isize + delta) as usize, f), v);
            }
        }
    }

    /// Adds a sub-indicator under indicator `i`.
    pub fn add_sub_indicator(&mut self, i: usize) -> bool {
        self.ita.indicators.get_mut(i).map(|s| s.subs.push(SubIndicator::default())).is_some()
    }

    pub fn remove_sub_indicator(&mut self, i: usize, j: usize) -> Option<Removed> {
        let subs = &mut self.ita.indicators.get_mut(i)?.subs;
        if j >= subs.len() {
            return None;
        }
        let sub = subs.remove(j);
        let unparsed = self.take_unparsed(|p| matches!(p, FieldPath::Sub(x, y, _) if (*x, *y) == (i, j)));
        self.shift_sub_unparsed(i, j + 1, -1);
        Some(Removed::SubIndicator { indicator: i, index: j, sub, unparsed })
    }

    /// Moves a reviewer earlier (-1) or later (+1) in the signing order.
    pub fn move_reviewer(&mut self, index: usize, delta: isize) -> bool {
        shift(&mut self.signers.reviewers, index, delta)
    }

    /// Switches the second signer off; what was typed for them comes back on undo.
    pub fn remove_second_signer(&mut self) -> Option<Removed> {
        self.signers.second.take().map(|signer| Removed::Signer { signer })
    }

    /// Puts back what a removal took, where it was (or as near as the draft now allows).
    pub fn restore(&mut self, removed: Removed) -> Result<(), RestoreError> {
        match removed {
            Removed::Group { index, group } => {
                let at = index.min(self.measures.len());
                self.measures.insert(at, group);
            }
            Removed::Measure { group, index, measure } => {
                let g = self.group_index(&group).ok_or(RestoreError::ParentGone)?;
                let list = &mut self.measures[g].measures;
                list.insert(index.min(list.len()), *measure);
            }
            Removed::Photo { measure, index, photo } => {
                let list = &mut self.measure_mut(&measure).ok_or(RestoreError::ParentGone)?.photos;
                list.insert(index.min(list.len()), photo);
            }
            Removed::Signature { role, image } => {
                self.signers.get_mut(role).ok_or(RestoreError::ParentGone)?.signature = Some(image)
            }
            Removed::Signer { signer } => self.signers.second = Some(signer),
            Removed::Reviewer { index, signer } => {
                let list = &mut self.signers.reviewers;
                list.insert(index.min(list.len()), signer);
            }
            Removed::Indicator { index, indicator, unparsed } => {
                let list = &mut self.ita.indicators;
                // Only the last goes, so it comes back last (its typed values with it).
                if index == list.len() {
                    list.push(indicator);
                    self.unparsed.extend(unparsed);
                } else {
                    list.insert(index.min(list.len()), indicator);
                }
            }
            Removed::SubIndicator { indicator, index, sub, unparsed } => {
                let list = &mut self.ita.indicators.get_mut(indicator).ok_or(RestoreError::ParentGone)?.subs;
                let at = index.min(list.len());
                list.insert(at, sub);
                self.shift_sub_unparsed(indicator, at, 1);
                if at == index {
                    self.unparsed.extend(unparsed);
                }
            }
            Removed::Texts { before } => {
                self.for_each_own_text(&mut |path, text| {
                    if let Some((_, old)) = before.iter().find(|(p, _)| *p == path) {
                        *text = old.clone();
                    }
                });
            }
        }
        Ok(())
    }

    /// Moves a group up (-1) or down (+1); false at either end.
    pub fn move_group(&mut self, id: &str, delta: isize) -> bool {
        self.group_index(id).is_some_and(|i| shift(&mut self.measures, i, delta))
    }

    /// Moves a measure within its group.
    pub fn move_measure(&mut self, id: &str, delta: isize) -> bool {
        match self.measure_position(id) {
            Some((g, m)) => shift(&mut self.measures[g].measures, m, delta),
            None => false,
        }
    }

    /// Moves a measure to the end of another group; false when either is gone or the
    /// measure is already there.
    pub fn move_measure_to(&mut self, id: &str, group: &str) -> bool {
        let (Some((g, m)), Some(to)) = (self.measure_position(id), self.group_index(group)) else { return false };
        if g == to {
            return false;
        }
        let measure = self.measures[g].measures.remove(m);
        self.measures[to].measures.push(measure);
        true
    }

    pub fn move_photo(&mut self, measure: &str, index: usize, delta: isize) -> bool {
        self.measure_mut(measure).is_some_and(|m| shift(&mut m.photos, index, delta))
    }

    /// Adds a measure at the end of the group with id `group`; false when the group is gone.
    pub fn add_measure(&mut self, group: &str, measure: Measure) -> bool {
        match self.group_index(group) {
            Some(g) => {
                self.measures[g].measures.push(measure);
                true
            }
            None => false,
        }
    }

    /// Adds a photo at the end of a measure's photos; false when the measure is gone.
    pub fn add_photo(&mut self, measure: &str, photo: Photo) -> bool {
        self.measure_mut(measure).map(|m| m.photos.push(photo)).is_some()
    }

    /// The number of measures in all groups.
    pub fn measure_count(&self) -> usize {
        self.measures.iter().map(|g| g.measures.len()).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Draft {
        let m = |id: &str, photos: usize| Measure {
            id: id.into(),
            name: format!("มาตรการ {id}"),
            photos: (0..photos)
                .map(|i| Photo { image: format!("img-{id}-{i}"), caption: format!("ภาพ {i}") })
                .collect(),
            ..Default::default()
        };
        let mut d = Draft {
            measures: vec![
                MeasureGroup {
                    id: "g1".into(),
                    heading: "ก".into(),
                    measures: vec![m("m1", 2), m("m2", 0)],
                    ..Default::default()
                },
                MeasureGroup {
                    id: "g2".into(), heading: "ข".into(), measures: vec![m("m3", 1)], ..Default::default()
                },
            ],
            ..Default::default()
        };
        d.signers.reporter.signature = Some("sig-1".into());
        d.signers.second = Some(Signer { name: "นายสอง".into(), ..Default::default() });
        d.signers.reviewers = vec![
            Signer { name: "นายหนึ่ง".into(), signature: Some("sig-r1".into()), ..Default::default() },
            Signer {
                name: "นางสาวสอง".into(), comment: "เห็นควร".into(), ..Default::default()
            },
        ];
        d.ita.indicators[9].subs =
            vec![SubIndicator {
                name: "การเปิดเผยข้อมูล".into(), previous: Some(80.0), current: None
            }];
        d
    }

    #[test]
    fn every_removal_is_undone_exactly() {
        let original = sample();
        let removals: Vec<fn(&mut Draft) -> Option<Removed>> = vec![
            |d| d.remove_group("g1"),
            |d| d.remove_group("g2"),
            |d| d.remove_measure("m1"),
            |d| d.remove_measure("m2"),
            |d| d.remove_photo("m1", 0),
            |d| d.remove_photo("m1", 1),
            |d| d.remove_signature(SignerRole::Reporter),
            |d| d.remove_second_signer(),
            |d| d.remove_reviewer(0),
            |d| d.remove_reviewer(1),
            |d| d.remove_signature(SignerRole::Reviewer(0)),
            |d| d.remove_last_indicator(),
            |d| d.remove_sub_indicator(9, 0),
        ];
        for remove in removals {
            let mut d = original.clone();
            let removed = remove(&mut d).expect("something removed");
            assert_ne!(d, original);
            // Undo data survives a trip through storage.
            let removed: Removed = serde_json::from_str(&serde_json::to_string(&removed).unwrap()).unwrap();
            assert!(!removed.thai().is_empty());
            d.restore(removed).unwrap();
            assert_eq!(d, original);
        }
    }

    #[test]
    fn removing_what_is_not_there_does_nothing() {
        let mut d = sample();
        assert!(d.remove_group("nope").is_none());
        assert!(d.remove_measure("nope").is_none());
        assert!(d.remove_photo("m2", 0).is_none());
        assert!(d.remove_signature(SignerRole::Clerk).is_none());
        assert!(d.remove_signature(SignerRole::Reviewer(1)).is_none());
        assert!(d.remove_reviewer(2).is_none());
        assert!(d.remove_sub_indicator(9, 1).is_none());
        assert!(d.remove_sub_indicator(10, 0).is_none());
        assert!(d.text(&FieldPath::Signer(SignerRole::Reviewer(5), crate::model::path::SignerField::Name)).is_none());
        assert!(
            !d.set_text(&FieldPath::Signer(SignerRole::Reviewer(5), crate::model::path::SignerField::Name), "x".into())
        );
        assert_eq!(d, sample());
    }

    #[test]
    fn undo_after_the_parent_went_says_so() {
        let mut d = sample();
        let m = d.remove_measure("m3").unwrap();
        d.remove_group("g2").unwrap();
        assert_eq!(d.restore(m), Err(RestoreError::ParentGone));
    }

    #[test]
    fn moves_stay_in_bounds() {
        let mut d = sample();
        assert!(!d.move_group("g1", -1));
        assert!(d.move_group("g1", 1));
        assert_eq!(d.measures[1].id, "g1");
        assert!(d.move_measure("m1", 1));
        assert_eq!(d.measures[1].measures[1].id, "m1");
        assert!(!d.move_measure("m1", 1));
        assert!(d.move_photo("m1", 0, 1));
        assert_eq!(d.measure("m1").unwrap().photos[0].image, "img-m1-1");
        assert_eq!(d.measure_count(), 3);
    }

    #[test]
    fn invalid_scores_go_and_come_back_with_their_indicator() {
        use crate::model::path::{ScoreYear, SubField};
        let mut d = sample();
        d.ita.indicators[9].subs.push(SubIndicator { name: "สอง".into(), ..Default::default() });
        d.unparsed.insert(FieldPath::Sub(9, 0, SubField::Previous), "แปด".into());
        d.unparsed.insert(FieldPath::Sub(9, 1, SubField::Current), "เก้า".into());
        d.unparsed.insert(FieldPath::Indicator(9, ScoreYear::Previous), "สิบ".into());
        let original = d.clone();
        // The first sub goes: its text goes with it, the second's follows its field.
        let removed = d.remove_sub_indicator(9, 0).unwrap();
        assert_eq!(d.unparsed.get(&FieldPath::Sub(9, 0, SubField::Current)).map(String::as_str), Some("เก้า"));
        assert!(!d.unparsed.contains_key(&FieldPath::Sub(9, 0, SubField::Previous)));
        assert!(crate::model::validate(&d).iter().all(|p| !p.message.contains("แปด")));
        d.restore(removed).unwrap();
        assert_eq!(d, original);
        // The last indicator goes with its typed text; nothing is left pointing at it.
        let removed = d.remove_last_indicator().unwrap();
        assert!(d.unparsed.is_empty());
        let removed: Removed = serde_json::from_str(&serde_json::to_string(&removed).unwrap()).unwrap();
        d.restore(removed).unwrap();
        assert_eq!(d, original);
        // One indicator always stays.
        d.ita.indicators.truncate(1);
        assert!(d.remove_last_indicator().is_none());
    }

    #[test]
    fn reviewers_are_added_moved_and_keep_their_images() {
        let mut d = sample();
        assert_eq!(d.add_reviewer(), SignerRole::Reviewer(2));
        assert!(d.move_reviewer(0, 1));
        assert_eq!(d.signers.reviewers[1].name, "นายหนึ่ง");
        assert!(!d.move_reviewer(2, 1));
        assert!(d.image_ids().contains(&"sig-r1".to_string()));
        let roles = d.signers.roles();
        assert_eq!(roles.len(), 7);
        assert_eq!(roles[2], SignerRole::Reviewer(0));
        assert_eq!(roles[6], SignerRole::Executive);
    }

    #[test]
    fn a_measure_moves_to_another_group_with_everything_it_holds() {
        let mut d = sample();
        let m1 = d.measure("m1").cloned().unwrap();
        assert!(d.move_measure_to("m1", "g2"));
        assert_eq!(d.measure_position("m1"), Some((1, 1)));
        assert_eq!(d.measure("m1"), Some(&m1));
        assert!(!d.move_measure_to("m1", "g2"), "already there");
        assert!(!d.move_measure_to("m1", "gone"));
        assert!(!d.move_measure_to("gone", "g1"));
        assert_eq!(d.measure_count(), 3);
    }

    #[test]
    fn every_image_reference_is_renamed() {
        let mut d = sample();
        let ids = d.image_ids();
        assert_eq!(ids, ["img-m1-0", "img-m1-1", "img-m3-0", "sig-1", "sig-r1"]);
        let map = ids.iter().map(|id| (id.clone(), format!("new-{id}"))).collect();
        d.rename_images(&map);
        assert!(d.image_ids().iter().all(|id| id.starts_with("new-")), "{:?}", d.image_ids());
    }

    #[test]
    fn a_measure_is_added_to_its_group_only_while_the_group_is_there() {
        let mut d = sample();
        assert!(d.add_measure("g2", Measure { id: "m4".into(), ..Default::default() }));
        assert_eq!(d.measure_position("m4"), Some((1, 1)));
        assert!(!d.add_measure("gone", Measure { id: "m5".into(), ..Default::default() }));
        assert_eq!(d.measure("m5"), None);
        assert!(d.add_photo("m4", Photo { image: "img-x".into(), caption: String::new() }));
        assert!(!d.add_photo("m5", Photo::default()));
        assert_eq!(d.measure("m4").unwrap().photos.len(), 1);
    }
}
