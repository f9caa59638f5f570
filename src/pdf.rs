//! PDF export: a small document model (title, headings, paragraphs, bullets, fields and a
//! calendar of coloured cells) laid out on A4 pages and written with krilla.
//!
//! The text is set in DejaVu Sans, embedded in the binary and subset into each file, so
//! accents and other non-ASCII letters print and extract right. Lines are wrapped with the
//! font's advance widths; a document longer than a page continues on the next one, every
//! page carrying the footer and its page number.
//!
//! The layout ([`layout`]) is pure and separate from the writing ([`render`]), so it can be
//! tested without parsing PDF.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, Timelike, Utc};
use krilla::{
    Document,
    color::rgb,
    geom::{PathBuilder, Point, Rect},
    metadata::{self, Metadata},
    num::NormalizedF32,
    page::PageSettings,
    paint::{Fill, Stroke},
    text::{Font, TextDirection},
};

/// DejaVu Sans (see `assets/fonts/DejaVu-LICENSE`).
static REGULAR_TTF: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
static BOLD_TTF: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 width, in points.
pub const PAGE_WIDTH: f32 = 595.28;
/// A4 height, in points.
pub const PAGE_HEIGHT: f32 = 841.89;
/// Margin on every side.
const MARGIN: f32 = 56.0;
/// Room kept at the bottom of each page for the footer.
const FOOTER_ROOM: f32 = 28.0;
/// Columns of the calendar: a row per quarter (a calendar's months start in January).
const CALENDAR_COLUMNS: usize = 3;

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// The embedded font could not be read (a broken build).
    #[error("embedded font unreadable")]
    Font,
    /// krilla refused the document.
    #[error("PDF serialization failed: {0}")]
    Write(String),
}

/// The tone of a calendar cell.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Tone {
    /// Conditions met (green).
    Good,
    /// Conditions not met (red).
    Bad,
    /// Not determined (grey).
    Neutral,
}

impl Tone {
    /// Its fill and stroke.
    fn inks(self) -> (Ink, Ink) {
        match self {
            Tone::Good => (Ink::GreenLight, Ink::Green),
            Tone::Bad => (Ink::RedLight, Ink::Red),
            Tone::Neutral => (Ink::GreyLight, Ink::Grey),
        }
    }
}

/// A cell of a calendar: a label (a month) and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// First line, e.g. "January 2025".
    pub label: String,
    /// Second line, e.g. "eligible" (colour is never the only carrier of meaning).
    pub status: String,
    /// Its colour.
    pub tone: Tone,
}

/// A block of the document, top to bottom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// The document's title (large, bold).
    Title(String),
    /// A section heading (bold).
    Heading(String),
    /// A paragraph.
    Paragraph(String),
    /// A paragraph in bold: the answer.
    Strong(String),
    /// A bullet point.
    Bullet(String),
    /// Label and value pairs, one per line.
    Fields(Vec<(String, String)>),
    /// Cells laid out in a grid.
    Calendar(Vec<Cell>),
    /// What each colour of a calendar means: a swatch and its words, one per line.
    Legend(Vec<(Tone, String)>),
}

/// A document to export.
#[derive(Clone, Debug)]
pub struct PdfDocument {
    /// Title (also the file's metadata title).
    pub title: String,
    /// Language code of the text (`fr`, `nl`, `de`, `en`).
    pub lang: String,
    /// When it was made (metadata creation date, UTC).
    pub created_at: DateTime<Utc>,
    /// The content.
    pub blocks: Vec<Block>,
    /// A line at the bottom of every page (the page number is added to it).
    pub footer: String,
}

/// The two faces, for drawing (krilla) and measuring (ttf-parser).
struct Fonts {
    regular: Font,
    bold: Font,
    regular_face: ttf_parser::Face<'static>,
    bold_face: ttf_parser::Face<'static>,
}

static FONTS: LazyLock<Option<Fonts>> = LazyLock::new(|| {
    Some(Fonts {
        regular: Font::new(REGULAR_TTF.into(), 0)?,
        bold: Font::new(BOLD_TTF.into(), 0)?,
        regular_face: ttf_parser::Face::parse(REGULAR_TTF, 0).ok()?,
        bold_face: ttf_parser::Face::parse(BOLD_TTF, 0).ok()?,
    })
});

fn fonts() -> Result<&'static Fonts, PdfError> {
    FONTS.as_ref().ok_or(PdfError::Font)
}

/// The width of `text` set in `face` at `size` points.
fn text_width(face: &ttf_parser::Face<'_>, size: f32, text: &str) -> f32 {
    let units = f32::from(face.units_per_em());
    let advance: f32 = text
        .chars()
        .map(|ch| {
            face.glyph_index(ch)
                .and_then(|g| face.glyph_hor_advance(g))
                .map_or(f32::from(face.units_per_em()) / 2.0, f32::from)
        })
        .sum();
    advance * size / units
}

/// Splits `text` into lines no wider than `width` (a word longer than a line stands alone).
fn wrap(face: &ttf_parser::Face<'_>, size: f32, text: &str, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(face, size, &candidate) > width {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Colours used.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Ink {
    Text,
    Muted,
    Green,
    GreenLight,
    Red,
    RedLight,
    Grey,
    GreyLight,
}

impl Ink {
    fn rgb(self) -> rgb::Color {
        let (r, g, b) = match self {
            Ink::Text => (0x1f, 0x29, 0x33),
            Ink::Muted => (0x5c, 0x67, 0x70),
            Ink::Green => (0x1a, 0x6e, 0x35),
            Ink::GreenLight => (0xe3, 0xf4, 0xe8),
            Ink::Red => (0xa3, 0x1d, 0x1d),
            Ink::RedLight => (0xfb, 0xe6, 0xe6),
            Ink::Grey => (0x55, 0x5d, 0x66),
            Ink::GreyLight => (0xee, 0xf0, 0xf2),
        };
        rgb::Color::new(r, g, b)
    }
}

/// One drawing operation, in page coordinates (origin top left, y down).
#[derive(Clone, Debug, PartialEq)]
enum Op {
    /// Text with its baseline at `y`.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        ink: Ink,
        text: String,
    },
    /// A filled and stroked rectangle.
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Ink,
        stroke: Ink,
    },
}

/// Lays the blocks out on pages: one list of operations per page.
struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    y: f32,
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    fn width() -> f32 {
        PAGE_WIDTH - 2.0 * MARGIN
    }

    fn bottom() -> f32 {
        PAGE_HEIGHT - MARGIN - FOOTER_ROOM
    }

    /// Makes room for `height` more points, starting a page if needed.
    fn room(&mut self, height: f32) {
        if self.y + height > Self::bottom() && self.y > MARGIN {
            self.pages.push(Vec::new());
            self.y = MARGIN;
        }
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    fn face(&self, bold: bool) -> &'f ttf_parser::Face<'static> {
        if bold {
            &self.fonts.bold_face
        } else {
            &self.fonts.regular_face
        }
    }

    /// Wrapped text at `indent` from the left margin; `first` is drawn before the first line
    /// (a bullet) in the indent.
    fn text(
        &mut self,
        text: &str,
        size: f32,
        bold: bool,
        ink: Ink,
        indent: f32,
        first: Option<&str>,
    ) {
        let line_height = size * 1.4;
        let lines = wrap(self.face(bold), size, text, Self::width() - indent);
        for (i, line) in lines.into_iter().enumerate() {
            self.room(line_height);
            self.y += line_height;
            if i == 0
                && let Some(mark) = first
            {
                self.push(Op::Text {
                    x: MARGIN + indent - 12.0,
                    y: self.y - size * 0.3,
                    size,
                    bold,
                    ink,
                    text: mark.to_string(),
                });
            }
            self.push(Op::Text {
                x: MARGIN + indent,
                y: self.y - size * 0.3,
                size,
                bold,
                ink,
                text: line,
            });
        }
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    fn fields(&mut self, fields: &[(String, String)]) {
        let size = 10.0;
        let label_width = fields
            .iter()
            .map(|(l, _)| text_width(self.face(true), size, l))
            .fold(0.0_f32, f32::max)
            .min(Self::width() * 0.4)
            + 10.0;
        for (label, value) in fields {
            let lines = wrap(self.face(false), size, value, Self::width() - label_width);
            let line_height = size * 1.45;
            self.room(line_height * lines.len().max(1) as f32);
            self.push(Op::Text {
                x: MARGIN,
                y: self.y + line_height - size * 0.3,
                size,
                bold: true,
                ink: Ink::Muted,
                text: label.clone(),
            });
            for line in lines {
                self.y += line_height;
                self.push(Op::Text {
                    x: MARGIN + label_width,
                    y: self.y - size * 0.3,
                    size,
                    bold: false,
                    ink: Ink::Text,
                    text: line,
                });
            }
        }
    }

    fn legend(&mut self, items: &[(Tone, String)]) {
        let size = 9.5;
        for (tone, text) in items {
            let (fill, stroke) = tone.inks();
            self.room(size * 1.4);
            self.push(Op::Rect {
                x: MARGIN,
                y: self.y + size * 0.35,
                w: 9.0,
                h: 9.0,
                fill,
                stroke,
            });
            self.text(text, size, false, Ink::Text, 16.0, None);
            self.gap(2.0);
        }
    }

    fn calendar(&mut self, cells: &[Cell]) {
        let gap = 6.0;
        let w = (Self::width() - gap * (CALENDAR_COLUMNS as f32 - 1.0)) / CALENDAR_COLUMNS as f32;
        let h = 36.0;
        for row in cells.chunks(CALENDAR_COLUMNS) {
            self.room(h + gap);
            for (i, cell) in row.iter().enumerate() {
                let x = MARGIN + i as f32 * (w + gap);
                let (fill, stroke) = cell.tone.inks();
                self.push(Op::Rect {
                    x,
                    y: self.y,
                    w,
                    h,
                    fill,
                    stroke,
                });
                for (text, size, bold, dy) in [
                    (&cell.label, 9.5, true, 15.0),
                    (&cell.status, 8.0, false, 28.0),
                ] {
                    let tw = text_width(self.face(bold), size, text);
                    self.push(Op::Text {
                        x: x + ((w - tw) / 2.0).max(2.0),
                        y: self.y + dy,
                        size,
                        bold,
                        ink: stroke,
                        text: text.clone(),
                    });
                }
            }
            self.y += h + gap;
        }
    }
}

/// Lays the document out: one list of drawing operations per page, footers included.
fn layout(fonts: &Fonts, doc: &PdfDocument) -> Vec<Vec<Op>> {
    let mut l = Layout::new(fonts);
    let mut after_bullets = false;
    for block in &doc.blocks {
        if after_bullets && !matches!(block, Block::Bullet(_)) {
            l.gap(6.0);
        }
        after_bullets = matches!(block, Block::Bullet(_));
        match block {
            Block::Title(t) => {
                l.text(t, 17.0, true, Ink::Text, 0.0, None);
                l.gap(8.0);
            }
            Block::Heading(t) => {
                l.gap(8.0);
                l.text(t, 12.5, true, Ink::Text, 0.0, None);
                l.gap(2.0);
            }
            Block::Paragraph(t) => {
                l.text(t, 10.0, false, Ink::Text, 0.0, None);
                l.gap(4.0);
            }
            Block::Strong(t) => {
                l.text(t, 12.0, true, Ink::Text, 0.0, None);
                l.gap(6.0);
            }
            Block::Bullet(t) => {
                l.text(t, 10.0, false, Ink::Text, 14.0, Some("•"));
                l.gap(2.0);
            }
            Block::Fields(f) => {
                l.fields(f);
                l.gap(6.0);
            }
            Block::Calendar(c) => {
                l.gap(4.0);
                l.calendar(c);
            }
            Block::Legend(items) => {
                l.legend(items);
                l.gap(4.0);
            }
        }
    }
    let total = l.pages.len();
    let mut pages = l.pages;
    for (i, page) in pages.iter_mut().enumerate() {
        page.push(Op::Text {
            x: MARGIN,
            y: PAGE_HEIGHT - MARGIN + 6.0,
            size: 8.0,
            bold: false,
            ink: Ink::Muted,
            text: format!("{} · {}/{}", doc.footer, i + 1, total),
        });
    }
    pages
}

/// Writes the document as a PDF file.
pub fn render(doc: &PdfDocument) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let pages = layout(fonts, doc);
    let mut document = Document::new();
    let at = doc.created_at;
    document.set_metadata(
        Metadata::new()
            .title(doc.title.clone())
            .language(doc.lang.clone())
            .creator("mandat".to_string())
            .creation_date(
                metadata::DateTime::new(u16::try_from(at.year()).unwrap_or(2000))
                    .month(at.month() as u8)
                    .day(at.day() as u8)
                    .hour(at.hour() as u8)
                    .minute(at.minute() as u8)
                    .second(at.second() as u8)
                    .utc_offset_hour(0)
                    .utc_offset_minute(0),
            ),
    );
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
        .ok_or_else(|| PdfError::Write("page size".into()))?;
    for ops in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    bold,
                    ink,
                    text,
                } => {
                    surface.set_stroke(None);
                    surface.set_fill(Some(Fill {
                        paint: ink.rgb().into(),
                        opacity: NormalizedF32::ONE,
                        rule: Default::default(),
                    }));
                    let font = if bold { &fonts.bold } else { &fonts.regular };
                    surface.draw_text(
                        Point::from_xy(x, y),
                        font.clone(),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    stroke,
                } => {
                    let Some(rect) = Rect::from_xywh(x, y, w, h) else {
                        continue;
                    };
                    let mut pb = PathBuilder::new();
                    pb.push_rect(rect);
                    let Some(path) = pb.finish() else {
                        continue;
                    };
                    surface.set_fill(Some(Fill {
                        paint: fill.rgb().into(),
                        opacity: NormalizedF32::ONE,
                        rule: Default::default(),
                    }));
                    surface.set_stroke(Some(Stroke {
                        paint: stroke.rgb().into(),
                        width: 1.2,
                        ..Default::default()
                    }));
                    surface.draw_path(&path);
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(blocks: Vec<Block>) -> PdfDocument {
        PdfDocument {
            title: "Résultat".into(),
            lang: "fr".into(),
            created_at: DateTime::from_timestamp(1_741_167_000, 0).unwrap(),
            blocks,
            footer: "Référence".into(),
        }
    }

    #[test]
    fn lines_wrap_within_the_width() {
        let fonts = fonts().unwrap();
        let text =
            "Maria Abara peut travailler comme flexi-travailleur du 1er janvier au 30 juin 2025. "
                .repeat(6);
        let lines = wrap(&fonts.regular_face, 10.0, &text, 200.0);
        assert!(lines.len() > 5);
        for line in &lines {
            assert!(
                text_width(&fonts.regular_face, 10.0, line) <= 200.0,
                "{line}"
            );
        }
        assert_eq!(
            lines.join(" "),
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    #[test]
    fn a_long_document_continues_on_further_pages_each_with_its_number() {
        let fonts = fonts().unwrap();
        let blocks = (0..200)
            .map(|i| Block::Paragraph(format!("Paragraphe {i}")))
            .collect();
        let pages = layout(fonts, &doc(blocks));
        assert!(pages.len() >= 2);
        let total = pages.len();
        for (i, page) in pages.iter().enumerate() {
            let footer = format!("Référence · {}/{total}", i + 1);
            assert!(
                page.iter()
                    .any(|op| matches!(op, Op::Text { text, .. } if *text == footer))
            );
            for op in page {
                if let Op::Text { y, .. } = op {
                    assert!(*y <= PAGE_HEIGHT - MARGIN + 6.0);
                }
            }
        }
    }

    #[test]
    fn a_pdf_is_written_with_its_font_embedded() {
        let bytes = render(&doc(vec![
            Block::Title("Possibilité de flexi-job".into()),
            Block::Calendar(vec![Cell {
                label: "février 2025".into(),
                status: "éligible".into(),
                tone: Tone::Good,
            }]),
        ]))
        .unwrap();
        assert!(bytes.starts_with(b"%PDF-"));
        let text = String::from_utf8_lossy(&bytes);
        assert!(text.contains("DejaVuSans"), "the font is embedded");
    }
}
