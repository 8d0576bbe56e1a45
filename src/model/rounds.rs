//! A year of reports from one draft. The measures are the year's plan; what was done is
//! reported at six months and again at twelve. The draft edits and prints one round at a
//! time (`ReportInfo::round`): the results fields of every measure and the period are that
//! round's, and the other rounds' are kept beside them (`Measure::kept`,
//! `ReportInfo::kept_periods`), so writing the twelve-month report never overwrites the
//! six-month one. `Draft::for_round` gives the draft as it prints another round.
//!
//! The measures document, published at the start of the year, comes from the same draft
//! (`Draft::for_document`). `Draft::next_year` starts the following fiscal year from this one.

use super::draft::{DocumentKind, Draft, IndicatorScore, Measure, Round};
use crate::thai::BeDate;
use serde::{Deserialize, Serialize};

/// What a measure reports for one round.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoundResults {
    pub result: String,
    pub output: String,
    pub outcome: String,
}

impl RoundResults {
    pub fn is_empty(&self) -> bool {
        [&self.result, &self.output, &self.outcome].iter().all(|t| t.trim().is_empty())
    }
}

/// A round's period as typed (`None`: the round's usual dates).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoundPeriod {
    pub start: Option<BeDate>,
    pub end: Option<BeDate>,
}

impl Measure {
    fn take_results(&mut self) -> RoundResults {
        RoundResults {
            result: std::mem::take(&mut self.result),
            output: std::mem::take(&mut self.output),
            outcome: std::mem::take(&mut self.outcome),
        }
    }

    fn put_results(&mut self, r: RoundResults) {
        (self.result, self.output, self.outcome) = (r.result, r.output, r.outcome);
    }
}

impl Draft {
    /// Makes `round` the one edited and printed. The current round's results and period
    /// are kept; the new round's come back as they were left. A twelve-month report
    /// started after the six-month one begins from what was done by March (the six-month
    /// results stay as they are).
    pub fn set_round(&mut self, round: Round) {
        let from = self.report.round;
        if from == round {
            return;
        }
        let report = &mut self.report;
        let period = RoundPeriod { start: report.period_start.take(), end: report.period_end.take() };
        if period != RoundPeriod::default() {
            report.kept_periods.insert(from, period);
        }
        let back = report.kept_periods.remove(&round).unwrap_or_default();
        (report.period_start, report.period_end) = (back.start, back.end);
        report.round = round;
        let carry_forward = from == Round::SixMonths && round == Round::TwelveMonths;
        for m in self.measures.iter_mut().flat_map(|g| g.measures.iter_mut()) {
            let current = m.take_results();
            let next = match m.kept.remove(&round) {
                Some(kept) => kept,
                None if carry_forward => current.clone(),
                None => Default::default(),
            };
            if !current.is_empty() {
                m.kept.insert(from, current);
            }
            m.put_results(next);
        }
    }

    /// The draft as it prints `round` (this one unchanged).
    pub fn for_round(&self, round: Round) -> Draft {
        let mut d = self.clone();
        d.set_round(round);
        d
    }

    /// The draft as it prints `kind`. The officer's own memo subject and body are the
    /// report's; the measures document proposes its own.
    pub fn for_document(&self, kind: DocumentKind) -> Draft {
        let mut d = self.clone();
        d.options.document = kind;
        if kind == DocumentKind::Measures {
            d.memo.subject = None;
            d.memo.body = None;
        }
        d
    }

    /// The rounds a report can be printed for: the current one, and every other round some
    /// measure has results kept for.
    pub fn rounds_with_results(&self) -> Vec<Round> {
        let mut rounds = vec![self.report.round];
        for m in self.measures.iter().flat_map(|g| &g.measures) {
            for (r, results) in &m.kept {
                if !results.is_empty() && !rounds.contains(r) {
                    rounds.push(*r);
                }
            }
        }
        rounds.sort();
        rounds
    }

    /// A new draft for the next fiscal year: the agency, signers, options, indicator
    /// framework and every measure with its plan are copied; results, photos, dates, the
    /// year's analysis and the officer's own wording (which names this year) are left
    /// behind; the years move on, and this year's ITA scores (if known) become the
    /// assessed ones. This draft is not changed.
    pub fn next_year(&self) -> Draft {
        let mut d = Draft {
            agency: self.agency.clone(),
            signers: self.signers.clone(),
            options: self.options.clone(),
            ..Draft::default()
        };
        d.report.fiscal_year = self.report.fiscal_year + 1;
        d.report.round = Round::SixMonths;
        d.report.oit_item = self.report.oit_item.clone();
        for s in d.signers.iter_mut_all() {
            s.comment.clear();
        }
        let ita = &self.ita;
        d.ita.assessed_year = ita.assessed_year + 1;
        d.ita.threshold = ita.threshold;
        d.ita.score = ita.current_score;
        d.ita.indicators = ita
            .indicators
            .iter()
            .map(|s| IndicatorScore {
                previous: s.current,
                current: None,
                name: s.name.clone(),
                tool: s.tool.clone(),
                subs: s
                    .subs
                    .iter()
                    .map(|x| super::draft::SubIndicator { name: x.name.clone(), previous: x.current, current: None })
                    .collect(),
            })
            .collect();
        d.measures = self.measures.clone();
        for m in d.measures.iter_mut().flat_map(|g| g.measures.iter_mut()) {
            m.take_results();
            m.kept.clear();
            m.photos.clear();
        }
        // Checked against this year's facts: plan texts that name this year are offered to
        // be moved on with it (the stale-wording banner), never changed silently.
        d.basis = self.basis.clone();
        d.settle();
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::example::example_draft;

    fn results(m: &Measure) -> (&str, &str, &str) {
        (&m.result, &m.output, &m.outcome)
    }

    #[test]
    fn each_round_keeps_its_own_results_and_period() {
        let mut d = example_draft();
        d.set_round(Round::SixMonths);
        // A year whose twelve-month report is not written yet.
        d.measures.iter_mut().flat_map(|g| g.measures.iter_mut()).for_each(|m| m.kept.clear());
        let first = d.measures[0].measures[0].id.clone();
        let m = d.measure_mut(&first).unwrap();
        m.output = "ทำแล้วครึ่งปี".into();
        m.result.clear();
        m.outcome.clear();
        d.report.period_end = Some(BeDate { year: 2568, month: 3, day: 15 });
        let six = d.clone();
        // Twelve months starts from what was done by March…
        d.set_round(Round::TwelveMonths);
        assert_eq!(results(d.measure(&first).unwrap()), ("", "ทำแล้วครึ่งปี", ""));
        assert_eq!(d.report.period_end, None, "the twelve-month period is the round's own");
        d.measure_mut(&first).unwrap().output = "ทำครบทั้งปี".into();
        // …and the six-month report is as it was.
        let back = d.for_round(Round::SixMonths);
        assert_eq!(results(back.measure(&first).unwrap()), ("", "ทำแล้วครึ่งปี", ""));
        assert_eq!(back.report.period_end, six.report.period_end);
        assert_eq!(d.rounds_with_results(), vec![Round::SixMonths, Round::TwelveMonths]);
        // Switching back and forth changes nothing.
        let mut again = d.clone();
        again.set_round(Round::SixMonths);
        again.set_round(Round::TwelveMonths);
        assert_eq!(again, d);
        // The kept results survive a trip through JSON.
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(crate::model::load_draft(&json).unwrap(), d);
    }

    #[test]
    fn going_back_to_six_months_does_not_carry_the_year_back() {
        let mut d = example_draft();
        assert_eq!(d.report.round, Round::TwelveMonths);
        let first = d.measures[0].measures[0].id.clone();
        let year = d.measure(&first).unwrap().output.clone();
        assert!(!year.is_empty());
        d.set_round(Round::SixMonths);
        assert_eq!(results(d.measure(&first).unwrap()), ("", "", ""));
        d.set_round(Round::TwelveMonths);
        assert_eq!(d.measure(&first).unwrap().output, year);
    }

    #[test]
    fn next_year_copies_the_plan_and_leaves_this_year_as_it_was() {
        let mut d = example_draft();
        d.ita.indicators[9].subs =
            vec![super::super::draft::SubIndicator {
                name: "ย่อย".into(), previous: Some(1.0), current: Some(88.0)
            }];
        d.signers.reviewers.push(Default::default());
        d.set_round(Round::SixMonths);
        let before = d.clone();
        let next = d.next_year();
        assert_eq!(d, before, "the old draft is unchanged");
        assert_eq!(next.report.fiscal_year, d.report.fiscal_year + 1);
        assert_eq!(next.ita.assessed_year, d.ita.assessed_year + 1);
        assert_eq!(next.ita.score, d.ita.current_score);
        assert_eq!(next.ita.indicators[0].previous, d.ita.indicators[0].current);
        assert!(next.ita.indicators.iter().all(|s| s.current.is_none()));
        assert_eq!(next.ita.indicators[9].subs[0].previous, Some(88.0));
        assert_eq!(next.measure_count(), d.measure_count());
        for (a, b) in d.measures.iter().flat_map(|g| &g.measures).zip(next.measures.iter().flat_map(|g| &g.measures)) {
            assert_eq!((&a.name, &a.steps, &a.responsible, &a.period), (&b.name, &b.steps, &b.responsible, &b.period));
            assert!(b.result.is_empty() && b.output.is_empty() && b.outcome.is_empty() && b.kept.is_empty());
            assert!(b.photos.is_empty());
        }
        assert_eq!(next.signers.reporter.name, d.signers.reporter.name);
        assert!(next.signers.iter().all(|(_, s)| s.comment.is_empty()));
        assert!(next.memo.date.is_none() && next.memo.body.is_none() && next.texts.analysis_summary.is_none());
        assert!(!next.example && next.title.is_none());
        // Plan texts that name this year are offered to be moved on (never changed silently).
        let stale = next.stale();
        assert!(!stale.is_empty() && stale.iter().all(|s| s.fact == crate::model::Fact::FiscalYear), "{stale:?}");
        assert!(crate::model::validate(&next).iter().all(|p| !p.field.to_string().starts_with("ita.indicators")));
    }

    #[test]
    fn a_draft_of_an_earlier_schema_rolls_over() {
        let json = include_str!("../../tests/drafts/seed-004.json");
        let d = crate::model::load_draft(json).unwrap();
        let next = d.next_year();
        assert_eq!(next.report.fiscal_year, d.report.fiscal_year + 1);
        assert_eq!(next.measure_count(), d.measure_count());
    }
}
