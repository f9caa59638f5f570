//! Text helpers for queries: LIKE patterns built from what a user typed.
//!
//! PostgreSQL's default LIKE escape character is `\`, so `%`, `_` and `\` typed by the user
//! are escaped with it and match themselves.

/// `s` with `%`, `_` and `\` escaped for a LIKE pattern (no wildcard added).
fn escape_like(s: &str, out: &mut String) {
    for ch in s.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
}

/// A LIKE pattern matching text that begins with `s`: `s` escaped, then `%`.
pub fn like_prefix(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 1);
    escape_like(s, &mut out);
    out.push('%');
    out
}

/// A LIKE pattern matching text that contains `s`: `%`, `s` escaped, then `%`.
pub fn like_contains(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('%');
    escape_like(s, &mut out);
    out.push('%');
    out
}

#[cfg(test)]
mod tests {
    use super::{like_contains, like_prefix};

    #[test]
    fn prefixes_are_escaped() {
        assert_eq!(like_prefix("50%_a\\"), "50\\%\\_a\\\\%");
        assert_eq!(like_prefix(""), "%");
    }

    #[test]
    fn contained_text_is_escaped() {
        assert_eq!(like_contains("50%_a\\b"), "%50\\%\\_a\\\\b%");
        assert_eq!(like_contains("Plonge"), "%Plonge%");
    }
}
