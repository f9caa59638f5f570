//! Data at scale: the generator of `mandat dev generate` makes a world the app serves and
//! its jobs find coherent.

use diesel::{prelude::*, sql_query, sql_types::BigInt};
use mandat::{
    demo::{
        generate::{Sizes, citizens_for, company_bce, generate},
        people::JAN,
    },
    domain::Niss,
    jobs::Job,
};

use crate::helpers::{spawn_app, start_time, texts};

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    sql_query(sql).get_result::<Count>(conn).unwrap().n
}

#[tokio::test]
async fn a_generated_world_is_served_and_coherent() {
    let app = spawn_app().await;
    let mut conn = app.db();
    let tables = ["access_requests", "consultations", "companies", "persons"];
    let before: Vec<i64> = tables
        .iter()
        .map(|t| count(&mut conn, &format!("SELECT count(*) AS n FROM {t}")))
        .collect();
    let sizes = Sizes {
        requests: 2000,
        consultations: 3000,
        companies: 50,
    };
    // The generator drops the big tables' indexes and foreign keys while it fills them:
    // they are all there again after, the same, the foreign keys checked.
    let definitions = |conn: &mut PgConnection| -> Vec<String> {
        #[derive(QueryableByName)]
        struct Definition {
            #[diesel(sql_type = diesel::sql_types::Text)]
            d: String,
        }
        sql_query(
            // The consultation audit's months are made as its rows need them (the
            // generator makes those of its range): the table's definitions are its own.
            "SELECT pg_get_indexdef(i.indexrelid)
                    || CASE WHEN i.indisvalid THEN '' ELSE ' (not valid)' END AS d
               FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
              WHERE t.relnamespace = 'public'::regnamespace AND NOT t.relispartition
             UNION ALL
             SELECT conrelid::regclass::text || ' ' || conname || ' '
                    || pg_get_constraintdef(oid) || ' ' || convalidated
               FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                AND conrelid NOT IN (SELECT oid FROM pg_class WHERE relispartition)
             ORDER BY 1",
        )
        .load::<Definition>(conn)
        .unwrap()
        .into_iter()
        .map(|d| d.d)
        .collect()
    };
    let schema_before = definitions(&mut conn);
    let made = generate(&mut conn, sizes, start_time(), 30).unwrap();
    assert_eq!(
        (made.requests, made.consultations, made.companies),
        (2000, 3000, 50)
    );
    assert_eq!(definitions(&mut conn), schema_before);
    // Each month of the consultation audit has every index of the table.
    let months_short_of_an_index = count(
        &mut conn,
        "SELECT count(*) AS n FROM pg_inherits m
          WHERE m.inhparent = 'consultations'::regclass
            AND (SELECT count(*) FROM pg_index WHERE indrelid = m.inhrelid)
                <> (SELECT count(*) FROM pg_index WHERE indrelid = 'consultations'::regclass)",
    );
    assert_eq!(months_short_of_an_index, 0);
    assert!(count(&mut conn, "SELECT count(*) AS n FROM pg_inherits") > 12);
    let after: Vec<i64> = tables
        .iter()
        .map(|t| count(&mut conn, &format!("SELECT count(*) AS n FROM {t}")))
        .collect();
    let persons = citizens_for(2000) + 50;
    assert_eq!(
        after,
        [
            before[0] + 2000,
            before[1] + 3000,
            before[2] + 50,
            before[3] + persons
        ]
    );
    assert_eq!(made.persons, usize::try_from(persons).unwrap());
    // A second run is refused: the numbers of the companies are taken.
    assert!(generate(&mut conn, sizes, start_time(), 30).is_err());

    // Every status, both contexts, archived rows; one company with a tenth of them.
    let statuses = count(
        &mut conn,
        "SELECT count(DISTINCT status) AS n FROM access_requests",
    );
    assert_eq!(statuses, 8);
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(DISTINCT context) AS n FROM access_requests"
        ),
        2
    );
    assert!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM access_requests WHERE archived_at IS NOT NULL"
        ) > 500
    );
    let big = count(
        &mut conn,
        "SELECT count(*) AS n FROM access_requests r JOIN companies c ON c.id = r.company_id
          WHERE c.bce = '0765432146'",
    );
    assert!(big >= 200, "the large company has {big} requests");
    // Every NISS is valid; every consultation is within its mandate.
    #[derive(QueryableByName)]
    struct Text {
        #[diesel(sql_type = diesel::sql_types::Text)]
        niss: String,
    }
    let all: Vec<Text> = sql_query("SELECT niss FROM persons")
        .load(&mut conn)
        .unwrap();
    for p in &all {
        assert!(Niss::parse(&p.niss).is_ok(), "{}", p.niss);
    }
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM consultations c JOIN access_requests r ON r.id = c.request_id
               JOIN request_parties w ON w.request_id = r.id
              WHERE r.accepted_at IS NULL OR c.consulted_at < r.accepted_at
                 OR c.consulted_at > CASE WHEN r.status = 'accepted' THEN r.valid_until
                                          ELSE LEAST(r.valid_until, r.status_changed_at) END
                 OR c.consulted_at > '2025-03-05 09:30:00+00'
                 OR c.citizen_niss <> w.citizen_niss"
        ),
        0
    );
    // Each request has its creation event, each finished one its answer or end.
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM access_requests r WHERE NOT EXISTS
                (SELECT 1 FROM request_events e WHERE e.request_id = r.id AND e.from_status IS NULL)"
        ),
        0
    );
    // The jobs find it as they would have left it: nothing due at its instant.
    for job in [Job::ExpireRequests, Job::EndMandates, Job::Archive] {
        assert_eq!(app.run_job(job).await.unwrap(), Some(0), "{job:?}");
    }

    // The large company's tabs count what the table holds.
    app.sign_in_as(&JAN).await;
    let body = app.page("/company").await;
    let active: i64 = texts(&body, "[data-testid=count-active]")[0]
        .parse()
        .unwrap();
    let expected = count(
        &mut conn,
        "SELECT count(*) AS n FROM access_requests r JOIN companies c ON c.id = r.company_id
          WHERE c.bce = '0765432146' AND r.archived_at IS NULL AND r.status = 'accepted'
            AND r.valid_until > '2025-03-05 09:30:00+00'",
    );
    assert!(expected > 5, "{expected}");
    assert_eq!(active, expected);
    for tab in ["active", "requested", "blocked"] {
        let frag = app
            .get_with(&format!("/company/tabs/{tab}"), &[("hx-request", "true")])
            .await;
        assert_eq!(frag.status().as_u16(), 200, "{tab}");
        let rows = texts(&frag.text().await.unwrap(), "[data-testid=row]");
        assert!(!rows.is_empty(), "{tab}");
    }

    // A generated citizen with an active access sees it, and their history.
    let citizen = {
        let app = app.another_browser();
        let niss: Vec<Text> = sql_query(
            "SELECT w.citizen_niss AS niss FROM access_requests r
               JOIN request_parties w ON w.request_id = r.id
               JOIN consultations c ON c.request_id = r.id
              WHERE r.status = 'accepted' AND substr(w.citizen_niss, 7, 3)::int >= 500
              LIMIT 1",
        )
        .load(&mut conn)
        .unwrap();
        app.sign_in(&niss[0].niss).await;
        app
    };
    let home = citizen.page("/me").await;
    assert!(!texts(&home, "[data-testid=granted]").is_empty(), "{home}");
    let history = citizen.page("/me/history").await;
    assert!(
        !texts(&history, "[data-testid=history]").is_empty(),
        "{history}"
    );
}

/// A fresh database with a world of `sizes` generated at the tests' start instant (30 days
/// of Blocked tab); the database lives as long as the first value.
async fn generated(sizes: Sizes) -> (crate::helpers::TestDb, PgConnection) {
    let db = tokio::task::spawn_blocking(crate::helpers::fresh_database)
        .await
        .unwrap();
    let mut conn = db.connect();
    let started = std::time::Instant::now();
    generate(&mut conn, sizes, start_time(), 30).unwrap();
    eprintln!("generated in {:.1} s", started.elapsed().as_secs_f64());
    (db, conn)
}

/// Every node of the plan the planner chose for `sql`, depth first.
fn plan_nodes(conn: &mut PgConnection, sql: &str) -> Vec<serde_json::Value> {
    #[derive(QueryableByName)]
    struct Plan {
        #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
        plan: String,
    }
    let plan: Plan = sql_query(format!("EXPLAIN (FORMAT JSON) {sql}"))
        .get_result(conn)
        .unwrap_or_else(|e| panic!("{e}: {sql}"));
    nodes_of(&plan.plan)
}

/// Every node of a plan in `EXPLAIN (FORMAT JSON)`, depth first.
fn nodes_of(plan: &str) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_str(plan).unwrap();
    fn walk(node: &serde_json::Value, out: &mut Vec<serde_json::Value>) {
        out.push(node.clone());
        for child in node["Plans"].as_array().into_iter().flatten() {
            walk(child, out);
        }
    }
    let mut nodes = Vec::new();
    walk(&json[0]["Plan"], &mut nodes);
    nodes
}

/// The indexes the planner chose for `sql`.
fn index_names(conn: &mut PgConnection, sql: &str) -> Vec<String> {
    plan_nodes(conn, sql)
        .iter()
        .filter_map(|node| node["Index Name"].as_str().map(str::to_string))
        .collect()
}

/// The node types the planner chose for `sql`, with the relation each reads.
fn plan_of(conn: &mut PgConnection, sql: &str) -> Vec<(String, String)> {
    let text =
        |node: &serde_json::Value, key: &str| node[key].as_str().unwrap_or_default().to_string();
    plan_nodes(conn, sql)
        .iter()
        .map(|node| (text(node, "Node Type"), text(node, "Relation Name")))
        .collect()
}

/// `EXPLAIN (ANALYZE, FORMAT JSON)` of a diesel statement, its binds passed as they are.
struct Explained<Q>(Q);

impl<Q: diesel::query_builder::QueryFragment<diesel::pg::Pg>>
    diesel::query_builder::QueryFragment<diesel::pg::Pg> for Explained<Q>
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, diesel::pg::Pg>,
    ) -> QueryResult<()> {
        out.push_sql("EXPLAIN (ANALYZE, FORMAT JSON) ");
        self.0.walk_ast(out.reborrow())
    }
}

impl<Q> diesel::query_builder::QueryId for Explained<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q> diesel::query_builder::Query for Explained<Q> {
    type SqlType = diesel::sql_types::Text;
}

impl<Q> RunQueryDsl<PgConnection> for Explained<Q> {}

/// Each page of the large company's Requested and Blocked tabs, once each holds thousands
/// of rows, as `services::lists::tab_rows` reads it (its own statement, run): from each
/// branch no more rows than the page needs (those tabs used to read and sort all theirs:
/// 8 ms for 2 238 rows at 1 000 000 requests). The page before a row (the "previous"
/// link, read oldest first) is left out: there the planner may still read a branch's rows
/// after the row and sort them, as every page did before.
fn tab_pages_read_a_page_a_branch(conn: &mut PgConnection, company: &str) {
    // 3 000 requests sent these two days, 3 000 mandates ended.
    // (An ended mandate's end is when it is listed in the Blocked tab.)
    for (status, changed, until) in [
        ("pending", "c", "NULL::timestamptz"),
        ("ended", "c + interval '1 hour'", "c + interval '1 hour'"),
    ] {
        sql_query(format!(
            "WITH n AS (SELECT gen_random_uuid() AS id, g FROM generate_series(1, 3000) AS g),
                  r AS (INSERT INTO access_requests (id, company_id, context, language,
                            status, created_at, expires_at, status_changed_at, valid_until)
                        SELECT id, '{company}', 'FLEXI_JOB', 'fr', '{status}',
                               c, c + interval '72 hours', {changed}, {until}
                          FROM n, LATERAL (SELECT '2025-03-05 09:00:00+00'::timestamptz
                                                  - g * interval '50 seconds' AS c) t),
                  w AS (INSERT INTO request_parties (request_id, created_by)
                        SELECT id, '85073003328' FROM n)
             INSERT INTO request_personal (request_id, label, email)
             SELECT id, 'Candidate ' || g, 'c' || g || '@example.be' FROM n"
        ))
        .execute(conn)
        .unwrap();
    }
    sql_query("ANALYZE access_requests").execute(conn).unwrap();
    use mandat::{
        domain::status::Tab,
        services::{
            lists::{PageAt, RowKey, TabAsk, tab_rows},
            requests::Scope,
        },
    };
    let scope = Scope {
        company_id: company.parse().unwrap(),
        provider_id: None,
    };
    let key = RowKey {
        at: start_time() - chrono::Duration::days(3),
        id: uuid::Uuid::from_u128(0x8000_0000_0000_0000_0000_0000_0000_0000),
    };
    for tab in [Tab::Requested, Tab::Blocked] {
        for (at, number) in [
            (PageAt::Number(1), 1),
            (PageAt::Number(3), 3),
            (PageAt::After(key), 2),
        ] {
            let ask = TabAsk {
                tab,
                search: None,
                number,
                at,
                page_size: 20,
            };
            let query = tab_rows(&scope, &ask, start_time()).unwrap();
            let plan: String = Explained(query).get_result(conn).unwrap();
            let nodes = nodes_of(&plan);
            let most = match at {
                PageAt::Number(n) => n * 20 + 1,
                _ => 21,
            };
            // (A branch of a few rows may be sorted: the few rows are all it reads.)
            for node in &nodes {
                if node["Relation Name"] == "access_requests" {
                    let rows = node["Actual Rows"].as_i64().unwrap_or_default();
                    assert!(rows <= most, "{tab:?} {at:?}: {rows} rows read\n{plan}");
                }
            }
        }
    }
}

/// Every list, count and search of the company's tabs, the citizen's portal, the back
/// office and the jobs reads the big tables through an index, on a generated database
/// large enough for the planner to choose (40 000 requests, 80 000 consultations,
/// analysed; the companies and persons are few here, and may be read whole). The statements are those of the services (`services::requests::counts`
/// and `list`, `services::citizen`, `services::consult::consultations_of_citizen`,
/// `services::backoffice::search`, `db::access_requests::lifecycle`), with their
/// parameters written in.
#[tokio::test]
async fn the_main_queries_use_an_index_at_scale() {
    let (_db, mut conn) = generated(Sizes {
        requests: 40_000,
        consultations: 80_000,
        companies: 400,
    })
    .await;
    let now = "'2025-03-05 09:30:00+00'::timestamptz";
    #[derive(QueryableByName)]
    struct Pick {
        #[diesel(sql_type = diesel::sql_types::Text)]
        v: String,
    }
    let pick = |conn: &mut PgConnection, sql: &str| -> String {
        sql_query(sql).get_result::<Pick>(conn).unwrap().v
    };
    let big = pick(
        &mut conn,
        "SELECT id::text AS v FROM companies WHERE bce = '0765432146'",
    );
    let small = pick(
        &mut conn,
        &format!(
            "SELECT id::text AS v FROM companies WHERE bce = '{}'",
            company_bce(12)
        ),
    );
    let citizen = pick(
        &mut conn,
        "SELECT citizen_niss AS v FROM consultations ORDER BY consulted_at DESC LIMIT 1",
    );
    let tab = |company: &str, filter: &str| {
        format!(
            "FROM access_requests WHERE company_id = '{company}' AND archived_at IS NULL AND ({filter})"
        )
    };
    let active = format!("status = 'accepted' AND valid_until > {now}");
    let requested = format!(
        "((status = 'pending' AND expires_at > {now}) OR status = 'expired'
           OR (status = 'pending' AND expires_at <= {now}))
          AND expires_at > {now} - interval '14 days'
          OR status IN ('refused', 'withdrawn') AND status_changed_at > {now} - interval '14 days'"
    );
    let blocked = format!(
        "status IN ('revoked', 'blocked', 'ended') OR (status = 'accepted' AND valid_until <= {now})"
    );
    let mut queries = Vec::new();
    let mut corrections = Vec::new();
    for company in [&big, &small] {
        // The badges: the kept counts, and the rows the clock moved before the jobs did
        // (`db::request_counts`).
        queries.push(format!(
            "SELECT status, sum(n) FROM request_count_changes WHERE company_id = '{company}'
              GROUP BY status"
        ));
        for (statuses, instant, at, index) in [
            (
                "'accepted'",
                "valid_until",
                now.to_string(),
                "lapsed_mandates",
            ),
            (
                "'pending', 'expired'",
                "expires_at",
                format!("{now} - interval '14 days'"),
                "stale_links",
            ),
            (
                "'refused', 'withdrawn'",
                "status_changed_at",
                format!("{now} - interval '14 days'"),
                "stale_answers",
            ),
        ] {
            let sql = format!(
                "SELECT count(*) FROM (SELECT company_id, provider_id FROM access_requests
                    WHERE status IN ({statuses}) AND archived_at IS NULL
                      AND COALESCE({instant}, 'infinity') <= {at} OFFSET 0) m
                  WHERE company_id = '{company}'"
            );
            // By the instant, through its own small index, not the company's rows.
            let read = index_names(&mut conn, &sql);
            assert_eq!(read, [format!("access_requests_{index}")], "{sql}");
            corrections.push((sql.clone(), index));
            queries.push(sql);
        }
        for filter in [&active, &requested, &blocked] {
            // A search's count.
            queries.push(format!(
                "SELECT count(*) {} AND (SELECT p.email ILIKE '%andidat12%' FROM request_personal p
                                          WHERE p.request_id = access_requests.id)",
                tab(company, filter)
            ));
            queries.push(format!(
                "SELECT * {} ORDER BY created_at DESC, id DESC LIMIT 20",
                tab(company, filter)
            ));
            // A page further on, by keyset (the row it follows), as `services::lists` asks.
            let key = "'2024-06-01 00:00:00+00'::timestamptz";
            let id = "'80000000-0000-0000-0000-000000000000'::uuid";
            queries.push(format!(
                "SELECT * {} AND (created_at < {key} OR (created_at = {key} AND id < {id}))
                  ORDER BY created_at DESC, id DESC LIMIT 20",
                tab(company, filter)
            ));
        }
    }
    queries.extend([
        // The citizen's portal and history; their consultations.
        format!(
            "SELECT * FROM access_requests r JOIN request_parties w ON w.request_id = r.id
              WHERE w.citizen_niss = '{citizen}'
              ORDER BY r.status_changed_at DESC, r.id DESC LIMIT 200"
        ),
        format!(
            "SELECT c.id, c.consulted_at, co.name FROM consultations c
               JOIN companies co ON co.id = c.company_id
              WHERE c.citizen_niss = '{citizen}' AND c.consulted_at >= {now} - interval '12 months'
              ORDER BY c.consulted_at DESC, c.id DESC"
        ),
        // The API's mandate of a citizen at the large company (by the citizen's parties,
        // not the company's many mandates).
        format!(
            "SELECT r.id FROM access_requests r
               LEFT JOIN request_personal p ON p.request_id = r.id
               LEFT JOIN request_parties w ON w.request_id = r.id
              WHERE r.company_id = '{big}' AND r.archived_at IS NULL
                AND w.citizen_niss = '{citizen}' AND r.context = 'FLEXI_JOB'
                AND r.status = 'accepted' AND r.valid_until > {now}
              ORDER BY r.valid_until DESC LIMIT 1"
        ),
        // The back office: by NISS (either side), the newest, by company.
        format!("SELECT request_id FROM request_parties WHERE citizen_niss = '{citizen}'"),
        format!("SELECT request_id FROM request_personal WHERE target_niss = '{citizen}'"),
        "SELECT * FROM access_requests ORDER BY created_at DESC, id DESC LIMIT 51".to_string(),
        format!(
            "SELECT * FROM access_requests WHERE company_id = '{small}'
              ORDER BY created_at DESC, id DESC LIMIT 51"
        ),
        // The jobs' selections.
        format!("SELECT id FROM access_requests WHERE status = 'pending' AND expires_at <= {now}"),
        format!("SELECT id FROM access_requests WHERE status = 'accepted' AND valid_until <= {now}"),
        format!(
            "SELECT id FROM access_requests WHERE archived_at IS NULL
                AND ((status IN ('refused', 'withdrawn') AND status_changed_at <= {now} - interval '14 days')
                  OR (status = 'expired' AND LEAST(status_changed_at, expires_at) <= {now} - interval '14 days')
                  OR (status IN ('revoked', 'blocked') AND status_changed_at <= {now} - interval '30 days')
                  OR (status = 'ended' AND LEAST(status_changed_at, valid_until) <= {now} - interval '30 days'))"
        ),
        format!(
            "SELECT id, archived_at FROM access_requests
              WHERE archived_at IS NOT NULL AND archived_at <= {now} - interval '90 days'
                AND (archived_at, id) > ('2024-01-01'::timestamptz, '00000000-0000-0000-0000-000000000000'::uuid)
              ORDER BY archived_at, id LIMIT 5000"
        ),
        format!(
            "SELECT id FROM consultations WHERE consulted_at <= {now} - interval '365 days'
              ORDER BY consulted_at LIMIT 5000"
        ),
        format!("SELECT id FROM request_events WHERE request_id IN (SELECT request_id FROM request_parties WHERE citizen_niss = '{citizen}')"),
    ]);
    let big_tables = [
        "access_requests",
        "consultations",
        "request_events",
        "request_personal",
        "request_parties",
    ];
    // A month of the consultation audit is that table, once it holds enough rows for an
    // index to pay (here a month holds 2 000 to 3 000 consultations, rightly read whole;
    // at 1 000 000 requests, about 200 000, read by their indexes). Its default partition
    // holds what falls in no month made yet: nothing here (the generator makes its months).
    assert_eq!(
        count(&mut conn, "SELECT count(*) AS n FROM consultations_default"),
        0
    );
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
    }
    let big_months: Vec<String> = sql_query(
        "SELECT relname::text AS name FROM pg_class
          WHERE relispartition AND relname LIKE 'consultations\\_%' AND reltuples >= 10000",
    )
    .load::<Name>(&mut conn)
    .unwrap()
    .into_iter()
    .map(|n| n.name)
    .collect();
    let mut seq_scans = Vec::new();
    for sql in &queries {
        for (kind, relation) in plan_of(&mut conn, sql) {
            let big = big_tables.contains(&relation.as_str()) || big_months.contains(&relation);
            if kind == "Seq Scan" && big {
                seq_scans.push(format!("{relation}: {sql}"));
            }
        }
    }
    assert!(seq_scans.is_empty(), "sequential scans: {seq_scans:#?}");
    // Once autovacuum has set the visibility map, an index-only scan of the company list's
    // index looked cheaper than the corrections' own indexes (24 ms a page at 1 000 000
    // requests): they are index-only too.
    sql_query("VACUUM ANALYZE access_requests")
        .execute(&mut conn)
        .unwrap();
    for (sql, index) in &corrections {
        let read = index_names(&mut conn, sql);
        assert_eq!(
            read,
            [format!("access_requests_{index}")],
            "vacuumed: {sql}"
        );
    }
    tab_pages_read_a_page_a_branch(&mut conn, &big);
}

/// `mandat dev generate` fills an empty database (migrated, the demo world, the generated
/// one) in development mode, and refuses production mode before touching the database.
#[test]
fn the_generate_command_runs_in_development_and_is_refused_in_production() {
    let db = crate::helpers::fresh_empty_database();
    let bin = env!("CARGO_BIN_EXE_mandat");
    let args = [
        "dev",
        "generate",
        "--requests",
        "300",
        "--consultations",
        "200",
        "--companies",
        "5",
    ];
    let out = std::process::Command::new(bin)
        .args(args)
        .env("DATABASE_URL", &db.url)
        .env("MANDAT_MODE", "production")
        .env("MANDAT_PUBLIC_URL", "https://mandat.example.be")
        .env("MANDAT_SESSION_KEY", "k".repeat(88))
        .output()
        .expect("run mandat");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        stderr.contains("dev generate refuses to run in production mode"),
        "{stderr}"
    );
    let mut conn = db.connect();
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM pg_tables WHERE tablename = 'access_requests'"
        ),
        0,
        "nothing touched"
    );
    let out = std::process::Command::new(bin)
        .args(args)
        .env("DATABASE_URL", &db.url)
        .env("MANDAT_MODE", "development")
        .output()
        .expect("run mandat");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("generated: 5 companies") && stdout.contains("300 requests"),
        "{stdout}"
    );
    assert!(count(&mut conn, "SELECT count(*) AS n FROM consultations") >= 200);
}

/// The tab badges are kept as the rows change (`db::request_counts`), not counted at every
/// page: at every instant, before the jobs run and after, for a company with thousands of
/// rows and for small ones, for a provider's share of them, they are what counting the
/// tabs' rows as the lists filter them says.
#[tokio::test]
async fn the_kept_badges_are_the_rows_counted_at_every_instant_before_and_after_the_jobs() {
    use chrono::Duration;
    use mandat::{
        db::{access_requests::in_tab, schema::access_requests as r},
        domain::status::Tab,
        jobs::lifecycle,
        services::requests::{Scope, counts},
    };
    use uuid::Uuid;

    let (_db, mut conn) = generated(Sizes {
        requests: 6000,
        consultations: 0,
        companies: 30,
    })
    .await;
    let start = start_time();
    let companies: Vec<Uuid> = r::table
        .select(r::company_id)
        .distinct()
        .load(&mut conn)
        .unwrap();
    let big: Uuid = r::table
        .group_by(r::company_id)
        .select(r::company_id)
        .order(diesel::dsl::count_star().desc())
        .first(&mut conn)
        .unwrap();
    // A provider made a third of the large company's requests (an UPDATE moves them
    // between the kept groups).
    let provider: Uuid = mandat::db::schema::companies::table
        .filter(mandat::db::schema::companies::id.ne(big))
        .select(mandat::db::schema::companies::id)
        .first(&mut conn)
        .unwrap();
    diesel::update(r::table.filter(r::company_id.eq(big)))
        .filter(diesel::dsl::sql::<diesel::sql_types::Bool>(
            "hashtext(id::text) % 3 = 0",
        ))
        .set(r::provider_id.eq(provider))
        .execute(&mut conn)
        .unwrap();
    let mut scopes: Vec<Scope> = companies
        .iter()
        .map(|&company_id| Scope {
            company_id,
            provider_id: None,
        })
        .collect();
    scopes.push(Scope {
        company_id: big,
        provider_id: Some(provider),
    });
    let check = |conn: &mut PgConnection, at, when: &str| {
        let mut shown = 0;
        for scope in &scopes {
            let kept = counts(conn, scope, at).unwrap();
            for tab in [Tab::Active, Tab::Requested, Tab::Blocked] {
                let mut rows = r::table
                    .filter(r::company_id.eq(scope.company_id))
                    .filter(r::archived_at.is_null())
                    .filter(in_tab(tab, at))
                    .into_boxed();
                if let Some(p) = scope.provider_id {
                    rows = rows.filter(r::provider_id.eq(p));
                }
                let counted: i64 = rows.count().get_result(conn).unwrap();
                assert_eq!(kept.of(tab), counted, "{tab:?} of {scope:?} {when}");
                shown += counted;
            }
        }
        assert!(shown > 0, "{when}: nothing in the tabs");
    };
    check(&mut conn, start, "as generated");
    // The clock moves on; the jobs run later, at each instant.
    for (later, what) in [
        (Duration::minutes(5), "5 minutes"),
        (Duration::hours(80), "80 hours"),
        (Duration::days(15), "15 days"),
        (Duration::days(40), "40 days"),
        (Duration::days(100), "100 days"),
    ] {
        let at = start + later;
        check(&mut conn, at, &format!("{what} later, before the jobs"));
        lifecycle::end_mandates(&mut conn, at).unwrap();
        check(&mut conn, at, &format!("{what} later, mandates ended"));
        lifecycle::archive(&mut conn, at, 30).unwrap();
        check(&mut conn, at, &format!("{what} later, archived"));
        lifecycle::expire_requests(&mut conn, at).unwrap();
        check(&mut conn, at, &format!("{what} later, counts folded"));
    }
    // Folded: one row a group, none for a group that sums to nothing.
    let (rows, groups): (i64, i64) = diesel::select((
        diesel::dsl::sql::<BigInt>("(SELECT count(*) FROM request_count_changes)"),
        diesel::dsl::sql::<BigInt>(
            "(SELECT count(*) FROM (SELECT DISTINCT company_id, provider_id, status
                                       FROM request_count_changes) g)",
        ),
    ))
    .get_result(&mut conn)
    .unwrap();
    assert_eq!(rows, groups);
}
