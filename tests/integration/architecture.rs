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
    for path in inline_paths(&code, "crate") {
        if !out.contains(&path) {
            out.push(path);
        }
    }
    out
}

/// The paths written inline from `root` (`crate`, `super`): `crate::jobs::run` in
/// `crate::jobs::run()`; a bare `super::{` (a use tree, read as such) names nothing.
fn inline_paths(code: &str, root: &str) -> Vec<String> {
    let start = format!("{root}::");
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(i) = rest.find(&start) {
        // Only where a path begins (not the `super` of `super::super::`).
        let begins = !rest[..i].ends_with(|c: char| c == ':' || c == '_' || c.is_alphanumeric());
        rest = &rest[i..];
        let path: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == ':')
            .collect();
        let path = path.trim_end_matches(':');
        if begins && path != root {
            out.push(path.to_string());
        }
        rest = &rest[start.len()..];
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
        "seal.rs",
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
        // Sealing: a leaf the tables, the outbox and the settings stand on; no I/O.
        (
            "seal.rs",
            &[
                "db", "services", "jobs", "sources", "mail", "state", "webhooks", "auth", "demo",
                "settings",
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

/// The module path of a source file (`src/web/company.rs`: `["web", "company"]`;
/// `src/web/views/mod.rs`: `["web", "views"]`; `src/lib.rs`: `[]`).
fn module_of(file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src()).unwrap_or(file).with_extension("");
    let mut parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The source file that holds module `path`, or the longest module prefix of it that is a
/// file (`crate::web::company::refused` is in `src/web/company.rs`).
fn file_of(path: &[String]) -> Option<PathBuf> {
    (1..=path.len()).rev().find_map(|n| {
        let dir = path[..n].iter().fold(src(), |p, m| p.join(m));
        [dir.with_extension("rs"), dir.join("mod.rs")]
            .into_iter()
            .find(|f| f.exists())
    })
}

/// The files of `src/` that `file` imports (`crate::`, `super::` and `self::` paths,
/// aliases left out), itself excepted.
fn imported_files(file: &Path, text: &str) -> BTreeSet<PathBuf> {
    let here = module_of(file);
    let mut out = BTreeSet::new();
    let code = code_of(text);
    // `x as y` names x: drop the aliases before the paths are read.
    let mut plain = String::new();
    let mut words = code.split_inclusive(|c: char| c.is_whitespace()).peekable();
    while let Some(w) = words.next() {
        if w.trim() == "as" && !plain.trim_end().ends_with(['(', '<']) {
            // Skip the alias itself.
            while words.peek().is_some_and(|n| n.trim().is_empty()) {
                words.next();
            }
            if let Some(alias) = words.next() {
                plain.push_str(alias.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_'));
            }
            continue;
        }
        plain.push_str(w);
    }
    let mut all = paths(&plain);
    all.extend(inline_paths(&plain, "super"));
    for path in all {
        let mut parts: Vec<&str> = path.split("::").filter(|p| !p.is_empty()).collect();
        let mut module: Vec<String> = match parts.first() {
            Some(&"crate") => {
                parts.remove(0);
                Vec::new()
            }
            Some(&"super") | Some(&"self") => here.clone(),
            _ => continue,
        };
        while let Some(&step) = parts.first() {
            match step {
                "super" => {
                    module.pop();
                }
                "self" => {}
                _ => break,
            }
            parts.remove(0);
        }
        module.extend(
            parts
                .iter()
                .filter(|p| **p != "self")
                .map(|p| p.to_string()),
        );
        if let Some(target) = file_of(&module)
            && target != file
        {
            out.insert(target);
        }
    }
    out
}

#[test]
fn the_import_reader_resolves_relative_paths_and_aliases() {
    let file = src().join("web/company.rs");
    let text = "use super::{\n    company_user::{CompanyAction, suspended},\n    views::{self, company as v},\n};\nuse crate::services::requests::{self as service, Scope};\nfn f() { super::routes::HOME; }";
    let found: Vec<String> = imported_files(&file, text)
        .iter()
        .map(|f| f.strip_prefix(src()).unwrap_or(f).display().to_string())
        .collect();
    assert_eq!(
        found,
        [
            "services/requests.rs",
            "web/company_user.rs",
            "web/routes.rs",
            "web/views/company.rs",
            "web/views/mod.rs",
        ]
    );
}

/// Files that import each other in a loop, each loop once (a module's `mod.rs` that only
/// declares and re-exports its files does not count as importing them: it is their face).
#[test]
fn no_source_files_import_each_other_in_a_loop() {
    let files = rust_files(&src());
    let edges: Vec<(PathBuf, BTreeSet<PathBuf>)> = files
        .iter()
        .map(|f| {
            let text = fs::read_to_string(f).expect("readable source");
            let mut to = imported_files(f, &text);
            if f.ends_with("mod.rs") || f.ends_with("lib.rs") {
                // A face's own files (`pub use x::Y` of `mod x`) are not its imports.
                let dir = f.parent().map(Path::to_path_buf).unwrap_or_default();
                let own = |t: &PathBuf| {
                    t.parent() == Some(dir.as_path())
                        || (t.ends_with("mod.rs")
                            && t.parent().and_then(Path::parent) == Some(dir.as_path()))
                };
                to.retain(|t| !own(t));
            }
            (f.clone(), to)
        })
        .collect();
    let graph: std::collections::BTreeMap<&PathBuf, &BTreeSet<PathBuf>> =
        edges.iter().map(|(f, to)| (f, to)).collect();
    // A file in a loop reaches itself; the loop is the files it reaches that reach it.
    let reach = |from: &PathBuf| -> BTreeSet<PathBuf> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![from.clone()];
        while let Some(f) = stack.pop() {
            for t in graph.get(&f).into_iter().flat_map(|s| s.iter()) {
                if seen.insert(t.clone()) {
                    stack.push(t.clone());
                }
            }
        }
        seen
    };
    let mut loops: BTreeSet<Vec<String>> = BTreeSet::new();
    for f in &files {
        let reached = reach(f);
        if reached.contains(f) {
            let members: Vec<String> = reached
                .iter()
                .filter(|g| reach(g).contains(f))
                .map(|g| g.strip_prefix(src()).unwrap_or(g).display().to_string())
                .collect();
            loops.insert(members);
        }
    }
    assert!(loops.is_empty(), "files importing each other: {loops:#?}");
}
