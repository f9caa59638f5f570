//! Rebuilds the binary when a migration is added or changed: `embed_migrations!` reads the
//! `migrations/` folder at compile time, which cargo does not watch by itself.
//!
//! Also versions the static assets: `MANDAT_ASSETS_VERSION` is a hash of the files of
//! `assets/` (the fonts' folder apart: they go into PDFs), which the pages put in the
//! assets' URLs (`/assets/app.css?v=...`) and the assets' ETag, so that a browser may keep
//! them for a year and still never pairs new pages with old ones.
use std::fs;

fn main() -> std::io::Result<()> {
    println!("cargo:rerun-if-changed=migrations");
    println!("cargo:rerun-if-changed=assets");
    let mut files = Vec::new();
    for entry in fs::read_dir("assets")? {
        let path = entry?.path();
        if path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    // FNV-1a, 64 bits: a content hash, not a secret.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for path in files {
        let bytes = fs::read(&path)?;
        for b in path.to_string_lossy().bytes().chain(bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=MANDAT_ASSETS_VERSION={hash:016x}");
    Ok(())
}
