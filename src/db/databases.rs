//! Databases of the cluster, beside the main one: the demo tenants' databases and the
//! template they are cloned from (`CREATE DATABASE ... TEMPLATE ...`).
//!
//! The template holds every migration of this binary and nothing else; its name carries a
//! digest of those migrations (`mandat_demo_template_<digest>`), so a binary whose
//! migrations differ builds its own, and no binary ever clones a template of another
//! schema. It is built under a temporary name and renamed when complete: two servers
//! building it at once cannot leave a half-built one behind. Every tenant database carries
//! a comment naming the main database it belongs to, so that one left behind by a crash is
//! found and dropped (see [`orphans`]).

use diesel::{
    Connection, PgConnection, QueryableByName, RunQueryDsl, sql_query,
    sql_types::{Bool, Text},
};
use sha2::{Digest, Sha256};

use super::migrations;

/// The prefix of the templates' names.
const TEMPLATE_PREFIX: &str = "mandat_demo_template_";

#[derive(QueryableByName)]
struct Name {
    #[diesel(sql_type = Text)]
    name: String,
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = Bool)]
    exists: bool,
}

/// `url` with its database name replaced by `name` (the query, e.g. `?host=/socket`, kept).
pub fn url_with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map_or(0, |i| i + 3);
    let authority_end = base[scheme_end..]
        .find('/')
        .map_or(base.len(), |i| scheme_end + i);
    let mut out = format!("{}/{}", &base[..authority_end], name);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    out
}

/// A database name made by this module: lower-case ASCII letters, digits and underscores
/// (quoted all the same).
fn quoted(name: &str) -> QueryResult<String> {
    if !name.is_empty()
        && name.len() <= 63
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        Ok(format!("\"{name}\""))
    } else {
        Err(diesel::result::Error::QueryBuilderError(
            format!("not a database name of ours: {name:?}").into(),
        ))
    }
}

type QueryResult<T> = diesel::QueryResult<T>;

/// The database `conn` is connected to.
pub fn current_database(conn: &mut PgConnection) -> QueryResult<String> {
    Ok(sql_query("SELECT current_database() AS name")
        .get_result::<Name>(conn)?
        .name)
}

/// Whether the database `name` exists.
pub fn exists(conn: &mut PgConnection, name: &str) -> QueryResult<bool> {
    Ok(
        sql_query("SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1) AS exists")
            .bind::<Text, _>(name)
            .get_result::<Exists>(conn)?
            .exists,
    )
}

/// A fresh name for a tenant database of the main database `main`: a readable prefix
/// (the main database's and the tenant's names, cut short) and 8 random hexadecimal digits,
/// at most 63 bytes.
pub fn new_tenant_database_name(main: &str, tenant: &str) -> String {
    let clean = |s: &str, max: usize| -> String {
        s.chars()
            .map(|c| match c {
                'a'..='z' | '0'..='9' => c,
                'A'..='Z' => c.to_ascii_lowercase(),
                _ => '_',
            })
            .take(max)
            .collect()
    };
    let suffix: u32 = rand::random();
    let main = clean(main, 20);
    format!(
        "{}_d_{}_{suffix:08x}",
        main.trim_end_matches('_'),
        clean(tenant, 30)
    )
}

/// The comment every tenant database of the main database `main` carries.
pub fn tenant_comment(main: &str) -> String {
    format!("mandat demo tenant of {main}")
}

/// Clones `template` into a new database `name`, commented `comment`. Not in a
/// transaction (PostgreSQL refuses `CREATE DATABASE` in one).
pub fn create_from_template(
    conn: &mut PgConnection,
    name: &str,
    template: &str,
    comment: &str,
) -> QueryResult<()> {
    sql_query(format!(
        "CREATE DATABASE {} TEMPLATE {}",
        quoted(name)?,
        quoted(template)?
    ))
    .execute(conn)?;
    // The comment is a literal: escape its quotes.
    sql_query(format!(
        "COMMENT ON DATABASE {} IS '{}'",
        quoted(name)?,
        comment.replace('\'', "''")
    ))
    .execute(conn)?;
    Ok(())
}

/// Drops the database `name` if it exists, ending its connections first.
pub fn drop_database(conn: &mut PgConnection, name: &str) -> QueryResult<()> {
    sql_query(format!(
        "DROP DATABASE IF EXISTS {} WITH (FORCE)",
        quoted(name)?
    ))
    .execute(conn)
    .map(|_| ())
}

/// The databases commented `comment` (see [`tenant_comment`]) that `known` does not list:
/// tenant databases a crash left behind. Call it under the tenants' lock, so that none is
/// being made.
pub fn orphans(
    conn: &mut PgConnection,
    comment: &str,
    known: &[String],
) -> QueryResult<Vec<String>> {
    let found = sql_query(
        "SELECT d.datname AS name FROM pg_database d
           JOIN pg_shdescription s ON s.objoid = d.oid AND s.classoid = 'pg_database'::regclass
          WHERE s.description = $1",
    )
    .bind::<Text, _>(comment)
    .load::<Name>(conn)?;
    Ok(found
        .into_iter()
        .map(|n| n.name)
        .filter(|n| !known.contains(n))
        .collect())
}

/// The template's name for this binary's migrations.
pub fn template_name() -> anyhow::Result<String> {
    let versions = migrations::embedded_versions()?;
    let digest = Sha256::digest(versions.join(",").as_bytes());
    Ok(format!("{TEMPLATE_PREFIX}{}", &hex::encode(digest)[..12]))
}

/// The template of this binary's migrations, built first if the cluster has none (through
/// `conn`, a connection to the main database at `main_url`); older templates (of other
/// migrations) are dropped when a new one is built. Returns its name.
pub fn ensure_template(conn: &mut PgConnection, main_url: &str) -> anyhow::Result<String> {
    let name = template_name()?;
    if exists(conn, &name)? {
        return Ok(name);
    }
    let started = std::time::Instant::now();
    let building = format!("mandat_demo_build_{:08x}", rand::random::<u32>());
    sql_query(format!("CREATE DATABASE {}", quoted(&building)?)).execute(conn)?;
    let built = (|| -> anyhow::Result<()> {
        let mut tpl = PgConnection::establish(&url_with_database(main_url, &building))?;
        migrations::run_migrations(&mut tpl)?;
        Ok(())
    })();
    let renamed = built.and_then(|()| {
        sql_query(format!(
            "ALTER DATABASE {} RENAME TO {}",
            quoted(&building)?,
            quoted(&name)?
        ))
        .execute(conn)
        .map_err(anyhow::Error::from)
    });
    if let Err(e) = renamed {
        drop_database(conn, &building)?;
        // Another server built it meanwhile: use theirs.
        if exists(conn, &name)? {
            return Ok(name);
        }
        return Err(e.context("building the demo tenants' template"));
    }
    tracing::info!(
        template = %name,
        ms = started.elapsed().as_millis() as u64,
        "demo tenants' template built"
    );
    let older = sql_query(
        "SELECT datname AS name FROM pg_database WHERE starts_with(datname, $1) AND datname <> $2",
    )
    .bind::<Text, _>(TEMPLATE_PREFIX)
    .bind::<Text, _>(&name)
    .load::<Name>(conn)?;
    for Name { name: old } in older {
        if let Err(e) = drop_database(conn, &old) {
            tracing::warn!(template = %old, error = %e, "older template not dropped");
        }
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_with_another_database() {
        let cases = [
            (
                "postgres://u:p@db:5432/mandat",
                "postgres://u:p@db:5432/other",
            ),
            (
                "postgres://u@localhost/mandat?sslmode=require",
                "postgres://u@localhost/other?sslmode=require",
            ),
            (
                "postgres://postgres@/mandat?host=/run/pg",
                "postgres://postgres@/other?host=/run/pg",
            ),
            ("postgres://db", "postgres://db/other"),
        ];
        for (url, expected) in cases {
            assert_eq!(url_with_database(url, "other"), expected, "{url}");
        }
    }

    #[test]
    fn tenant_database_names_are_ours_and_short() {
        let name = new_tenant_database_name("mandat_t_1733300000_abcdef123456", "roadshow-gent");
        assert!(
            name.starts_with("mandat_t_1733300000_d_roadshow_gent_"),
            "{name}"
        );
        assert!(name.len() <= 63);
        assert!(quoted(&name).is_ok());
        let long = new_tenant_database_name(&"M".repeat(80), &"a".repeat(30));
        assert!(long.len() <= 63, "{long}");
        assert!(quoted(&long).is_ok());
        assert_ne!(
            new_tenant_database_name("m", "a"),
            new_tenant_database_name("m", "a")
        );
        assert!(quoted("x\"; DROP").is_err());
        assert!(template_name().unwrap().starts_with(TEMPLATE_PREFIX));
    }
}
