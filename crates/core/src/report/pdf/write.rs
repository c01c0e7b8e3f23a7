//! Laid-out pages to PDF bytes with pdf-writer: the two standard fonts, a
//! header on every page when there is one (the simulation mark), and
//! "Page n of N" in every footer.

use pdf_writer::{Content, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use super::font::{self, Font};
use super::layout::{wrap, Line, Page, CONTENT_W, MARGIN, PAGE_H, PAGE_W};

/// The header's text size; `header_height` is the room it takes.
const HEADER_SIZE: f32 = 9.0;

/// Lines of the header as it is drawn, already writable.
pub fn header_lines(text: &str) -> Vec<String> {
    let (text, _) = font::writable(text);
    wrap(&text, Font::Bold, HEADER_SIZE, CONTENT_W - 16.0)
}

/// Points below the top edge that a header of `lines` lines takes.
pub fn header_height(lines: usize) -> f32 {
    if lines == 0 {
        MARGIN
    } else {
        30.0 + lines as f32 * HEADER_SIZE * 1.3 + 18.0
    }
}

pub struct Meta<'a> {
    pub title: &'a str,
    /// Left of the page number in every footer.
    pub footer: &'a str,
}

pub fn write(pages: &[Page], header: &[String], meta: &Meta) -> Vec<u8> {
    let mut pdf = Pdf::new();
    let catalog = Ref::new(1);
    let tree = Ref::new(2);
    let regular = Ref::new(3);
    let bold = Ref::new(4);
    let info = Ref::new(5);
    let first = 6;
    let page_ids: Vec<(Ref, Ref)> = (0..pages.len() as i32)
        .map(|i| (Ref::new(first + 2 * i), Ref::new(first + 2 * i + 1)))
        .collect();

    pdf.catalog(catalog).pages(tree);
    pdf.pages(tree)
        .kids(page_ids.iter().map(|(p, _)| *p))
        .count(pages.len() as i32);
    for (id, f) in [(regular, Font::Regular), (bold, Font::Bold)] {
        pdf.type1_font(id)
            .base_font(Name(f.base_name()))
            .encoding_predefined(Name(b"WinAnsiEncoding"));
    }
    let (title, _) = font::writable(meta.title);
    pdf.document_info(info)
        .title(TextStr(&title))
        .producer(TextStr("Onramp"));

    let (footer, _) = font::writable(meta.footer);
    let total = pages.len();
    for (n, (page, (page_id, content_id))) in pages.iter().zip(&page_ids).enumerate() {
        let mut c = Content::new();
        draw_header(&mut c, header);
        for &(x, y, w) in &page.rules {
            c.set_stroke_gray(0.75)
                .set_line_width(0.5)
                .move_to(x, y)
                .line_to(x + w, y)
                .stroke();
        }
        for line in &page.lines {
            text(&mut c, line);
        }
        let number = format!("Page {} of {total}", n + 1);
        let size = 8.0;
        let right = PAGE_W - MARGIN - font::width(Font::Regular, size, &number);
        let footer_w = right - MARGIN - 12.0;
        let footer = wrap(&footer, Font::Regular, size, footer_w);
        for (x, t) in [
            (MARGIN, footer.first().cloned().unwrap_or_default()),
            (right, number),
        ] {
            text(
                &mut c,
                &Line {
                    x,
                    y: 36.0,
                    font: Font::Regular,
                    size,
                    color: super::layout::MUTED,
                    text: t,
                },
            );
        }
        pdf.stream(*content_id, &c.finish());
        let mut p = pdf.page(*page_id);
        p.media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .parent(tree)
            .contents(*content_id);
        p.resources()
            .fonts()
            .pair(Name(Font::Regular.resource()), regular)
            .pair(Name(Font::Bold.resource()), bold);
        p.finish();
    }
    pdf.finish()
}

/// A boxed band at the top of the page.
fn draw_header(c: &mut Content, header: &[String]) {
    if header.is_empty() {
        return;
    }
    let lead = HEADER_SIZE * 1.3;
    let height = header.len() as f32 * lead + 10.0;
    let top = PAGE_H - 30.0;
    c.set_fill_rgb(1.0, 0.95, 0.8)
        .set_stroke_rgb(0.6, 0.4, 0.0)
        .set_line_width(1.5)
        .rect(MARGIN, top - height, CONTENT_W, height)
        .fill_nonzero_and_stroke();
    for (i, t) in header.iter().enumerate() {
        text(
            c,
            &Line {
                x: MARGIN + 8.0,
                y: top - 5.0 - (i as f32 + 1.0) * lead + 2.0,
                font: Font::Bold,
                size: HEADER_SIZE,
                color: (0.0, 0.0, 0.0),
                text: t.clone(),
            },
        );
    }
}

fn text(c: &mut Content, line: &Line) {
    let (r, g, b) = line.color;
    c.begin_text()
        .set_fill_rgb(r, g, b)
        .set_font(Name(line.font.resource()), line.size)
        .next_line(line.x, line.y)
        .show(Str(&font::encode(&line.text)))
        .end_text();
}
