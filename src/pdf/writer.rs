//! Writing the laid out document with krilla: every text drawn marked as a part of the
//! structure (or as an artifact), the structure tree, the metadata and the outline.

use std::num::NonZeroU16;

use chrono::{Datelike, Timelike};
use krilla::{
    Document, SerializeSettings,
    configure::{Accessibility, ConfigurationBuilder},
    destination::XyzDestination,
    error::KrillaError,
    geom::{PathBuilder, Point, Rect},
    metadata::{self, Metadata},
    num::NormalizedF32,
    outline::{Outline, OutlineNode},
    page::PageSettings,
    paint::{Fill, Stroke},
    surface::Surface,
    tagging::{
        Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope,
        Tag, TagGroup, TagKind, TagTree,
    },
    text::TextDirection,
};

use super::{
    Ink, Laid, MARGIN, Op, PAGE_HEIGHT, PAGE_WIDTH, Part, PdfDocument, PdfError, Role, fonts,
    layout,
};

/// Writes the document as a PDF file: a tagged PDF checked against PDF/UA-1 by krilla, or,
/// should a text break one of its rules (a character the font lacks), the same tagged PDF
/// without that claim rather than no file at all.
pub fn render(doc: &PdfDocument) -> Result<Vec<u8>, PdfError> {
    match write(doc, true) {
        Err(PdfError::Validation(why)) => {
            tracing::warn!(%why, "PDF/UA-1 validation failed; exporting without the claim");
            write(doc, false)
        }
        other => other,
    }
}

/// Writes the document, declaring PDF/UA-1 (and validating it) when `ua` is set.
pub(super) fn write(doc: &PdfDocument, ua: bool) -> Result<Vec<u8>, PdfError> {
    let fonts = fonts()?;
    let Laid {
        pages,
        structure,
        headings,
    } = layout(fonts, doc);
    let mut configuration = ConfigurationBuilder::new();
    if ua {
        configuration = configuration.with_accessibility_validator(Accessibility::UA1);
    }
    let configuration = configuration
        .finish()
        .map_err(|e| PdfError::Write(format!("{e:?}")))?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    });
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
    // The marked content of each leaf of the structure, in drawing order.
    let mut marked: Vec<Vec<Identifier>> = vec![Vec::new(); leaf_count(&structure)];
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
                    leaf,
                } => {
                    let id = match leaf {
                        Some(_) => surface.start_tagged(ContentTag::Span(SpanTag::empty())),
                        None => surface.start_tagged(ContentTag::Artifact(Artifact::new(
                            ArtifactType::Footer,
                            None,
                        ))),
                    };
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
                    surface.end_tagged();
                    if let Some(ids) = leaf.and_then(|leaf| marked.get_mut(leaf)) {
                        ids.push(id);
                    }
                }
                Op::Rect {
                    x,
                    y,
                    w,
                    h,
                    fill,
                    stroke,
                } => draw_rect(&mut surface, x, y, w, h, fill, stroke),
            }
        }
        surface.finish();
        page.finish();
    }
    let mut tree = TagTree::new().with_lang(Some(doc.lang.clone()));
    for part in structure {
        if let Some(group) = tag_group(part, &mut marked) {
            tree.push(group);
        }
    }
    document.set_tag_tree(tree);
    document.set_outline(outline(&headings));
    document.finish().map_err(|e| match e {
        KrillaError::Validation(errors) => PdfError::Validation(format!("{errors:?}")),
        e => PdfError::Write(format!("{e:?}")),
    })
}

/// A decorative rectangle, marked as an artifact.
#[allow(clippy::too_many_arguments)]
fn draw_rect(surface: &mut Surface<'_>, x: f32, y: f32, w: f32, h: f32, fill: Ink, stroke: Ink) {
    let Some(rect) = Rect::from_xywh(x, y, w, h) else {
        return;
    };
    let mut pb = PathBuilder::new();
    pb.push_rect(rect);
    let Some(path) = pb.finish() else {
        return;
    };
    surface.start_tagged(ContentTag::Artifact(Artifact::new(
        ArtifactType::Layout,
        None,
    )));
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
    surface.end_tagged();
}

/// The outline (bookmarks): the second-level headings under the title.
fn outline(headings: &[(u16, String, usize, f32)]) -> Outline {
    let mut outline = Outline::new();
    let mut top: Option<OutlineNode> = None;
    for (level, text, page, y) in headings {
        let node = OutlineNode::new(
            text.clone(),
            XyzDestination::new(*page, Point::from_xy(MARGIN, *y)),
        );
        match &mut top {
            Some(parent) if *level > 1 => parent.push_child(node),
            _ => {
                if let Some(done) = top.replace(node.with_open(true)) {
                    outline.push_child(done);
                }
            }
        }
    }
    if let Some(done) = top {
        outline.push_child(done);
    }
    outline
}

/// How many leaves the structure has (they are numbered from 0).
pub(super) fn leaf_count(parts: &[Part]) -> usize {
    parts
        .iter()
        .map(|part| match part {
            Part::Leaf(leaf) => leaf + 1,
            Part::Group(_, children) => leaf_count(children),
        })
        .max()
        .unwrap_or(0)
}

/// krilla's tag of a role.
fn tag_kind(role: Role) -> TagKind {
    match role {
        Role::Heading(level, title) => Tag::Hn(
            NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN),
            Some(title),
        )
        .into(),
        Role::Paragraph => Tag::P.into(),
        Role::List { bullets } => Tag::L(if bullets {
            ListNumbering::Disc
        } else {
            ListNumbering::None
        })
        .into(),
        Role::Item => Tag::LI.into(),
        Role::Label => Tag::Lbl.into(),
        Role::Body => Tag::LBody.into(),
        Role::Table => Tag::Table.into(),
        Role::Row => Tag::TR.into(),
        Role::RowHeader => Tag::TH(TableHeaderScope::Row).into(),
        Role::Cell => Tag::TD.into(),
    }
}

/// The tag group of a part of the structure, its leaves replaced by their marked content
/// (`None` for a group with nothing drawn, such as an empty paragraph).
fn tag_group(part: Part, marked: &mut [Vec<Identifier>]) -> Option<TagGroup> {
    let Part::Group(role, children) = part else {
        return None;
    };
    let mut group = TagGroup::new(tag_kind(role));
    let mut empty = true;
    for child in children {
        match child {
            Part::Leaf(leaf) => {
                for id in marked.get_mut(leaf).map(std::mem::take).unwrap_or_default() {
                    group.push(id);
                    empty = false;
                }
            }
            group_part @ Part::Group(..) => {
                if let Some(child) = tag_group(group_part, marked) {
                    group.push(child);
                    empty = false;
                }
            }
        }
    }
    (!empty).then_some(group)
}
