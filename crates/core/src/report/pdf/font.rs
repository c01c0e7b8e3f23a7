//! The two fonts the PDF uses: Helvetica and Helvetica-Bold, two of the
//! standard 14 every PDF reader has, so nothing is embedded (the file stays
//! small and the app carries no font). They are written in WinAnsiEncoding,
//! which covers Latin-1 and typographic punctuation; any other character is
//! written as its code point (`[U+738B]`) so the text stays exact and legible
//! rather than turning into boxes. Widths come from the fonts' metrics (AFM)
//! for ASCII; other characters take their base letter's width or a full em,
//! never less than they need, so a wrapped line never runs off the page.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    Regular,
    Bold,
}

impl Font {
    /// The resource name in each page's font dictionary.
    pub fn resource(self) -> &'static [u8] {
        match self {
            Font::Regular => b"F1",
            Font::Bold => b"F2",
        }
    }

    pub fn base_name(self) -> &'static [u8] {
        match self {
            Font::Regular => b"Helvetica",
            Font::Bold => b"Helvetica-Bold",
        }
    }
}

/// Advance widths (1/1000 em) of ASCII 32..=126, from Adobe's Helvetica AFM.
const REGULAR: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
    278, // space../
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0..?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @..O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P.._
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // `..o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p..~
];

/// The same from Adobe's Helvetica-Bold AFM.
const BOLD: [u16; 95] = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, //
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611, //
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778, //
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, //
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, //
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, //
];

/// WinAnsiEncoding's bytes 0x80..=0x9F (the rest of 0xA0..=0xFF is Latin-1).
const WIN_ANSI_HIGH: [(char, u8); 27] = [
    ('€', 0x80),
    ('‚', 0x82),
    ('ƒ', 0x83),
    ('„', 0x84),
    ('…', 0x85),
    ('†', 0x86),
    ('‡', 0x87),
    ('ˆ', 0x88),
    ('‰', 0x89),
    ('Š', 0x8A),
    ('‹', 0x8B),
    ('Œ', 0x8C),
    ('Ž', 0x8E),
    ('\u{2018}', 0x91),
    ('\u{2019}', 0x92),
    ('\u{201C}', 0x93),
    ('\u{201D}', 0x94),
    ('•', 0x95),
    ('–', 0x96),
    ('—', 0x97),
    ('˜', 0x98),
    ('™', 0x99),
    ('š', 0x9A),
    ('›', 0x9B),
    ('œ', 0x9C),
    ('ž', 0x9E),
    ('Ÿ', 0x9F),
];

/// The character's byte in WinAnsiEncoding, if it has one.
fn win_ansi(c: char) -> Option<u8> {
    match c as u32 {
        0x20..=0x7E | 0xA0..=0xFF => Some(c as u32 as u8),
        _ => WIN_ANSI_HIGH
            .iter()
            .find(|(ch, _)| *ch == c)
            .map(|(_, b)| *b),
    }
}

/// Text made writable in the fonts: tabs and other control characters become
/// spaces, characters outside WinAnsiEncoding become `[U+XXXX]`. Returns the
/// text and whether anything was spelled out.
pub fn writable(s: &str) -> (String, bool) {
    let mut out = String::with_capacity(s.len());
    let mut spelled = false;
    for c in s.chars() {
        if c.is_control() {
            out.push(' ');
        } else if win_ansi(c).is_some() {
            out.push(c);
        } else {
            spelled = true;
            out.push_str(&format!("[U+{:04X}]", c as u32));
        }
    }
    (out, spelled)
}

/// Encodes text already made `writable` (anything else becomes `?`).
pub fn encode(s: &str) -> Vec<u8> {
    s.chars().map(|c| win_ansi(c).unwrap_or(b'?')).collect()
}

/// The letter an accented Latin-1 letter is drawn on (`é` → `e`), whose width it shares.
fn base_letter(c: char) -> Option<char> {
    const GROUPS: [(&str, char); 24] = [
        ("ÀÁÂÃÄÅ", 'A'),
        ("àáâãäå", 'a'),
        ("Ç", 'C'),
        ("ç", 'c'),
        ("ÈÉÊË", 'E'),
        ("èéêë", 'e'),
        ("ÌÍÎÏ", 'I'),
        ("ìíîï", 'i'),
        ("Ð", 'D'),
        ("ð", 'o'),
        ("Ñ", 'N'),
        ("ñ", 'n'),
        ("ÒÓÔÕÖØ", 'O'),
        ("òóôõöø", 'o'),
        ("ÙÚÛÜ", 'U'),
        ("ùúûü", 'u'),
        ("ÝŸ", 'Y'),
        ("ýÿ", 'y'),
        ("Š", 'S'),
        ("š", 's'),
        ("Ž", 'Z'),
        ("ž", 'z'),
        ("Þ", 'P'),
        ("þ", 'p'),
    ];
    GROUPS
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|(_, base)| *base)
}

/// Width of one character in 1/1000 em.
fn char_width(font: Font, c: char) -> u16 {
    let table = match font {
        Font::Regular => &REGULAR,
        Font::Bold => &BOLD,
    };
    let ascii = |c: char| table[(c as usize) - 0x20];
    match c {
        ' '..='~' => ascii(c),
        // No-break space is a space.
        '\u{A0}' => ascii(' '),
        _ => base_letter(c).map_or(1000, ascii),
    }
}

/// Width of `text` (already writable) in points at `size`.
pub fn width(font: Font, size: f32, text: &str) -> f32 {
    let units: u32 = text.chars().map(|c| u32::from(char_width(font, c))).sum();
    units as f32 * size / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_text_is_kept_and_the_rest_is_spelled_out() {
        assert_eq!(writable("Müller — 5 €"), ("Müller — 5 €".into(), false));
        assert_eq!(writable("王芳\tok"), ("[U+738B][U+82B3] ok".into(), true));
        assert_eq!(writable("😀"), ("[U+1F600]".into(), true));
        assert_eq!(encode("é—"), vec![0xE9, 0x97]);
    }

    #[test]
    fn widths_follow_the_metrics_and_never_undercount() {
        assert_eq!(width(Font::Regular, 10.0, "Hi"), (722.0 + 222.0) / 100.0);
        assert!(width(Font::Bold, 10.0, "i") > width(Font::Regular, 10.0, "i"));
        assert_eq!(
            width(Font::Regular, 10.0, "é"),
            width(Font::Regular, 10.0, "e")
        );
        assert_eq!(width(Font::Regular, 1.0, "©"), 1.0, "a full em for symbols");
    }
}
