//! Thai word segmentation: dictionary maximal matching over orthographically valid
//! boundaries (the approach of PyThaiNLP's `newmm`).
//!
//! Thai writes no spaces between words, so a line may only break where a word ends. We find
//! word ends with a dictionary (PyThaiNLP's CC0 word list, `public/data/thai-words.txt`) and
//! a shortest path: fewest unknown characters first, then fewest words. Text the dictionary
//! does not know (names, typos) stays one unbreakable chunk up to the next known word.
//! Whatever the dictionary says, a break never falls before a following vowel or tone mark
//! (U+0E30–U+0E3A, U+0E45–U+0E4E, ฯ) nor after a leading vowel (U+0E40–U+0E44).

/// A sorted word list, searched by prefix.
pub struct Dictionary {
    words: Vec<&'static str>,
}

impl Dictionary {
    /// Builds the dictionary from newline-separated words (any order, blank lines ignored).
    pub fn from_text(text: &'static str) -> Self {
        let mut words: Vec<&'static str> = text.lines().map(str::trim).filter(|w| !w.is_empty()).collect();
        words.sort_unstable();
        words.dedup();
        Dictionary { words }
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub fn contains(&self, word: &str) -> bool {
        self.words.binary_search(&word).is_ok()
    }
}

/// Where words come from: the dictionary, possibly with names added for one document.
pub trait Lexicon {
    /// Calls `found(len)` for every word that is a prefix of `s` (len in bytes).
    fn prefixes_of(&self, s: &str, found: &mut dyn FnMut(usize));
    fn contains(&self, word: &str) -> bool;
}

impl Lexicon for Dictionary {
    fn contains(&self, word: &str) -> bool {
        Dictionary::contains(self, word)
    }

    fn prefixes_of(&self, s: &str, found: &mut dyn FnMut(usize)) {
        let (mut lo, mut hi) = (0, self.words.len());
        for (i, c) in s.char_indices() {
            let end = i + c.len_utf8();
            let prefix = &s[..end];
            let range = &self.words[lo..hi];
            let start = range.partition_point(|w| *w < prefix);
            let stop = range.partition_point(|w| *w < prefix || w.starts_with(prefix));
            lo += start;
            hi = lo + (stop - start);
            if lo >= hi {
                return;
            }
            if self.words[lo] == prefix {
                found(end);
            }
        }
    }
}

/// The dictionary plus the names typed in one document (agency, district, people), so
/// that a name the dictionary does not know is still never broken.
pub struct WithNames<'a> {
    pub dict: &'a Dictionary,
    pub names: &'a [String],
}

impl Lexicon for WithNames<'_> {
    fn prefixes_of(&self, s: &str, found: &mut dyn FnMut(usize)) {
        self.dict.prefixes_of(s, found);
        for name in self.names {
            if !name.is_empty() && s.starts_with(name.as_str()) {
                found(name.len());
            }
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.dict.contains(word) || self.names.iter().any(|n| n == word)
    }
}

/// Thai characters that never begin a syllable: following vowels, above/below vowels,
/// tone marks and other marks, lakkhangyao, mai yamok, paiyannoi.
pub fn never_breaks_before(c: char) -> bool {
    matches!(c, '\u{0E30}'..='\u{0E3A}' | '\u{0E45}'..='\u{0E4E}' | '\u{0E2F}')
}

/// Leading vowels: they are written before the consonant they follow in speech.
pub fn never_breaks_after(c: char) -> bool {
    matches!(c, '\u{0E40}'..='\u{0E44}')
}

/// Thai letters, vowels and marks (not digits): the characters a Thai word is made of.
pub fn is_thai_letter(c: char) -> bool {
    matches!(c, '\u{0E01}'..='\u{0E3A}' | '\u{0E40}'..='\u{0E4E}')
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

/// Combining marks from other scripts (e.g. U+0301) stay with their base character.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{200C}'..='\u{200D}' | '\u{FE00}'..='\u{FE0F}')
}

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cost {
    unknown: u32,
    words: u32,
}

#[derive(Clone, Copy)]
struct Step {
    from: usize,
    known: bool,
}

/// Word boundaries (byte offsets, excluding 0 and `run.len()`) in a run of Thai letters.
pub fn segment_thai(dict: &dyn Lexicon, run: &str) -> Vec<usize> {
    // Candidate positions: 0, every orthographic boundary, the end.
    let mut positions = vec![0];
    positions.extend(cluster_boundaries(run));
    positions.push(run.len());
    let index_of = |byte: usize| positions.binary_search(&byte).ok();

    let n = positions.len();
    let mut best: Vec<Option<(Cost, Step)>> = vec![None; n];
    best[0] = Some((Cost { unknown: 0, words: 0 }, Step { from: 0, known: true }));
    for i in 0..n - 1 {
        let Some((cost, _)) = best[i] else { continue };
        let start = positions[i];
        let mut relax = |j: usize, add_unknown: u32, known: bool| {
            let c = Cost { unknown: cost.unknown + add_unknown, words: cost.words + 1 };
            if best[j].is_none_or(|(old, _)| c < old) {
                best[j] = Some((c, Step { from: i, known }));
            }
        };
        dict.prefixes_of(&run[start..], &mut |len| {
            if let Some(j) = index_of(start + len) {
                relax(j, 0, true);
            }
        });
        // One cluster the dictionary does not cover.
        let chars = run[start..positions[i + 1]].chars().count() as u32;
        relax(i + 1, chars, false);
    }

    // Walk back, merging neighbouring unknown clusters into one chunk.
    let mut cuts = Vec::new();
    let mut j = n - 1;
    let mut prev_unknown = false;
    while j > 0 {
        let (_, step) = best[j].expect("every position is reachable by unknown steps");
        if !(prev_unknown && !step.known) && j != n - 1 {
            cuts.push(positions[j]);
        }
        prev_unknown = !step.known;
        j = step.from;
    }
    cuts.reverse();
    cuts
}

/// Long compound words (องค์การบริหารส่วนตำบล) may break between their parts when a line
/// would otherwise be left very short; shorter words never do.
pub const COMPOUND_MIN_CHARS: usize = 14;

/// Boundaries inside a dictionary word where it splits into other dictionary words
/// (องค์การ|บริหาร|ส่วน|ตำบล), each at least two characters. Empty when it does not split
/// cleanly.
pub fn compound_parts(dict: &dyn Lexicon, word: &str) -> Vec<usize> {
    let mut positions = vec![0];
    positions.extend(cluster_boundaries(word));
    positions.push(word.len());
    let n = positions.len();
    // Fewest parts, whole word excluded, every part a dictionary word.
    let mut best: Vec<Option<(u32, usize)>> = vec![None; n];
    best[0] = Some((0, 0));
    for i in 0..n - 1 {
        let Some((parts, _)) = best[i] else { continue };
        let start = positions[i];
        dict.prefixes_of(&word[start..], &mut |len| {
            let end = start + len;
            if (start == 0 && end == word.len()) || word[start..end].chars().count() < 2 {
                return;
            }
            if let Ok(j) = positions.binary_search(&end) {
                if best[j].is_none_or(|(p, _)| parts + 1 < p) {
                    best[j] = Some((parts + 1, i));
                }
            }
        });
    }
    let mut cuts = Vec::new();
    let Some(mut j) = best[n - 1].map(|_| n - 1) else { return cuts };
    while j > 0 {
        let (_, from) = best[j].expect("on the path");
        if j != n - 1 {
            cuts.push(positions[j]);
        }
        j = from;
    }
    cuts.reverse();
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
