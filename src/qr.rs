//! QR codes of the citizen's links, as SVG: shown by the company app and handed to the
//! integrators by the API (who show it in their own software).

/// The QR code of `text` as an SVG document (without an XML declaration), at least 240
/// pixels square with its quiet zone; empty if the text cannot be encoded (too long).
pub fn svg(text: &str) -> String {
    let svg = qrcode::QrCode::new(text.as_bytes())
        .map(|code| {
            code.render::<qrcode::render::svg::Color>()
                .min_dimensions(240, 240)
                .quiet_zone(true)
                .build()
        })
        .unwrap_or_default();
    match svg.find("<svg") {
        Some(start) => svg[start..].to_string(),
        None => svg,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_link_becomes_an_svg_document() {
        let svg = super::svg("https://mandat.example/r/abc");
        assert!(
            svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
            "{svg}"
        );
        assert!(!svg.contains("<?xml"));
    }
}
