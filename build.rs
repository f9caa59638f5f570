//! Rebuilds the binary when a migration is added or changed: `embed_migrations!` reads the
//! `migrations/` folder at compile time, which cargo does not watch by itself.
//!
//! Also versions the static assets: `MANDAT_ASSETS_VERSION` is a hash of their bytes, which
//! the pages put in the assets' URLs (`/assets/app.css?v=...`) and the assets' ETag, so that
//! a browser may keep them for a year and still never pairs new pages with old ones.
use std::{fs, path::Path};

/// The files of `src/web/assets.rs`, in its order.
const ASSETS: [&str; 4] = ["app.css", "app.js", "htmx.min.js", "favicon.svg"];

fn main() {
    println!("cargo:rerun-if-changed=migrations");
    // FNV-1a, 64 bits: a content hash, not a secret.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for name in ASSETS {
        let path = Path::new("assets").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        let bytes = fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for b in name.bytes().chain(bytes) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=MANDAT_ASSETS_VERSION={hash:016x}");
}
