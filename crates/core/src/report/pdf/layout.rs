//! Flowing text onto A4 pages: every piece of text is wrapped to its column
//! (words first, then characters for a word wider than the column, such as a
//! URL or an id), rows move to the next page whole when they fit on one, and
//! a row taller than a page continues line by line.

use super::font::{self, Font};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN: f32 = 50.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN;
/// Below this the footer (page number) lives.
const BOTTOM: f32 = 64.0;
const CELL_GAP: f32 = 8.0;

pub type Rgb = (f32, f32, f32);
pub const BLACK: Rgb = (0.0, 0.0, 0.0);
pub const MUTED: Rgb = (0.34, 0.38, 0.42);

/// One line of text placed on a page.
#[derive(Debug, Clone)]
pub struct Line {
    pub x: f32,
    pub y: f32,
    pub font: Font,
    pub size: f32,
    pub color: Rgb,
    pub text: String,
}

/// What a page holds: text lines and horizontal rules (`x`, `y`, width).
#[derive(Debug, Default)]
pub struct Page {
    pub lines: Vec<Line>,
    pub rules: Vec<(f32, f32, f32)>,
}

/// A table cell: its text and how it is set.
#[derive(Debug, Clone)]
pub struct Cell {
    pub text: String,
    pub font: Font,
    pub color: Rgb,
}

impl Cell {
    pub fn plain(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            font: Font::Regular,
            color: BLACK,
        }
    }

    pub fn bold(text: impl Into<String>) -> Self {
        Self {
            font: Font::Bold,
            ..Self::plain(text)
        }
    }

    pub fn colored(mut self, color: Rgb) -> Self {
        self.color = color;
        self
    }
}

pub struct Layout {
    pub pages: Vec<Page>,
    top: f32,
    y: f32,
    /// Some text held characters the fonts lack (spelled out as code points).
    pub spelled: bool,
}

impl Layout {
    /// Pages whose body starts `top` points below the top edge (room for a header).
    pub fn new(top: f32) -> Self {
        let top = PAGE_H - top;
        Self {
            pages: vec![Page::default()],
            top,
            y: top,
            spelled: false,
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = self.top;
    }

    fn room(&self) -> f32 {
        self.y - BOTTOM
    }

    /// Starts a new page unless `height` fits below the cursor.
    fn ensure(&mut self, height: f32) {
        if height > self.room() && self.y < self.top {
            self.new_page();
        }
    }

    pub fn space(&mut self, points: f32) {
        self.y -= points;
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a layout always has a page")
    }

    /// A section heading, kept with at least three lines of what follows.
    pub fn heading(&mut self, text: &str, size: f32) {
        self.ensure(size * 1.6 + 3.0 * leading(10.0));
        self.space(size * 0.6);
        self.paragraph(Cell::bold(text), size);
        let y = self.y + 2.0;
        self.page().rules.push((MARGIN, y, CONTENT_W));
        self.space(4.0);
    }

    /// Text across the full width.
    pub fn paragraph(&mut self, cell: Cell, size: f32) {
        self.row(&[(cell, CONTENT_W)], size);
    }

    /// One table row: cells side by side, each wrapped to its width.
    pub fn row(&mut self, cells: &[(Cell, f32)], size: f32) {
        let lead = leading(size);
        let wrapped: Vec<Vec<String>> = cells
            .iter()
            .map(|(c, w)| {
                let (text, spelled) = font::writable(&c.text);
                self.spelled |= spelled;
                wrap(&text, c.font, size, w - CELL_GAP)
            })
            .collect();
        let height = wrapped.iter().map(Vec::len).max().unwrap_or(0) as f32 * lead;
        // A row that fits on a page is never split.
        if height <= self.top - BOTTOM {
            self.ensure(height);
        }
        for i in 0..wrapped.iter().map(Vec::len).max().unwrap_or(0) {
            self.ensure(lead);
            self.y -= lead;
            let y = self.y + (lead - size) * 0.6;
            let mut x = MARGIN;
            for ((cell, w), lines) in cells.iter().zip(&wrapped) {
                if let Some(text) = lines.get(i) {
                    let line = Line {
                        x,
                        y,
                        font: cell.font,
                        size,
                        color: cell.color,
                        text: text.clone(),
                    };
                    self.page().lines.push(line);
                }
                x += w;
            }
        }
        self.space(lead * 0.25);
    }

    /// Label → value rows.
    pub fn pairs(&mut self, rows: &[(&str, String)], size: f32) {
        for (k, v) in rows {
            self.row(
                &[
                    (Cell::plain(*k).colored(MUTED), 150.0),
                    (Cell::plain(v.clone()), CONTENT_W - 150.0),
                ],
                size,
            );
        }
    }
}

pub fn leading(size: f32) -> f32 {
    size * 1.3
}

/// Wraps writable text to `max` points: at spaces, and inside a word only when
/// the word alone is wider than the line. Newlines start a new line.
pub fn wrap(text: &str, font: Font, size: f32, max: f32) -> Vec<String> {
    let fits = |s: &str| font::width(font, size, s) <= max;
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is cut where the line is full.
            for c in word.chars() {
                line.push(c);
                if !fits(&line) && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::replace(&mut line, c.to_string()));
                }
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_wrap_and_a_long_word_is_cut_to_the_line() {
        let lines = wrap("one two three", Font::Regular, 10.0, 40.0);
        assert_eq!(lines, ["one two", "three"]);
        let url = format!("https://example.com/{}", "a".repeat(300));
        let lines = wrap(&url, Font::Regular, 10.0, 100.0);
        assert!(lines.len() > 5);
        assert!(lines
            .iter()
            .all(|l| font::width(Font::Regular, 10.0, l) <= 100.0));
        assert_eq!(lines.concat(), url, "nothing lost in the cut");
        assert_eq!(wrap("a\nb", Font::Regular, 10.0, 100.0), ["a", "b"]);
    }

    #[test]
    fn a_row_taller_than_a_page_continues_on_the_next() {
        let mut l = Layout::new(60.0);
        l.paragraph(Cell::plain("word ".repeat(8000)), 10.0);
        assert!(l.pages.len() > 2);
        for p in &l.pages {
            assert!(p
                .lines
                .iter()
                .all(|line| line.y >= BOTTOM && line.y < PAGE_H - 60.0));
        }
    }
}
