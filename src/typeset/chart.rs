//! A horizontal bar chart drawn as vectors: labels, bars (one or two series), value labels
//! and a threshold line.

use super::engine::Typesetter;
use super::frame::{Item, Rect, Stroke};
use super::inline::{layout_paragraph, Paragraph};
use super::style::{Align, Rgb, TextStyle};

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    /// One value per series; `None` leaves that series' bar out.
    pub values: Vec<Option<f32>>,
    /// Printed after each bar (already formatted, e.g. with Thai digits).
    pub value_labels: Vec<String>,
    /// Drawn in the highlight colour (e.g. below the threshold).
    pub highlight: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub bars: Vec<Bar>,
    /// Series names for the legend (empty: no legend).
    pub series: Vec<String>,
    pub max: f32,
    pub threshold: Option<(f32, String)>,
    /// Share of the width for labels.
    pub label_share: f32,
    pub font_size: f32,
    pub colors: Vec<Rgb>,
    pub highlight: Rgb,
}

impl BarChart {
    /// The chart's values as text, for the tagged PDF: each bar's label and value labels,
    /// after the series names and the threshold.
    pub fn alt_text(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.series.is_empty() {
            parts.push(self.series.join(" / "));
        }
        if let Some((_, label)) = &self.threshold {
            parts.push(label.clone());
        }
        for b in &self.bars {
            let values: Vec<&str> = b.value_labels.iter().map(String::as_str).filter(|v| !v.is_empty()).collect();
            parts.push(format!("{} {}", b.label, values.join(" / ")));
        }
        parts.join("; ")
    }

    pub fn new(bars: Vec<Bar>) -> Self {
        BarChart {
            bars,
            series: Vec::new(),
            max: 100.0,
            threshold: None,
            label_share: 0.38,
            font_size: 13.0,
            colors: vec![Rgb(0x3a, 0x6e, 0xa5), Rgb(0x9c, 0xb9, 0xd8)],
            highlight: Rgb(0xc0, 0x39, 0x2b),
        }
    }
}

/// Lays out the chart `width` wide; items relative to its top-left.
pub fn layout_chart(ts: &mut Typesetter, chart: &BarChart, width: f32) -> (f32, Vec<Item>) {
    let mut items = Vec::new();
    let size = chart.font_size;
    let style = TextStyle::regular(size);
    let label_w = width * chart.label_share;
    let value_w = size * 3.2;
    let bar_x = label_w + 6.0;
    let bar_w = (width - bar_x - value_w).max(10.0);
    let series = chart.bars.iter().map(|b| b.values.len()).max().unwrap_or(1).max(1);
    let bar_h = size * 0.75;
    let gap = size * 0.5;
    let max = if chart.max > 0.0 { chart.max } else { 100.0 };
    let scale = |v: f32| (v.clamp(0.0, max) / max) * bar_w;

    let mut y = 0.0;
    // Threshold label above the plot.
    if let Some((t, label)) = &chart.threshold {
        let p = Paragraph::text(label.clone(), style.with_color(chart.highlight)).leading(1.3);
        let laid = layout_paragraph(ts, &p, width);
        if let Some(line) = laid.lines.first() {
            let w: f32 = line.runs.iter().map(|r| r.width()).sum();
            let x = (bar_x + scale(*t) - w / 2.0).clamp(0.0, width - w);
            for mut run in line.runs.clone() {
                run.x += x;
                items.push(Item::Text(run));
            }
            y += line.height;
        }
    }
    let plot_top = y;
    // The axis and threshold line go under the bars and labels: remember where.
    let under = items.len();
    for bar in &chart.bars {
        let p = Paragraph::text(bar.label.clone(), style).align(Align::Right).leading(1.25);
        let laid = layout_paragraph(ts, &p, label_w);
        let label_h = laid.lines_height();
        let bars_h = series as f32 * bar_h + (series as f32 - 1.0) * 2.0;
        let row_h = label_h.max(bars_h) + gap;
        // Label lines centred on the bars.
        let mut ly = y + (row_h - gap - label_h) / 2.0;
        for line in laid.lines {
            for mut run in line.runs {
                run.y += ly;
                items.push(Item::Text(run));
            }
            ly += line.height;
        }
        let mut by = y + (row_h - gap - bars_h) / 2.0;
        for (s, value) in bar.values.iter().enumerate() {
            if let Some(v) = value {
                // The assessed year's bar (the first series) shows the weak indicators.
                let color =
                    if bar.highlight && s == 0 { chart.highlight } else { chart.colors[s % chart.colors.len()] };
                let w = scale(*v);
                items.push(Item::Rect {
                    rect: Rect::new(bar_x, by, w.max(0.5), bar_h),
                    fill: Some(color),
                    stroke: None,
                });
                if let Some(text) = bar.value_labels.get(s) {
                    let vp = Paragraph::text(text.clone(), TextStyle::regular(size * 0.85)).leading(1.0);
                    let vl = layout_paragraph(ts, &vp, value_w);
                    if let Some(line) = vl.lines.first() {
                        let lw: f32 = line.runs.iter().map(|r| r.width()).sum();
                        // A white ground keeps the value readable over the threshold line.
                        let ground = Rect::new(bar_x + w + 1.5, by - 0.5, lw + 3.0, bar_h + 1.0);
                        items.push(Item::Rect { rect: ground, fill: Some(Rgb::WHITE), stroke: None });
                        for mut run in line.runs.clone() {
                            run.x += bar_x + w + 3.0;
                            run.y += by + (bar_h - line.height) / 2.0;
                            items.push(Item::Text(run));
                        }
                    }
                }
            }
            by += bar_h + 2.0;
        }
        y += row_h;
    }
    let plot_bottom = y;
    let mut lines = vec![Item::Line { from: (bar_x, plot_top), to: (bar_x, plot_bottom), stroke: Stroke::solid(0.6) }];
    if let Some((t, _)) = &chart.threshold {
        let x = bar_x + scale(*t);
        let stroke = Stroke { width: 0.9, color: chart.highlight, dash: Some((3.0, 2.0)) };
        lines.push(Item::Line { from: (x, plot_top), to: (x, plot_bottom), stroke });
    }
    items.splice(under..under, lines);
    // Legend.
    if chart.series.len() > 1 {
        let mut x = bar_x;
        let ly = y + 2.0;
        for (s, name) in chart.series.iter().enumerate() {
            let color = chart.colors[s % chart.colors.len()];
            items.push(Item::Rect {
                rect: Rect::new(x, ly + 3.0, size * 0.7, size * 0.7),
                fill: Some(color),
                stroke: None,
            });
            let p = Paragraph::text(name.clone(), style).leading(1.25);
            let laid = layout_paragraph(ts, &p, width);
            if let Some(line) = laid.lines.first() {
                let w: f32 = line.runs.iter().map(|r| r.width()).sum();
                for mut run in line.runs.clone() {
                    run.x += x + size;
                    run.y += ly;
                    items.push(Item::Text(run));
                }
                x += size * 2.0 + w;
            }
        }
        y += size * 1.6;
    }
    (y, items)
}
