//! The shape of the code, held by a test: the layers of `src/` import only downwards, so
//! that each feature keeps one obvious room. Read from the source files themselves (every
//! `crate::<module>` a file names, in `use` lines and inline paths).

use std::{
    collections::BTreeSet,
    fs,
    path::{Path, PathBuf},
};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The code of a source text: test modules and comments (doc links are not imports) left
/// out.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every path a source text names: each `use` tree flattened (`use crate::{db::{self, x},
/// web::routes}` gives `crate::db::self`, `crate::db::x`, `crate::web::routes`), and the
/// inline `crate::a::b` paths.
fn paths(text: &str) -> Vec<String> {
    let code = code_of(text);
    let mut out = Vec::new();
    let mut rest = code.as_str();
    while let Some(i) = rest.find("use ") {
        let before = &rest[..i];
        rest = &rest[i + 4..];
        if !(before.is_empty() || before.ends_with(|c: char| c.is_whitespace() || c == ';')) {
            continue;
        }
        let Some(end) = rest.find(';') else { break };
        let tree: String = rest[..end].chars().filter(|c| !c.is_whitespace()).collect();
        flatten("", &tree, &mut out);
        rest = &rest[end..];
    }
    let mut rest = code.as_str();
    while let Some(i) = rest.find("crate::") {
        rest = &rest[i..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let path = path.trim_end_matches(':');
        if path != "crate" && !out.iter().any(|p| p == path) {
            out.push(path.to_string());
        }
        rest = &rest["crate::".len()..];
    }
    out
}

/// Appends the paths of the use tree `tree` (no whitespace), under `prefix`.
fn flatten(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let Some(open) = tree.find('{') else {
        out.push(format!("{prefix}{tree}"));
        return;
    };
    let head = format!("{prefix}{}", &tree[..open]);
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut depth = 0;
    let mut start = 0;
    for (i, ch) in inner.char_indices() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                if i > start {
                    flatten(&head, &inner[start..i], out);
                }
                start = i + 1;
            }
            _ => {}
        }
    }
    if start < inner.len() {
        flatten(&head, &inner[start..], out);
    }
}

/// The top-level modules of the crate a source text names.
fn crate_modules(text: &str) -> BTreeSet<String> {
    paths(text)
        .iter()
        .filter_map(|p| p.strip_prefix("crate::"))
        .filter_map(|p| p.split("::").next())
        .filter(|m| !m.is_empty() && *m != "self")
        .map(str::to_string)
        .collect()
}

/// The source root.
fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Files under `src/<place>` (a folder or a file) that name one of `forbidden`.
fn offenders(place: &str, forbidden: &[&str]) -> Vec<String> {
    let path = src().join(place);
    // A place that is not there (renamed, made a folder) would pass unread.
    assert!(path.exists(), "no {} to check", path.display());
    let files = if path.is_dir() {
        rust_files(&path)
    } else {
        vec![path]
    };
    let mut found = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable source");
        for module in crate_modules(&text) {
            if forbidden.contains(&module.as_str()) {
                found.push(format!(
                    "{} uses crate::{module}",
                    file.strip_prefix(src()).unwrap_or(&file).display()
                ));
            }
        }
    }
    found
}

#[test]
fn the_parser_reads_grouped_and_inline_paths() {
    let text = "use crate::{\n    db::{self, schema::x},\n    web::routes,\n};\nfn f() { crate::jobs::run(); }\n#[cfg(test)]\nmod t { use crate::api; }";
    let names: Vec<_> = crate_modules(text).into_iter().collect();
    assert_eq!(names, ["db", "jobs", "web"]);
    let mut all = paths(text);
    all.sort();
    assert_eq!(
        all,
        [
            "crate::db::schema::x",
            "crate::db::self",
            "crate::jobs::run",
            "crate::web::routes"
        ]
    );
}

#[test]
fn nothing_below_the_web_side_imports_it() {
    let upper = ["web", "api", "startup"];
    let mut found = Vec::new();
    for place in [
        "domain",
        "db",
        "services",
        "jobs",
        "sources",
        "mail",
        "demo",
        "state.rs",
        "limits.rs",
        "auth",
        "webhooks.rs",
        "webhooks",
        "pdf.rs",
        "pdf",
        "privacy.rs",
        "qr.rs",
        "i18n.rs",
        "i18n",
        "settings",
        "clock.rs",
        "telemetry.rs",
    ] {
        found.extend(offenders(place, &upper));
    }
    assert!(found.is_empty(), "imports pointing up: {found:#?}");
}

#[test]
fn each_layer_imports_only_below_itself() {
    let rules: &[(&str, &[&str])] = &[
        // Pure rules: nothing with I/O.
        (
            "domain",
            &[
                "db", "services", "jobs", "sources", "mail", "state", "webhooks", "auth", "pdf",
                "demo", "settings",
            ],
        ),
        // Tables: no use case, no job, no state.
        (
            "db",
            &[
                "services", "jobs", "state", "sources", "mail", "webhooks", "auth", "demo",
            ],
        ),
        // Use cases: no job scheduling, no application state, no demo world.
        ("services", &["jobs", "state", "demo"]),
        ("sources", &["services", "jobs", "state", "demo"]),
        ("mail", &["services", "jobs", "state", "demo"]),
        // Jobs: the use cases and tables below them, never the demo world.
        ("jobs", &["demo"]),
        // The HTML side stands beside the API, under the application that holds both
        // (the API takes the web side's context and extractors, not the other way).
        ("web", &["api", "startup"]),
    ];
    let mut found = Vec::new();
    for (place, forbidden) in rules {
        found.extend(offenders(place, forbidden));
    }
    assert!(found.is_empty(), "imports across the layers: {found:#?}");
}

#[test]
fn views_never_import_handlers() {
    let handlers = [
        "admin",
        "auth",
        "citizen",
        "company",
        "company_api",
        "consult",
        "home",
        "mailbox",
        "health",
    ];
    let mut found = Vec::new();
    for file in rust_files(&src().join("web/views")) {
        let text = fs::read_to_string(&file).expect("readable source");
        for path in paths(&text) {
            let module = path
                .strip_prefix("crate::web::")
                .or_else(|| path.strip_prefix("super::super::"))
                .and_then(|p| p.split("::").next());
            if module.is_some_and(|m| handlers.contains(&m)) {
                found.push(format!("{} uses {path}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "views importing handlers: {found:#?}");
}

#[test]
fn no_source_file_is_over_700_lines_before_its_tests() {
    let mut found = Vec::new();
    for file in rust_files(&src()) {
        if file.ends_with("db/schema.rs") {
            continue;
        }
        let text = fs::read_to_string(&file).expect("readable source");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let lines = code.lines().count();
        if lines > 700 {
            found.push(format!("{}: {lines} lines", file.display()));
        }
    }
    assert!(found.is_empty(), "files too long: {found:#?}");
}

#[test]
fn request_statuses_are_spelled_in_one_file() {
    let mut found = Vec::new();
    for file in rust_files(&src()) {
        let text = fs::read_to_string(&file).expect("readable source");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for status in ["\"pending\"", "\"accepted\"", "\"expired\""] {
            if code.contains(status) {
                found.push(format!("{} spells {status}", file.display()));
            }
        }
    }
    let files: BTreeSet<&str> = found
        .iter()
        .map(|f| f.split(" spells ").next().unwrap_or(""))
        .collect();
    assert!(
        files.len() <= 1,
        "status names spelled in several files: {found:#?}"
    );
}
