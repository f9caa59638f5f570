//! The embedded migrations: applied under an advisory lock (concurrent `mandat migrate`
//! runs wait for each other instead of failing), and compared with the database's, so that
//! `serve` refuses a database that lacks some and warns about one that is newer.

use diesel::{
    PgConnection, QueryableByName, RunQueryDsl,
    migration::MigrationSource,
    pg::Pg,
    sql_query,
    sql_types::{BigInt, Bool, Text},
};
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

/// The embedded migrations (the `migrations/` folder, compiled in).
pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations");

/// The advisory lock every migrating process takes ("mandmigr").
const MIGRATION_LOCK: i64 = 0x6d61_6e64_6d69_6772;

/// Applies every pending migration, one process at a time (the others wait for the lock,
/// then find nothing left to do); returns how many this process applied.
pub fn run_migrations(conn: &mut PgConnection) -> anyhow::Result<usize> {
    sql_query("SELECT pg_advisory_lock($1)")
        .bind::<BigInt, _>(MIGRATION_LOCK)
        .execute(conn)?;
    let applied = conn
        .run_pending_migrations(MIGRATIONS)
        .map(|v| v.len())
        .map_err(|e| anyhow::anyhow!("migration failed: {e}"));
    let unlocked = sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(MIGRATION_LOCK)
        .execute(conn);
    let applied = applied?;
    unlocked?;
    Ok(applied)
}

/// How the database's schema compares with the binary's migrations.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SchemaState {
    /// Migrations of the binary the database lacks (run `mandat migrate`).
    pub pending: Vec<String>,
    /// Migrations of the database the binary does not know (a newer binary migrated it).
    pub unknown: Vec<String>,
}

impl SchemaState {
    /// Whether the binary may serve this database.
    pub fn is_servable(&self) -> bool {
        self.pending.is_empty()
    }

    /// What is wrong, in one line, if anything.
    pub fn problem(&self) -> Option<String> {
        if !self.pending.is_empty() {
            Some(format!(
                "the database lacks {} migration(s) of this binary ({}): run `mandat migrate`",
                self.pending.len(),
                self.pending.join(", ")
            ))
        } else if !self.unknown.is_empty() {
            Some(format!(
                "the database has {} migration(s) this binary does not know ({}): it was migrated by a newer version",
                self.unknown.len(),
                self.unknown.join(", ")
            ))
        } else {
            None
        }
    }
}

#[derive(QueryableByName)]
struct Exists {
    #[diesel(sql_type = Bool)]
    exists: bool,
}

#[derive(QueryableByName)]
struct Version {
    #[diesel(sql_type = Text)]
    version: String,
}

/// The versions of the binary's migrations (`20261122000001`, ...), oldest first.
pub fn embedded_versions() -> anyhow::Result<Vec<String>> {
    let list = MigrationSource::<Pg>::migrations(&MIGRATIONS)
        .map_err(|e| anyhow::anyhow!("embedded migrations: {e}"))?;
    let mut versions: Vec<String> = list
        .iter()
        .map(|m| m.name().version().to_string())
        .collect();
    versions.sort();
    Ok(versions)
}

/// Compares the database with the binary (two short reads; creates nothing).
pub fn schema_state(conn: &mut PgConnection) -> anyhow::Result<SchemaState> {
    let table = sql_query("SELECT to_regclass('__diesel_schema_migrations') IS NOT NULL AS exists")
        .get_result::<Exists>(conn)?;
    let applied: Vec<String> = if table.exists {
        sql_query("SELECT version FROM __diesel_schema_migrations ORDER BY version")
            .load::<Version>(conn)?
            .into_iter()
            .map(|v| v.version)
            .collect()
    } else {
        Vec::new()
    };
    let embedded = embedded_versions()?;
    Ok(SchemaState {
        pending: embedded
            .iter()
            .filter(|v| !applied.contains(v))
            .cloned()
            .collect(),
        unknown: applied
            .iter()
            .filter(|v| !embedded.contains(v))
            .cloned()
            .collect(),
    })
}
