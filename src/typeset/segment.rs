//! Thai word segmentation: dictionary maximal matching over orthographically valid
//! boundaries (the approach of PyThaiNLP's `newmm`).
//!
//! Thai writes no spaces between words, so a line may only break where a word ends. We find
//! word ends with a dictionary (PyThaiNLP's CC0 word list, `public/data/thai-words.txt`) and
//! a shortest path: fewest unknown characters first, then fewest words. Text the dictionary
//! does not know (names, typos) stays one unbreakable chunk up to the next known word.
//! Whatever the dictionary says, a break never falls before a following vowel or tone mark
//! (U+0E30–U+0E3A, U+0E45–U+0E4E, ฯ) nor after a leading vowel (U+0E40–U+0E44).

use crate::thai::chars::{is_combining, never_breaks_after, never_breaks_before};

/// A sorted word list, searched by prefix, with each word's frequency class.
///
/// Words are stored as one byte a character (the offset in the Thai block, U+0E00), one
/// after another, so a prefix search compares single bytes instead of strings.
pub struct Dictionary {
    codes: Vec<u8>,
    /// Start of each word in `codes`, plus the end.
    starts: Vec<u32>,
    /// log2 of the word's frequency in the Thai National Corpus, +1 (0: not counted).
    classes: Vec<u8>,
}

/// The cost of a word: rarer words cost more (a unigram language model, in coarse steps).
fn word_cost(class: u8) -> u32 {
    26u32.saturating_sub(class as u32)
}

/// A Thai-block character as one byte.
fn code(c: char) -> Option<u8> {
    let v = (c as u32).checked_sub(0x0E00)?;
    (v < 0x80).then_some(v as u8)
}

impl Dictionary {
    /// Builds the dictionary from lines `word` or `word<TAB>class` (any order, blank lines
    /// ignored; words with characters outside the Thai block are skipped).
    pub fn from_text(text: &str) -> Self {
        let mut entries: Vec<(Vec<u8>, u8)> = text
            .lines()
            .filter_map(|line| {
                let (word, class) = line.split_once('\t').unwrap_or((line, "0"));
                let codes: Option<Vec<u8>> = word.trim().chars().map(code).collect();
                codes.filter(|c| !c.is_empty()).map(|c| (c, class.trim().parse().unwrap_or(0)))
            })
            .collect();
        entries.sort_unstable();
        entries.dedup_by(|a, b| a.0 == b.0);
        let mut dict = Dictionary { codes: Vec::new(), starts: vec![0], classes: Vec::with_capacity(entries.len()) };
        for (word, class) in entries {
            dict.codes.extend_from_slice(&word);
            dict.starts.push(dict.codes.len() as u32);
            dict.classes.push(class);
        }
        dict
    }

    pub fn len(&self) -> usize {
        self.classes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.classes.is_empty()
    }

    fn word(&self, i: usize) -> &[u8] {
        &self.codes[self.starts[i] as usize..self.starts[i + 1] as usize]
    }

    pub fn contains(&self, word: &str) -> bool {
        let Some(codes) = word.chars().map(code).collect::<Option<Vec<u8>>>() else { return false };
        let mut found = false;
        self.walk(word, &mut |len, _| found |= len == word.len());
        found && !codes.is_empty()
    }

    /// Narrows the sorted words one character at a time: every word still in range starts
    /// with the characters seen so far, so only the next byte decides.
    fn walk(&self, s: &str, found: &mut dyn FnMut(usize, u32)) {
        let (mut lo, mut hi) = (0, self.len());
        for (k, (i, c)) in s.char_indices().enumerate() {
            let Some(next) = code(c) else { return };
            let at = |w: usize| self.word(w).get(k).copied();
            let range = lo..hi;
            let start = lo + partition(range.clone(), |w| at(w) < Some(next));
            let stop = lo + partition(range, |w| at(w) <= Some(next));
            (lo, hi) = (start, stop);
            if lo >= hi {
                return;
            }
            if self.word(lo).len() == k + 1 {
                found(i + c.len_utf8(), word_cost(self.classes[lo]));
            }
        }
    }
}

/// The number of leading items of `range` for which `pred` holds (it must hold for a
/// prefix of the range only).
fn partition(range: std::ops::Range<usize>, pred: impl Fn(usize) -> bool) -> usize {
    let (mut lo, mut hi) = (range.start, range.end);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if pred(mid) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    lo - range.start
}

/// Where words come from: the dictionary, possibly with names added for one document.
pub trait Lexicon {
    /// Calls `found(len, cost)` for every word that is a prefix of `s` (len in bytes).
    fn prefixes_of(&self, s: &str, found: &mut dyn FnMut(usize, u32));
    fn contains(&self, word: &str) -> bool;
}

impl Lexicon for Dictionary {
    fn contains(&self, word: &str) -> bool {
        Dictionary::contains(self, word)
    }

    fn prefixes_of(&self, s: &str, found: &mut dyn FnMut(usize, u32)) {
        self.walk(s, found);
    }
}

/// The dictionary plus the names typed in one document (agency, district, people), so
/// that a name the dictionary does not know is still never broken.
pub struct WithNames<'a> {
    pub dict: &'a Dictionary,
    pub names: &'a [String],
}

impl Lexicon for WithNames<'_> {
    fn prefixes_of(&self, s: &str, found: &mut dyn FnMut(usize, u32)) {
        self.dict.prefixes_of(s, found);
        for name in self.names {
            if !name.is_empty() && s.starts_with(name.as_str()) {
                // As likely as a common word: a name the officer typed is meant whole.
                found(name.len(), word_cost(20));
            }
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.dict.contains(word) || self.names.iter().any(|n| n == word)
    }
}

/// Byte offsets inside `s` (excluding 0 and `s.len()`) where Thai orthography allows a
/// boundary between two characters.
pub fn cluster_boundaries(s: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if let Some(p) = prev {
            if allows_boundary(p, c) {
                out.push(i);
            }
        }
        prev = Some(c);
    }
    out
}

fn allows_boundary(prev: char, next: char) -> bool {
    !never_breaks_before(next) && !never_breaks_after(prev) && !is_combining(next)
}

/// Compared in order: unknown characters, then words, then how unlikely the words are.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cost {
    unknown: u32,
    words: u32,
    rarity: u32,
}

/// The best way to cover the rest of the text from one position: its cost, where the
/// first word ends (a position index), and whether that word is known.
#[derive(Clone, Copy)]
struct Choice {
    cost: Cost,
    next: usize,
    known: bool,
}

/// Positions where a word may start or end: 0, every orthographic boundary, the end.
fn positions(text: &str) -> Vec<usize> {
    let mut p = vec![0];
    p.extend(cluster_boundaries(text));
    p.push(text.len());
    p
}

/// Shortest path from the end backwards: fewest unknown characters, then fewest words,
/// then the likeliest words (การ|เผยแพร่, not การเผย|แพร่); among equals the longest
/// first word wins. `allow(start, end)` filters dictionary words (by byte range).
fn best_path(
    dict: &dyn Lexicon,
    text: &str,
    pos: &[usize],
    allow: &dyn Fn(usize, usize) -> bool,
    unknown_ok: bool,
) -> Vec<Option<Choice>> {
    let n = pos.len();
    let mut best: Vec<Option<Choice>> = vec![None; n];
    best[n - 1] = Some(Choice { cost: Cost { unknown: 0, words: 0, rarity: 0 }, next: n - 1, known: true });
    for i in (0..n - 1).rev() {
        let start = pos[i];
        let pick = |j: usize, add_unknown: u32, rarity: u32, known: bool, best: &mut Vec<Option<Choice>>| {
            let Some(rest) = best[j] else { return };
            let cost = Cost {
                unknown: rest.cost.unknown + add_unknown,
                words: rest.cost.words + 1,
                rarity: rest.cost.rarity + rarity,
            };
            let better = match best[i] {
                None => true,
                Some(old) => cost < old.cost || (cost == old.cost && j > old.next),
            };
            if better {
                best[i] = Some(Choice { cost, next: j, known });
            }
        };
        let mut ends = Vec::new();
        dict.prefixes_of(&text[start..], &mut |len, cost| ends.push((start + len, cost)));
        for (end, rarity) in ends {
            if let (Ok(j), true) = (pos.binary_search(&end), allow(start, end)) {
                pick(j, 0, rarity, true, &mut best);
            }
        }
        if unknown_ok {
            // One cluster the dictionary does not cover.
            let chars = text[start..pos[i + 1]].chars().count() as u32;
            pick(i + 1, chars, word_cost(0), false, &mut best);
        }
    }
    best
}

/// Word boundaries (byte offsets, excluding 0 and `run.len()`) in a run of Thai letters.
/// Text the dictionary does not cover stays one chunk up to the next known word.
pub fn segment_thai(dict: &dyn Lexicon, run: &str) -> Vec<usize> {
    let pos = positions(run);
    let best = best_path(dict, run, &pos, &|_, _| true, true);
    let mut cuts = Vec::new();
    let mut i = 0;
    let mut prev_unknown = false;
    while let Some(choice) = best[i].filter(|_| i < pos.len() - 1) {
        // Neighbouring unknown clusters merge into one chunk.
        let inside_unknown_chunk = prev_unknown && !choice.known;
        if i > 0 && !inside_unknown_chunk {
            cuts.push(pos[i]);
        }
        prev_unknown = !choice.known;
        i = choice.next;
    }
    cuts
}

/// Long compound words (องค์การบริหารส่วนตำบล) may break between their parts when a line
/// would otherwise be left very short; shorter words never do.
pub const COMPOUND_MIN_CHARS: usize = 14;

/// Boundaries inside a dictionary word where it splits into other dictionary words
/// (องค์การ|บริหาร|ส่วน|ตำบล), each at least two characters. Empty when it does not split
/// cleanly.
pub fn compound_parts(dict: &dyn Lexicon, word: &str) -> Vec<usize> {
    let pos = positions(word);
    let whole = word.len();
    let allow = |start: usize, end: usize| !(start == 0 && end == whole) && word[start..end].chars().count() >= 2;
    let best = best_path(dict, word, &pos, &allow, false);
    let mut cuts = Vec::new();
    let mut i = 0;
    if best[0].is_none() {
        return cuts;
    }
    while let Some(choice) = best[i].filter(|_| i < pos.len() - 1) {
        if i > 0 {
            cuts.push(pos[i]);
        }
        i = choice.next;
    }
    cuts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(dict: &Dictionary, s: &str) -> String {
        let mut out = String::new();
        let mut prev = 0;
        for b in segment_thai(dict, s) {
            out.push_str(&s[prev..b]);
            out.push('|');
            prev = b;
        }
        out.push_str(&s[prev..]);
        out
    }

    fn dict() -> Dictionary {
        Dictionary::from_text(
            "ผล\nการ\nดำเนิน\nกัน\nยา\nยน\nกันยายน\nผู้\nรับ\nผิด\nชอบ\nผู้รับผิดชอบ\nองค์การ\nบริหาร\nส่วน\nตำบล\nเขา\n",
        )
    }

    #[test]
    fn finds_words() {
        let d = dict();
        assert_eq!(split(&d, "ผลการดำเนินการ"), "ผล|การ|ดำเนิน|การ");
        assert_eq!(split(&d, "กันยายน"), "กันยายน");
        assert_eq!(split(&d, "ผู้รับผิดชอบ"), "ผู้รับผิดชอบ");
        assert_eq!(split(&d, "องค์การบริหารส่วนตำบล"), "องค์การ|บริหาร|ส่วน|ตำบล");
    }

    #[test]
    fn splits_long_compounds_into_words() {
        let d = dict();
        assert_eq!(compound_parts(&d, "องค์การบริหารส่วนตำบล"), vec![21, 39, 51]);
        assert!(compound_parts(&d, "กันยายน").is_empty() || compound_parts(&d, "กันยายน") == vec![9, 15]);
        assert!(compound_parts(&d, "ดำเนิน").is_empty());
    }

    #[test]
    fn keeps_unknown_text_together() {
        let d = dict();
        // สมอคอน is not in this dictionary: it stays one chunk.
        assert_eq!(split(&d, "เขาสมอคอน"), "เขา|สมอคอน");
        assert_eq!(split(&d, "อัมภพร"), "อัมภพร");
    }

    #[test]
    fn never_splits_a_cluster() {
        let d = Dictionary::from_text("ก\n");
        // A dictionary word ก would end before the vowel ำ: not allowed.
        for s in ["กำ", "เก", "ก่", "กุ"] {
            assert!(segment_thai(&d, s).is_empty(), "{s}");
        }
        assert_eq!(cluster_boundaries("เกา"), Vec::<usize>::new());
        assert_eq!(cluster_boundaries("กข"), vec![3]);
    }
}
