//! A generated database at scale, for benchmarks and the planner tests (`mandat dev generate
//! --requests N --consultations M --companies K`): set-based SQL only (`INSERT ... SELECT
//! generate_series`), so that ten million requests and fifty million consultations take
//! minutes, not hours.
//!
//! What it makes, at the instant `now`, deterministically (the same numbers give the same
//! rows, ids aside):
//! - `K` employers (valid enterprise numbers `1xxxxxxxxx`), each with its main access manager
//!   (a generated person) who accepted the terms of use;
//! - one large company holding a tenth of the requests: the demo's Resto Pokébowl when the
//!   demo world is there (Jan Peeters signs in to it), otherwise the first generated one;
//! - citizens (a quarter as many as the requests, at least 100), persons of the register
//!   with valid NISS (born 1950-1994, serial numbers from 500, so never a demo person's);
//! - `N` requests over every status (pending 2 %, expired 8 %, refused 6 %, withdrawn 2 %,
//!   accepted 5 %, ended 65 %, revoked 10 %, blocked 2 %: three years of history, of which
//!   the last weeks are still in the company's tabs) and both contexts (flexi-job 70 %),
//!   with their mandates' Belgian-calendar ends; the finished ones
//!   archived as the `archive` job would have done it (dated when they became due, their
//!   link's hash spent); their transition log (creation, answer, end, archival) as the app
//!   and its jobs write it; a sent mail for each request of the last 30 days;
//! - `M` consultations on the accesses that were accepted, within their mandates.
//!
//! The rows lie in the tables in the order a table in use holds them, not in the order they
//! were drawn: a request's row where the table's end was at its last indexed change (its
//! archival, else its last transition: each of them writes a new version of the row,
//! appended), the transition log in the order of its events. A purge or a list that reads
//! rows of one period then reads neighbouring pages, as it would in production; drawn in
//! random order, every row of a batch of 5 000 would be on a page of its own.
//!
//! The big tables' indexes (those no constraint owns) and foreign keys are dropped first and
//! made again once the rows are in, in the same transaction: a sort per index instead of
//! millions of random insertions into each, one join per foreign key instead of a check
//! (and a lock of the parent row) per row.
//!
//! The purge has not run on it: the personal data of requests archived 90 days ago and the
//! consultations older than a year are still there (`mandat jobs run-once purge` erases
//! them: a purge of that size is a benchmark of its own). Every other job finds nothing
//! to do at `now`.

use std::fmt;

use chrono::{DateTime, Utc};
use diesel::{
    prelude::*,
    sql_query,
    sql_types::{BigInt, Integer, Text, Timestamptz},
};

use super::companies::RESTO_BCE;
use crate::{
    db::{request_events::ARCHIVED, schema::companies},
    services::companies::TERMS_VERSION,
};

/// How much to generate.
#[derive(Copy, Clone, Debug)]
pub struct Sizes {
    /// Access requests.
    pub requests: i64,
    /// Consultation audit rows.
    pub consultations: i64,
    /// Companies (besides the demo's).
    pub companies: i64,
}

/// What was generated.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    /// Companies made.
    pub companies: usize,
    /// Persons added to the register (citizens and managers).
    pub persons: usize,
    /// Access requests made.
    pub requests: usize,
    /// Their transitions.
    pub events: usize,
    /// Consultations made.
    pub consultations: usize,
    /// Mails (sent) of the recent requests.
    pub mails: usize,
}

impl fmt::Display for Generated {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} companies, {} persons, {} requests, {} events, {} consultations, {} mails",
            self.companies,
            self.persons,
            self.requests,
            self.events,
            self.consultations,
            self.mails
        )
    }
}

/// The enterprise number of the `i`-th generated company (`1` then 7 digits, its check).
pub fn company_bce(i: i64) -> String {
    let body = 10_000_000 + i;
    format!("{body}{:02}", 97 - body % 97)
}

/// The number of citizens generated for `requests` requests.
pub fn citizens_for(requests: i64) -> i64 {
    (requests / 4).max(100)
}

/// Generates the database described in the module's documentation at `now`, in one
/// transaction, then analyses the tables. Refuses a database already generated (the first
/// company's number is taken) and sizes out of range.
pub fn generate(
    conn: &mut PgConnection,
    sizes: Sizes,
    now: DateTime<Utc>,
    blocked_tab_days: i64,
) -> anyhow::Result<Generated> {
    let Sizes {
        requests,
        consultations,
        companies: company_count,
    } = sizes;
    anyhow::ensure!(
        (1..=100_000_000).contains(&requests),
        "--requests: 1 to 100 000 000"
    );
    anyhow::ensure!(
        (0..=1_000_000_000).contains(&consultations),
        "--consultations: 0 to 1 000 000 000"
    );
    anyhow::ensure!(
        (1..=1_000_000).contains(&company_count),
        "--companies: 1 to 1 000 000"
    );
    let citizens = citizens_for(requests);
    anyhow::ensure!(
        citizens + company_count <= 7_000_000,
        "too many persons for the generated NISS range (at most 7 000 000 citizens and managers)"
    );
    let taken: bool = diesel::select(diesel::dsl::exists(
        companies::table.filter(companies::bce.eq(company_bce(0))),
    ))
    .get_result(conn)?;
    anyhow::ensure!(
        !taken,
        "this database was already generated (company {} exists): use a fresh one",
        company_bce(0)
    );
    let generated = conn.transaction(|conn| -> anyhow::Result<Generated> {
        sql_query("SET LOCAL work_mem = '256MB'").execute(conn)?;
        sql_query("SET LOCAL maintenance_work_mem = '512MB'").execute(conn)?;
        let indexes = drop_indexes(conn, BULK_TABLES)?;
        let persons = people(conn, citizens + company_count)?;
        let companies = make_companies(conn, company_count, citizens, now)?;
        let requests = make_requests(conn, requests, citizens, company_count, now)?;
        archive(conn, now, blocked_tab_days)?;
        let requests_inserted = sql_query(
            "INSERT INTO access_requests (id, company_id, provider_id, context,
                    language, status, status_reason, created_at, expires_at, status_changed_at,
                    bound_at, mandate_id, accepted_at, valid_until, archived_at)
             SELECT id, company_id, provider_id, context, language, status,
                    status_reason, created_at, expires_at, status_changed_at,
                    bound_at, mandate_id, accepted_at, valid_until, archived_at
               FROM gen_requests ORDER BY COALESCE(archived_at, status_changed_at)",
        )
        .execute(conn)?;
        debug_assert_eq!(requests, requests_inserted);
        // Their personal data and their parties, in the same order (the purge deletes
        // them in archival order).
        sql_query(
            "INSERT INTO request_personal (request_id, label, email, target_niss,
                    citizen_first_name, citizen_last_name)
             SELECT id, label, email, target_niss, citizen_first_name, citizen_last_name
               FROM gen_requests ORDER BY COALESCE(archived_at, status_changed_at)",
        )
        .execute(conn)?;
        sql_query(
            "INSERT INTO request_parties (request_id, citizen_niss, created_by)
             SELECT id, citizen_niss, created_by
               FROM gen_requests ORDER BY COALESCE(archived_at, status_changed_at)",
        )
        .execute(conn)?;
        // The links of the requests not archived (an archived request's link is spent).
        sql_query(
            "INSERT INTO request_links (token_hash, request_id, expires_at)
             SELECT sha256(convert_to(id::text, 'UTF8')), id, expires_at
               FROM gen_requests WHERE archived_at IS NULL",
        )
        .execute(conn)?;
        let events = events(conn)?;
        let consultations = make_consultations(conn, consultations, now)?;
        let mails = mails(conn, now)?;
        for definition in &indexes {
            // A partitioned table's index is defined `ON ONLY` the table: made again that
            // way, it would be an empty shell, valid on none of its partitions.
            let definition = definition.replacen(" ON ONLY ", " ON ", 1);
            sql_query(definition).execute(conn)?;
        }
        Ok(Generated {
            companies,
            persons,
            requests: requests_inserted,
            events,
            consultations,
            mails,
        })
    })?;
    for table in ["persons", "companies", "company_members"]
        .iter()
        .chain(BULK_TABLES)
    {
        // As autovacuum leaves a table after a bulk load: statistics, and the visibility
        // map that lets index-only scans skip the rows (the plans of a database in use).
        sql_query(format!("VACUUM (ANALYZE) {table}")).execute(conn)?;
    }
    Ok(generated)
}

/// The tables the generator fills by millions of rows.
const BULK_TABLES: &[&str] = &[
    "access_requests",
    "request_personal",
    "request_parties",
    "request_events",
    "consultations",
    "outbox_emails",
];

/// Drops the indexes of `tables` that no constraint owns (the primary and unique keys stay:
/// foreign keys and `ON CONFLICT` need them) and their foreign keys, and returns their
/// definitions, to be made again once the rows are in. An index built over ten million rows at once is a sort; the
/// same index kept while the rows go in one by one is ten million random insertions. In
/// the generator's transaction: a failure leaves the indexes as they were.
fn drop_indexes(conn: &mut PgConnection, tables: &[&str]) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Index {
        #[diesel(sql_type = Text)]
        name: String,
        #[diesel(sql_type = Text)]
        definition: String,
    }
    let indexes: Vec<Index> = sql_query(
        "SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
           FROM pg_index i
          WHERE i.indrelid = ANY(SELECT unnest($1::text[])::regclass)
            AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
    )
    .bind::<diesel::sql_types::Array<Text>, _>(tables)
    .load(conn)?;
    for index in &indexes {
        sql_query(format!("DROP INDEX {}", index.name)).execute(conn)?;
    }
    // The foreign keys too: kept, each row would be checked (and its parent row locked)
    // one by one; added again, they are checked by one join.
    let keys: Vec<Index> = sql_query(
        "SELECT c.conrelid::regclass::text || ' DROP CONSTRAINT ' || quote_ident(c.conname)
                    AS name,
                'ALTER TABLE ' || c.conrelid::regclass::text || ' ADD CONSTRAINT '
                    || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid) AS definition
           FROM pg_constraint c
          WHERE c.contype = 'f' AND c.conrelid = ANY(SELECT unnest($1::text[])::regclass)",
    )
    .bind::<diesel::sql_types::Array<Text>, _>(tables)
    .load(conn)?;
    for key in &keys {
        sql_query(format!("ALTER TABLE {}", key.name)).execute(conn)?;
    }
    Ok(indexes
        .into_iter()
        .chain(keys)
        .map(|i| i.definition)
        .collect())
}

/// The persons `0..count` of the generated register (`gen_people`): `j`'s NISS is made of
/// a birth date (1950-1994, days 1-28) and a serial number from 500, with its check digits.
fn people(conn: &mut PgConnection, count: i64) -> QueryResult<usize> {
    sql_query(
        "CREATE TEMP TABLE gen_people ON COMMIT DROP AS
         SELECT j, lpad(body::text, 9, '0') || lpad((97 - body % 97)::text, 2, '0') AS niss,
                make_date(1900 + yy, mm, dd) AS birth,
                (ARRAY['Anna','Bram','Chloé','Dirk','Elise','Fatima','Gert','Hanna','Ilias',
                       'Julie','Karel','Lotte','Mehdi','Nina','Olivier','Pauline'])[1 + j % 16]
                    AS first_name,
                (ARRAY['Peeters','Janssens','Maes','Jacobs','Dubois','Lambert','Dupont',
                       'Martin','Claes','Wouters','Schmitz','Müller','Goossens','Simon'])
                    [1 + (j / 16) % 14] || ' ' || j AS last_name,
                (ARRAY['fr','nl','nl','fr','de','en'])[1 + j % 6] AS language
           FROM (SELECT j, yy, mm, dd,
                        yy * 10000000::bigint + mm * 100000 + dd * 1000 + 500 + (j / 15120) % 499
                            AS body
                   FROM (SELECT j, 50 + (j % 45)::int AS yy, 1 + ((j / 45) % 12)::int AS mm,
                                1 + ((j / 540) % 28)::int AS dd
                           FROM generate_series(0::bigint, $1 - 1) j) d) b",
    )
    .bind::<BigInt, _>(count)
    .execute(conn)?;
    sql_query("CREATE UNIQUE INDEX ON gen_people (j)").execute(conn)?;
    sql_query(
        "INSERT INTO persons (niss, last_name, first_name, birth_date, language)
         SELECT niss, last_name, first_name, birth, language FROM gen_people
         ON CONFLICT (niss) DO NOTHING",
    )
    .execute(conn)
}

/// The companies `0..count` (`gen_companies`, with their manager person `citizens + i`), and
/// the large one as `i = -1`: Resto Pokébowl (its manager Jan) when it exists, else company 0.
fn make_companies(
    conn: &mut PgConnection,
    count: i64,
    citizens: i64,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    sql_query(
        "CREATE TEMP TABLE gen_companies ON COMMIT DROP AS
         SELECT i, gen_random_uuid() AS id,
                (10000000 + i)::text || lpad((97 - (10000000 + i) % 97)::text, 2, '0') AS bce,
                p.niss AS manager
           FROM generate_series(0::bigint, $1 - 1) i JOIN gen_people p ON p.j = $2 + i",
    )
    .bind::<BigInt, _>(count)
    .bind::<BigInt, _>(citizens)
    .execute(conn)?;
    let made = sql_query(
        "INSERT INTO companies (id, bce, name, kind, contact_email, created_at)
         SELECT id, bce, 'Entreprise ' || (ARRAY['Horeca','Logistique','Bouw','Zorg','Retail',
                'Events','Tech','Services'])[1 + i % 8] || ' ' || i,
                'employer', 'rh' || i || '@gen.example', $1 - interval '4 years'
           FROM gen_companies",
    )
    .bind::<Timestamptz, _>(now)
    .execute(conn)?;
    sql_query(
        "INSERT INTO company_members (company_id, niss, role, added_at)
         SELECT id, manager, 'main_manager', $1 - interval '4 years' FROM gen_companies",
    )
    .bind::<Timestamptz, _>(now)
    .execute(conn)?;
    sql_query(
        "INSERT INTO terms_acceptances (company_id, terms_version, accepted_by, accepted_at)
         SELECT id, $2, manager, $1 - interval '4 years' FROM gen_companies",
    )
    .bind::<Timestamptz, _>(now)
    .bind::<Text, _>(TERMS_VERSION)
    .execute(conn)?;
    sql_query(
        "INSERT INTO gen_companies (i, id, bce, manager)
         SELECT -1, c.id, c.bce, COALESCE(m.niss, g.manager)
           FROM gen_companies g
           LEFT JOIN companies c ON c.bce = $1
           LEFT JOIN company_members m ON m.company_id = c.id AND m.role = 'main_manager'
          WHERE g.i = 0 AND c.id IS NOT NULL
         UNION ALL
         SELECT -1, g.id, g.bce, g.manager FROM gen_companies g
          WHERE g.i = 0 AND NOT EXISTS (SELECT 1 FROM companies WHERE bce = $1)",
    )
    .bind::<Text, _>(RESTO_BCE)
    .execute(conn)?;
    sql_query("CREATE UNIQUE INDEX ON gen_companies (i)").execute(conn)?;
    Ok(made)
}

/// The requests (`gen_requests`, shaped as `access_requests` with the columns of
/// `request_personal` and `request_parties`), not archived yet.
fn make_requests(
    conn: &mut PgConnection,
    count: i64,
    citizens: i64,
    companies: i64,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    // p: the status (per cent); h: a second draw for the instants; the context's months.
    sql_query("CREATE TEMP TABLE gen_requests (LIKE access_requests) ON COMMIT DROP")
        .execute(conn)?;
    sql_query(
        "ALTER TABLE gen_requests ADD COLUMN label TEXT, ADD COLUMN email TEXT,
             ADD COLUMN target_niss TEXT, ADD COLUMN citizen_first_name TEXT,
             ADD COLUMN citizen_last_name TEXT, ADD COLUMN citizen_niss TEXT,
             ADD COLUMN created_by TEXT",
    )
    .execute(conn)?;
    sql_query(
        "INSERT INTO gen_requests (id, company_id, provider_id, created_by, label, email, context,
                language, target_niss, status, status_reason, created_at, expires_at,
                status_changed_at, citizen_niss, bound_at, mandate_id, accepted_at, valid_until,
                citizen_first_name, citizen_last_name, archived_at)
         SELECT f.id, c.id, NULL, c.manager,
                'Candidat ' || g, 'candidat' || g || '@gen.example', ctx, lang,
                CASE WHEN g % 3 = 0 THEN p.niss END,
                st, CASE WHEN st = 'blocked' THEN 'Generated: a complaint' END,
                created, created + interval '72 hours', changed,
                CASE WHEN st NOT IN ('pending', 'expired', 'withdrawn') THEN p.niss END,
                CASE WHEN st NOT IN ('pending', 'expired', 'withdrawn')
                     THEN created + interval '30 minutes' END,
                CASE WHEN accepted IS NOT NULL THEN gen_random_uuid() END,
                accepted, until_,
                CASE WHEN accepted IS NOT NULL THEN p.first_name END,
                CASE WHEN accepted IS NOT NULL THEN p.last_name END,
                NULL
           FROM (SELECT g, gen_random_uuid() AS id, pc, ci, cj, st, ctx, lang, created,
                        accepted, until_,
                        CASE st WHEN 'pending' THEN created
                                WHEN 'expired' THEN created + interval '72 hours'
                                WHEN 'refused' THEN created + interval '1 hour'
                                WHEN 'withdrawn' THEN created + interval '1 day'
                                WHEN 'accepted' THEN accepted
                                WHEN 'ended' THEN until_
                                WHEN 'revoked' THEN accepted + interval '3 days'
                                ELSE accepted + interval '2 days' END AS changed
                   FROM (SELECT g, pc, ci, cj, st, ctx, lang, created, accepted,
                                CASE WHEN accepted IS NOT NULL THEN
                                    ((accepted AT TIME ZONE 'Europe/Brussels')
                                      + make_interval(months => months))
                                      AT TIME ZONE 'Europe/Brussels' END AS until_
                           FROM (SELECT g, pc, ci, cj, st, ctx, lang, months,
                                        CASE WHEN st = 'pending'
                                                  THEN $1 - make_interval(mins => (h % 4000)::int)
                                             WHEN accepted IS NOT NULL
                                                  THEN accepted - interval '2 hours'
                                             ELSE $1 - interval '4 days'
                                                     - make_interval(mins => (h % 1576800)::int)
                                        END AS created,
                                        accepted
                                   FROM (SELECT g, pc, ci, cj, st, ctx, lang, h, months,
                                                CASE WHEN st = 'accepted'
                                                     THEN $1 - make_interval(mins => (h % 36000)::int)
                                                     WHEN st IN ('ended', 'revoked', 'blocked')
                                                     THEN $1 - make_interval(months => months)
                                                            - interval '1 day'
                                                            - make_interval(mins => (h % 1051200)::int)
                                                END AS accepted
                                           FROM (SELECT g, pc, ci, cj, h,
                                                        CASE WHEN pc < 2 THEN 'pending'
                                                             WHEN pc < 10 THEN 'expired'
                                                             WHEN pc < 16 THEN 'refused'
                                                             WHEN pc < 18 THEN 'withdrawn'
                                                             WHEN pc < 23 THEN 'accepted'
                                                             WHEN pc < 88 THEN 'ended'
                                                             WHEN pc < 98 THEN 'revoked'
                                                             ELSE 'blocked' END AS st,
                                                        CASE WHEN g % 10 < 7 THEN 'FLEXI_JOB'
                                                             ELSE 'STUDENT_HOURS' END AS ctx,
                                                        CASE WHEN g % 10 < 7 THEN 1 ELSE 3 END
                                                            AS months,
                                                        (ARRAY['fr','nl','nl','de','en'])[1 + g % 5]
                                                            AS lang
                                                   FROM (SELECT g,
                                                                (hashint8(g) & 2147483647) % 100 AS pc,
                                                                hashint8(g * 7 + 3) & 2147483647 AS h,
                                                                CASE WHEN g % 10 = 0 THEN -1
                                                                     ELSE (hashint8(g * 5 + 1) & 2147483647) % $3
                                                                END AS ci,
                                                                (hashint8(g * 11 + 5) & 2147483647) % $2 AS cj
                                                           FROM generate_series(0::bigint, $4 - 1) g
                                                        ) a) b) c) d) e) f
           JOIN gen_companies c ON c.i = f.ci
           JOIN gen_people p ON p.j = f.cj",
    )
    .bind::<Timestamptz, _>(now)
    .bind::<BigInt, _>(citizens)
    .bind::<BigInt, _>(companies)
    .bind::<BigInt, _>(count)
    .execute(conn)
}

/// Archives the finished requests as `archive_due` would have (dated when each became due;
/// their links are not made).
fn archive(conn: &mut PgConnection, now: DateTime<Utc>, blocked_tab_days: i64) -> QueryResult<()> {
    sql_query(
        "UPDATE gen_requests SET archived_at = due
           FROM (SELECT id AS due_id, CASE
                        WHEN status IN ('refused', 'withdrawn', 'expired')
                            THEN status_changed_at + interval '14 days'
                        WHEN status IN ('revoked', 'blocked', 'ended')
                            THEN status_changed_at + make_interval(days => $2)
                        END AS due
                   FROM gen_requests) d
          WHERE id = due_id AND due <= $1",
    )
    .bind::<Timestamptz, _>(now)
    .bind::<Integer, _>(i32::try_from(blocked_tab_days).unwrap_or(30))
    .execute(conn)?;
    Ok(())
}

/// The transition log of the generated requests, as the app and its jobs write it (the
/// citizen's actions and the creation with no NISS of their own: the request's parties
/// name them).
fn events(conn: &mut PgConnection) -> QueryResult<usize> {
    sql_query(format!(
        "INSERT INTO request_events (request_id, at, from_status, to_status, actor_kind, actor_ref)
         SELECT r.id, e.at, e.from_s, e.to_s, e.kind, e.ref
           FROM gen_requests r
          CROSS JOIN LATERAL (VALUES
                (r.created_at, NULL, 'pending', 'company_user', NULL),
                (CASE WHEN r.status = 'expired' THEN r.expires_at END,
                    'pending', 'expired', 'job', 'expire-requests'),
                (CASE WHEN r.status = 'refused' THEN r.status_changed_at END,
                    'pending', 'refused', 'citizen', NULL),
                (CASE WHEN r.status = 'withdrawn' THEN r.status_changed_at END,
                    'pending', 'withdrawn', 'company_user', r.created_by),
                (r.accepted_at, 'pending', 'accepted', 'citizen', NULL),
                (CASE WHEN r.status = 'ended' THEN r.valid_until END,
                    'accepted', 'ended', 'job', 'end-mandates'),
                (CASE WHEN r.status = 'revoked' THEN r.status_changed_at END,
                    'accepted', 'revoked', 'citizen', NULL),
                (CASE WHEN r.status = 'blocked' THEN r.status_changed_at END,
                    'accepted', 'blocked', 'staff', NULL),
                (r.archived_at, r.status, '{ARCHIVED}', 'job', 'archive')
          ) AS e(at, from_s, to_s, kind, ref)
          WHERE e.at IS NOT NULL
          ORDER BY e.at"
    ))
    .execute(conn)
}

/// `count` consultations spread over the generated accesses that were accepted, each
/// within its mandate (up to its end, its stop or `now`).
fn make_consultations(
    conn: &mut PgConnection,
    count: i64,
    now: DateTime<Utc>,
) -> QueryResult<usize> {
    if count == 0 {
        return Ok(0);
    }
    sql_query(
        "CREATE TEMP TABLE gen_mandates ON COMMIT DROP AS
         SELECT row_number() OVER () - 1 AS n, id, mandate_id, company_id, citizen_niss,
                context, created_by, accepted_at,
                CASE WHEN status = 'accepted' THEN $1 ELSE status_changed_at END AS until_
           FROM gen_requests WHERE accepted_at IS NOT NULL",
    )
    .bind::<Timestamptz, _>(now)
    .execute(conn)?;
    sql_query("CREATE UNIQUE INDEX ON gen_mandates (n)").execute(conn)?;
    sql_query("ANALYZE gen_mandates").execute(conn)?;
    // Their months first (a month made later would move its rows out of the default
    // partition one by one).
    sql_query(
        "SELECT consultations_months(min(accepted_at), $1 + interval '1 month') FROM gen_mandates",
    )
    .bind::<Timestamptz, _>(now)
    .execute(conn)?;
    sql_query(
        "INSERT INTO consultations (request_id, mandate_id, company_id, citizen_niss, context,
                                    consulted_at, actor_kind, actor_ref)
         SELECT m.id, m.mandate_id, m.company_id, m.citizen_niss, m.context,
                m.accepted_at + (m.until_ - m.accepted_at) * (((hashint8(g * 13 + 7) & 1023)) / 1024.0),
                'company_user', m.created_by
           FROM (SELECT g, (hashint8(g * 3 + 2) & 2147483647)
                           % NULLIF((SELECT count(*) FROM gen_mandates), 0) AS n
                   FROM generate_series(0::bigint, $1 - 1) g) s
           JOIN gen_mandates m ON m.n = s.n",
    )
    .bind::<BigInt, _>(count)
    .execute(conn)
}

/// The request mail of each request of the last 30 days, sent a minute after it.
fn mails(conn: &mut PgConnection, now: DateTime<Utc>) -> QueryResult<usize> {
    sql_query(
        "INSERT INTO outbox_emails (request_id, recipient, subject, body_text, body_html,
                                    created_at, next_attempt_at, attempts, sent_at, give_up_at)
         SELECT id, email, 'Demande d''accès à vos données',
                'Generated request mail.', '<p>Generated request mail.</p>',
                created_at, created_at, 1, created_at + interval '1 minute', expires_at
           FROM gen_requests
          WHERE created_at > $1 - interval '30 days' AND email IS NOT NULL",
    )
    .bind::<Timestamptz, _>(now)
    .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Bce;

    #[test]
    fn generated_enterprise_numbers_are_valid() {
        for i in [0, 1, 96, 97, 12_345, 99_999, 999_999] {
            let bce = company_bce(i);
            assert_eq!(bce.len(), 10, "{bce}");
            assert!(Bce::parse(&bce).is_ok(), "{bce}");
        }
    }
}
