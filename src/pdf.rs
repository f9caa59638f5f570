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
//!
//! The file is a tagged PDF aiming at PDF/UA-1: the layout also builds the document's
//! logical structure (headings, paragraphs, lists, the fields and the calendar as tables),
//! every piece of text drawn is marked as a part of it, and what only decorates (the cells'
//! colours, the swatches, the page footer) is marked as an artifact. The document carries its
//! language and title, which viewers show instead of the file name.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use krilla::{color::rgb, text::Font};

mod writer;

pub use writer::render;

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
    /// The document breaks a rule of PDF/UA-1.
    #[error("PDF/UA-1 validation failed: {0}")]
    Validation(String),
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
    /// Text with its baseline at `y`, part of the structure's leaf `leaf` (`None`: an
    /// artifact, such as the page footer).
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        ink: Ink,
        text: String,
        leaf: Option<usize>,
    },
    /// A filled and stroked rectangle (always an artifact: the words say what it means).
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Ink,
        stroke: Ink,
    },
}

/// The kind of a node of the document's logical structure.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Role {
    /// A heading of the given level (1: the title) and its text.
    Heading(u16, String),
    /// A paragraph.
    Paragraph,
    /// A list, with bullets or without (a legend).
    List {
        bullets: bool,
    },
    /// A list item, its label (the bullet) and its body.
    Item,
    Label,
    Body,
    /// A table, its rows, a row's header cell and a data cell.
    Table,
    Row,
    RowHeader,
    Cell,
}

/// A node of the document's logical structure: a group or a leaf, which is every text
/// operation drawn with that leaf number (a paragraph can run over several lines and pages).
#[derive(Clone, Debug, PartialEq)]
enum Part {
    Group(Role, Vec<Part>),
    Leaf(usize),
}

impl Part {
    fn group(role: Role, children: Vec<Part>) -> Part {
        Part::Group(role, children)
    }

    /// A table row: the leaf `header` heading it, the leaf `cell` its one cell.
    fn row(header: usize, cell: usize) -> Part {
        Part::group(
            Role::Row,
            vec![
                Part::group(Role::RowHeader, vec![Part::Leaf(header)]),
                Part::group(Role::Cell, vec![Part::Leaf(cell)]),
            ],
        )
    }
}

/// Lays the blocks out on pages: one list of operations per page, and the structure.
struct Layout<'f> {
    fonts: &'f Fonts,
    pages: Vec<Vec<Op>>,
    y: f32,
    leaves: usize,
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Layout {
            fonts,
            pages: vec![Vec::new()],
            y: MARGIN,
            leaves: 0,
        }
    }

    /// A new leaf of the structure.
    fn leaf(&mut self) -> usize {
        self.leaves += 1;
        self.leaves - 1
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

    /// Wrapped text at `indent` from the left margin, as the leaf `leaf`; `first` is drawn
    /// before the first line (a bullet) in the indent, as its own leaf `first.1`.
    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        text: &str,
        size: f32,
        bold: bool,
        ink: Ink,
        indent: f32,
        first: Option<(&str, usize)>,
        leaf: usize,
    ) {
        let line_height = size * 1.4;
        let lines = wrap(self.face(bold), size, text, Self::width() - indent);
        for (i, line) in lines.into_iter().enumerate() {
            self.room(line_height);
            self.y += line_height;
            if i == 0
                && let Some((mark, mark_leaf)) = first
            {
                self.push(Op::Text {
                    x: MARGIN + indent - 12.0,
                    y: self.y - size * 0.3,
                    size,
                    bold,
                    ink,
                    text: mark.to_string(),
                    leaf: Some(mark_leaf),
                });
            }
            self.push(Op::Text {
                x: MARGIN + indent,
                y: self.y - size * 0.3,
                size,
                bold,
                ink,
                text: line,
                leaf: Some(leaf),
            });
        }
    }

    fn gap(&mut self, points: f32) {
        self.y += points;
    }

    /// A heading of `level` in `size` points, listed in `headings` (the outline) `lift`
    /// points above where it ends.
    fn heading(
        &mut self,
        title: &str,
        level: u16,
        size: f32,
        lift: f32,
        headings: &mut Vec<(u16, String, usize, f32)>,
    ) -> Part {
        let leaf = self.leaf();
        self.text(title, size, true, Ink::Text, 0.0, None, leaf);
        let at = (self.pages.len() - 1, (self.y - lift).max(0.0));
        headings.push((level, title.to_string(), at.0, at.1));
        Part::group(
            Role::Heading(level, title.to_string()),
            vec![Part::Leaf(leaf)],
        )
    }

    /// Label and value pairs: a table of rows, each headed by its label.
    fn fields(&mut self, fields: &[(String, String)]) -> Part {
        let mut rows = Vec::new();
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
            let (label_leaf, value_leaf) = (self.leaf(), self.leaf());
            self.push(Op::Text {
                x: MARGIN,
                y: self.y + line_height - size * 0.3,
                size,
                bold: true,
                ink: Ink::Muted,
                text: label.clone(),
                leaf: Some(label_leaf),
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
                    leaf: Some(value_leaf),
                });
            }
            rows.push(Part::row(label_leaf, value_leaf));
        }
        Part::group(Role::Table, rows)
    }

    /// What the colours mean: a list without bullets (the swatches only decorate).
    fn legend(&mut self, items: &[(Tone, String)]) -> Part {
        let mut list = Vec::new();
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
            let leaf = self.leaf();
            self.text(text, size, false, Ink::Text, 16.0, None, leaf);
            self.gap(2.0);
            list.push(Part::group(
                Role::Item,
                vec![Part::group(Role::Body, vec![Part::Leaf(leaf)])],
            ));
        }
        Part::group(Role::List { bullets: false }, list)
    }

    /// The calendar: drawn as a grid of cells, read as a table of one row per month (its
    /// label heading the row, its status in the cell).
    fn calendar(&mut self, cells: &[Cell]) -> Part {
        let mut rows = Vec::new();
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
                let (label_leaf, status_leaf) = (self.leaf(), self.leaf());
                for (text, size, bold, dy, leaf) in [
                    (&cell.label, 9.5, true, 15.0, label_leaf),
                    (&cell.status, 8.0, false, 28.0, status_leaf),
                ] {
                    let tw = text_width(self.face(bold), size, text);
                    self.push(Op::Text {
                        x: x + ((w - tw) / 2.0).max(2.0),
                        y: self.y + dy,
                        size,
                        bold,
                        ink: stroke,
                        text: text.clone(),
                        leaf: Some(leaf),
                    });
                }
                rows.push(Part::row(label_leaf, status_leaf));
            }
            self.y += h + gap;
        }
        Part::group(Role::Table, rows)
    }
}

/// A laid out document: the drawing operations of each page and the logical structure.
struct Laid {
    pages: Vec<Vec<Op>>,
    structure: Vec<Part>,
    /// The headings for the outline (bookmarks): level, text, page and top.
    headings: Vec<(u16, String, usize, f32)>,
}

/// Lays the document out: one list of drawing operations per page, footers included, and
/// the structure they are the parts of.
fn layout(fonts: &Fonts, doc: &PdfDocument) -> Laid {
    let mut l = Layout::new(fonts);
    let mut structure = Vec::new();
    let mut headings = Vec::new();
    // The items of the bulleted list being laid out (consecutive bullets make one list).
    let mut bullets: Vec<Part> = Vec::new();
    for block in &doc.blocks {
        if !bullets.is_empty() && !matches!(block, Block::Bullet(_)) {
            l.gap(6.0);
            structure.push(Part::group(
                Role::List { bullets: true },
                std::mem::take(&mut bullets),
            ));
        }
        match block {
            Block::Title(t) => {
                let part = l.heading(t, 1, 17.0, 24.0, &mut headings);
                l.gap(8.0);
                structure.push(part);
            }
            Block::Heading(t) => {
                l.gap(8.0);
                let part = l.heading(t, 2, 12.5, 18.0, &mut headings);
                l.gap(2.0);
                structure.push(part);
            }
            Block::Paragraph(t) => {
                let leaf = l.leaf();
                l.text(t, 10.0, false, Ink::Text, 0.0, None, leaf);
                l.gap(4.0);
                structure.push(Part::group(Role::Paragraph, vec![Part::Leaf(leaf)]));
            }
            Block::Strong(t) => {
                let leaf = l.leaf();
                l.text(t, 12.0, true, Ink::Text, 0.0, None, leaf);
                l.gap(6.0);
                structure.push(Part::group(Role::Paragraph, vec![Part::Leaf(leaf)]));
            }
            Block::Bullet(t) => {
                let (mark, leaf) = (l.leaf(), l.leaf());
                l.text(t, 10.0, false, Ink::Text, 14.0, Some(("•", mark)), leaf);
                l.gap(2.0);
                bullets.push(Part::group(
                    Role::Item,
                    vec![
                        Part::group(Role::Label, vec![Part::Leaf(mark)]),
                        Part::group(Role::Body, vec![Part::Leaf(leaf)]),
                    ],
                ));
            }
            Block::Fields(f) => {
                structure.push(l.fields(f));
                l.gap(6.0);
            }
            Block::Calendar(c) => {
                l.gap(4.0);
                structure.push(l.calendar(c));
            }
            Block::Legend(items) => {
                structure.push(l.legend(items));
                l.gap(4.0);
            }
        }
    }
    if !bullets.is_empty() {
        structure.push(Part::group(Role::List { bullets: true }, bullets));
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
            leaf: None,
        });
    }
    Laid {
        pages,
        structure,
        headings,
    }
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
        let pages = layout(fonts, &doc(blocks)).pages;
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

    fn every_block() -> PdfDocument {
        doc(vec![
            Block::Title("Possibilité de flexi-job".into()),
            Block::Strong("Oui, du 1er janvier au 30 juin 2025.".into()),
            Block::Heading("Ce que nous avons vérifié".into()),
            Block::Paragraph("Un paragraphe.".into()),
            Block::Bullet("Premier point".into()),
            Block::Bullet("Second point".into()),
            Block::Fields(vec![("Référence".into(), "R-1".into())]),
            Block::Calendar(vec![
                Cell {
                    label: "janvier 2025".into(),
                    status: "éligible".into(),
                    tone: Tone::Good,
                },
                Cell {
                    label: "février 2025".into(),
                    status: "non éligible".into(),
                    tone: Tone::Bad,
                },
            ]),
            Block::Legend(vec![(Tone::Good, "éligible".into())]),
        ])
    }

    #[test]
    fn the_structure_follows_the_blocks() {
        let laid = layout(fonts().unwrap(), &every_block());
        let roles: Vec<Role> = laid
            .structure
            .iter()
            .map(|part| match part {
                Part::Group(role, _) => role.clone(),
                Part::Leaf(_) => panic!("a leaf at the top"),
            })
            .collect();
        assert_eq!(
            roles,
            [
                Role::Heading(1, "Possibilité de flexi-job".into()),
                Role::Paragraph,
                Role::Heading(2, "Ce que nous avons vérifié".into()),
                Role::Paragraph,
                Role::List { bullets: true },
                Role::Table,
                Role::Table,
                Role::List { bullets: false },
            ]
        );
        // The two bullets are one list of two items, each a label and a body.
        let Part::Group(_, items) = &laid.structure[4] else {
            unreachable!()
        };
        assert_eq!(items.len(), 2);
        assert!(items.iter().all(|item| matches!(
            item,
            Part::Group(Role::Item, parts)
                if matches!(parts[..], [Part::Group(Role::Label, _), Part::Group(Role::Body, _)])
        )));
        // The calendar: a row per month, headed by the month.
        let Part::Group(_, rows) = &laid.structure[6] else {
            unreachable!()
        };
        assert_eq!(rows.len(), 2);
        // Every text drawn but the footer is a leaf of the structure, each leaf used once.
        let mut seen = vec![false; writer::leaf_count(&laid.structure)];
        for op in laid.pages.iter().flatten() {
            if let Op::Text { leaf, text, .. } = op {
                match leaf {
                    Some(leaf) => seen[*leaf] = true,
                    None => assert!(text.starts_with("Référence ·"), "{text}"),
                }
            }
        }
        assert!(seen.iter().all(|s| *s));
    }

    #[test]
    fn the_pdf_is_tagged_with_its_language_and_title_and_passes_krillas_pdf_ua_checks() {
        let bytes = writer::write(&every_block(), true).expect("valid PDF/UA-1");
        if let Ok(path) = std::env::var("MANDAT_PDF_SAMPLE") {
            std::fs::write(path, &bytes).unwrap();
        }
        assert!(bytes.starts_with(b"%PDF-"));
        // (The integration tests read the structure back with poppler's pdfinfo.)
    }
}
