//! Background jobs: each job's effect at its exact boundary with a fixed clock, idempotence,
//! the transition log, one run at a time across instances, the command line, and the
//! purge's speed on many rows.

use std::time::Instant;

use chrono::{DateTime, Duration, Utc};
use diesel::{
    Connection, PgConnection, QueryableByName, RunQueryDsl, sql_query,
    sql_types::{BigInt, Nullable, Text, Timestamptz, Uuid as SqlUuid},
};
use mandat::{
    jobs::{
        Job,
        lifecycle::{self, PurgeCounts},
    },
    services::requests::{Scope, counts},
    settings::Retention,
};
use uuid::Uuid;

use crate::helpers::{TestConn, fresh_database, spawn_app, start_time};

fn t0() -> DateTime<Utc> {
    start_time()
}

fn db() -> TestConn {
    TestConn::fresh()
}

/// A company of its own, so that its tab counts see only the test's rows.
fn company(conn: &mut PgConnection) -> Uuid {
    #[derive(QueryableByName)]
    struct Id {
        #[diesel(sql_type = SqlUuid)]
        id: Uuid,
    }
    let digits: String = Uuid::new_v4()
        .as_u128()
        .to_string()
        .chars()
        .take(9)
        .collect();
    sql_query(
        "INSERT INTO companies (bce, name, kind, contact_email, created_at)
         VALUES ($1, 'Jobs test', 'employer', 'hr@jobs.example', $2) RETURNING id",
    )
    .bind::<Text, _>(format!("0{digits}"))
    .bind::<Timestamptz, _>(t0() - Duration::days(400))
    .get_result::<Id>(conn)
    .expect("company")
    .id
}

/// A request row as the services leave it.
struct Row {
    status: &'static str,
    created_at: DateTime<Utc>,
    status_changed_at: Option<DateTime<Utc>>,
    valid_until: Option<DateTime<Utc>>,
    archived_at: Option<DateTime<Utc>>,
}

impl Row {
    fn new(status: &'static str, created_at: DateTime<Utc>) -> Row {
        Row {
            status,
            created_at,
            status_changed_at: None,
            valid_until: None,
            archived_at: None,
        }
    }
    fn changed(mut self, at: DateTime<Utc>) -> Row {
        self.status_changed_at = Some(at);
        self
    }
    fn until(mut self, at: DateTime<Utc>) -> Row {
        self.valid_until = Some(at);
        self
    }
    fn archived(mut self, at: DateTime<Utc>) -> Row {
        self.archived_at = Some(at);
        self
    }
}

fn insert(conn: &mut PgConnection, company: Uuid, row: Row) -> Uuid {
    let id = Uuid::new_v4();
    let accepted = row.valid_until.is_some();
    sql_query(
        // The request, and its link unless it is archived (archival spends it).
        "WITH r AS (
             INSERT INTO access_requests (id, company_id, context,
                 language, status, created_at, expires_at, status_changed_at,
                 bound_at, mandate_id, accepted_at, valid_until, archived_at)
             VALUES ($1, $2, 'FLEXI_JOB',
                 'fr', $3, $4, $4 + interval '72 hours',
                 $5, CASE WHEN $6 THEN $4 END,
                 CASE WHEN $6 THEN gen_random_uuid() END, CASE WHEN $6 THEN $4 END, $7, $8)
             RETURNING id, expires_at, archived_at),
              parties AS (
             INSERT INTO request_parties (request_id, citizen_niss, created_by)
             SELECT id, CASE WHEN $6 THEN '90051402426' END, '85073003328' FROM r),
              p AS (
             INSERT INTO request_personal (request_id, label, email, target_niss,
                 citizen_first_name, citizen_last_name)
             SELECT id, 'Kitchen help', 'candidate@example.be', '90051402426',
                    CASE WHEN $6 THEN 'Maria' END, CASE WHEN $6 THEN 'Abara' END FROM r)
         INSERT INTO request_links (token_hash, request_id, expires_at)
         SELECT sha256(convert_to(id::text, 'UTF8')), id, expires_at FROM r
          WHERE archived_at IS NULL",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<SqlUuid, _>(company)
    .bind::<Text, _>(row.status)
    .bind::<Timestamptz, _>(row.created_at)
    .bind::<Timestamptz, _>(row.status_changed_at.unwrap_or(row.created_at))
    .bind::<diesel::sql_types::Bool, _>(accepted)
    .bind::<Nullable<Timestamptz>, _>(row.valid_until)
    .bind::<Nullable<Timestamptz>, _>(row.archived_at)
    .execute(conn)
    .expect("insert request");
    id
}

#[derive(QueryableByName, Debug)]
struct State {
    #[diesel(sql_type = Text)]
    status: String,
    #[diesel(sql_type = Timestamptz)]
    status_changed_at: DateTime<Utc>,
    #[diesel(sql_type = Nullable<Timestamptz>)]
    archived_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = Nullable<Text>)]
    label: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    email: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    target_niss: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    citizen_niss: Option<String>,
    #[diesel(sql_type = Nullable<Text>)]
    citizen_last_name: Option<String>,
    /// Whether its link still finds it.
    #[diesel(sql_type = diesel::sql_types::Bool)]
    link: bool,
}

fn state(conn: &mut PgConnection, id: Uuid) -> State {
    sql_query(
        "SELECT status, status_changed_at, archived_at, p.label, p.email, p.target_niss,
                w.citizen_niss, p.citizen_last_name,
                EXISTS (SELECT 1 FROM request_links l WHERE l.request_id = r.id) AS link
           FROM access_requests r LEFT JOIN request_personal p ON p.request_id = r.id
                LEFT JOIN request_parties w ON w.request_id = r.id
          WHERE id = $1",
    )
    .bind::<SqlUuid, _>(id)
    .get_result(conn)
    .expect("request")
}

#[derive(QueryableByName, Debug, PartialEq)]
struct Ev {
    #[diesel(sql_type = Timestamptz)]
    at: DateTime<Utc>,
    #[diesel(sql_type = Nullable<Text>)]
    from_status: Option<String>,
    #[diesel(sql_type = Text)]
    to_status: String,
    #[diesel(sql_type = Text)]
    actor_kind: String,
    #[diesel(sql_type = Nullable<Text>)]
    actor_ref: Option<String>,
}

fn events(conn: &mut PgConnection, id: Uuid) -> Vec<Ev> {
    sql_query(
        "SELECT at, from_status, to_status, actor_kind, actor_ref FROM request_events
          WHERE request_id = $1 ORDER BY at, id",
    )
    .bind::<SqlUuid, _>(id)
    .load(conn)
    .expect("events")
}

fn job_event(at: DateTime<Utc>, from: &str, to: &str, job: &str) -> Ev {
    Ev {
        at,
        from_status: Some(from.into()),
        to_status: to.into(),
        actor_kind: "job".into(),
        actor_ref: Some(job.into()),
    }
}

#[derive(QueryableByName)]
struct Count {
    #[diesel(sql_type = BigInt)]
    n: i64,
}

fn count(conn: &mut PgConnection, sql: &str) -> i64 {
    sql_query(sql).get_result::<Count>(conn).expect(sql).n
}

#[test]
fn pending_requests_expire_at_exactly_72_hours_once_and_logged() {
    let mut conn = db();
    let c = company(&mut conn);
    let id = insert(&mut conn, c, Row::new("pending", t0()));
    let end = t0() + Duration::hours(72);
    // An integrator of the company, told by webhook.
    sql_query(
        "INSERT INTO api_clients (company_id, name, secret_hash, scopes, created_at, webhook_url)
         VALUES ($1, 'HR', '\\x00', 'mandates', $2, 'https://hr.example/hook')",
    )
    .bind::<SqlUuid, _>(c)
    .bind::<Timestamptz, _>(t0())
    .execute(&mut *conn)
    .unwrap();
    let webhooks = format!(
        "SELECT count(*) AS n FROM webhook_deliveries
          WHERE event = 'request.expired' AND payload LIKE '%{id}%'"
    );
    let scope = Scope {
        company_id: c,
        provider_id: None,
    };

    lifecycle::expire_requests(&mut conn, end - Duration::seconds(1)).unwrap();
    assert_eq!(state(&mut conn, id).status, "pending");
    assert!(events(&mut conn, id).is_empty());

    assert!(lifecycle::expire_requests(&mut conn, end).unwrap() >= 1);
    let s = state(&mut conn, id);
    assert_eq!(s.status, "expired");
    assert_eq!(s.status_changed_at, end, "dated when the link ended");
    assert_eq!(
        events(&mut conn, id),
        vec![job_event(end, "pending", "expired", "expire-requests")]
    );
    // Idempotent: a second run, now or later, changes nothing more.
    assert_eq!(lifecycle::expire_requests(&mut conn, end).unwrap(), 0);
    assert_eq!(
        lifecycle::expire_requests(&mut conn, end + Duration::hours(1)).unwrap(),
        0
    );
    assert_eq!(events(&mut conn, id).len(), 1);
    assert_eq!(count(&mut conn, &webhooks), 1, "announced once");
    // Still in the requested tab (marked expired) for two more weeks.
    assert_eq!(counts(&mut conn, &scope, end).unwrap().requested, 1);
}

#[test]
fn mandates_end_at_their_end_once_and_logged() {
    let mut conn = db();
    let c = company(&mut conn);
    let until = t0() + Duration::days(31);
    let id = insert(
        &mut conn,
        c,
        Row::new("accepted", t0() - Duration::hours(1))
            .changed(t0())
            .until(until),
    );
    let scope = Scope {
        company_id: c,
        provider_id: None,
    };

    lifecycle::end_mandates(&mut conn, until - Duration::seconds(1)).unwrap();
    assert_eq!(state(&mut conn, id).status, "accepted");
    assert_eq!(
        counts(&mut conn, &scope, until - Duration::seconds(1))
            .unwrap()
            .active,
        1
    );

    assert!(lifecycle::end_mandates(&mut conn, until).unwrap() >= 1);
    let s = state(&mut conn, id);
    assert_eq!((s.status.as_str(), s.status_changed_at), ("ended", until));
    assert_eq!(
        events(&mut conn, id),
        vec![job_event(until, "accepted", "ended", "end-mandates")]
    );
    assert_eq!(lifecycle::end_mandates(&mut conn, until).unwrap(), 0);
    let tabs = counts(&mut conn, &scope, until).unwrap();
    assert_eq!((tabs.active, tabs.blocked), (0, 1));
}

#[test]
fn archive_two_weeks_after_expiry_refusal_or_withdrawal_to_the_second() {
    let mut conn = db();
    let c = company(&mut conn);
    let scope = Scope {
        company_id: c,
        provider_id: None,
    };
    // Expired, the expiry recorded ten days late by the job.
    let late = insert(&mut conn, c, Row::new("pending", t0()));
    let expiry = t0() + Duration::hours(72);
    lifecycle::expire_requests(&mut conn, expiry + Duration::days(10)).unwrap();
    // Pending, never expired by `expire-requests`: archive catches up.
    let never = insert(&mut conn, c, Row::new("pending", t0()));
    // Refused and withdrawn an hour after creation.
    let answered = t0() + Duration::hours(1);
    let refused = insert(&mut conn, c, Row::new("refused", t0()).changed(answered));
    let withdrawn = insert(&mut conn, c, Row::new("withdrawn", t0()).changed(answered));
    // An active mandate is never archived.
    let active = insert(
        &mut conn,
        c,
        Row::new("accepted", t0())
            .changed(t0())
            .until(t0() + Duration::days(90)),
    );

    let due = expiry + Duration::days(14);
    let before = due - Duration::seconds(1);
    lifecycle::archive(&mut conn, before, 30).unwrap();
    for id in [late, never] {
        assert_eq!(state(&mut conn, id).archived_at, None);
    }
    // Refused and withdrawn 14 days before: archived by this run already, as of the
    // instant they became due (a late run dates them as a timely one would have).
    for id in [refused, withdrawn] {
        assert_eq!(
            state(&mut conn, id).archived_at,
            Some(answered + Duration::days(14))
        );
    }
    assert_eq!(
        state(&mut conn, never).status,
        "expired",
        "expired on the way"
    );
    assert_eq!(
        counts(&mut conn, &scope, due - Duration::seconds(1))
            .unwrap()
            .requested,
        2,
        "both expired requests are still listed, the refusal is not"
    );

    let n = lifecycle::archive(&mut conn, due, 30).unwrap();
    assert!(n.archived >= 2, "{n:?}");
    for id in [late, never] {
        assert_eq!(state(&mut conn, id).archived_at, Some(due));
    }
    // The spent link is gone: an old link finds nothing.
    assert!(!state(&mut conn, never).link);
    assert!(state(&mut conn, active).link);
    assert_eq!(state(&mut conn, active).archived_at, None);
    let tabs = counts(&mut conn, &scope, due).unwrap();
    assert_eq!((tabs.requested, tabs.active, tabs.blocked), (0, 1, 0));
    assert_eq!(
        events(&mut conn, never),
        vec![
            job_event(expiry, "pending", "expired", "archive"),
            job_event(due, "expired", "archived", "archive"),
        ]
    );
    assert_eq!(
        events(&mut conn, refused),
        vec![job_event(
            answered + Duration::days(14),
            "refused",
            "archived",
            "archive"
        )]
    );
    // Idempotent.
    assert_eq!(lifecycle::archive(&mut conn, due, 30).unwrap().total(), 0);
    assert_eq!(
        lifecycle::archive(&mut conn, due + Duration::days(1), 30)
            .unwrap()
            .archived,
        0
    );
}

#[test]
fn a_late_archive_dates_as_a_timely_one_and_the_purge_counts_from_there() {
    // What a demo tenant's clock moved by months at once relies on: one run of archive and
    // one of purge at the new instant do what every run over the elapsed time would have.
    let mut conn = db();
    let c = company(&mut conn);
    let answered = t0() + Duration::hours(1);
    let refused = insert(&mut conn, c, Row::new("refused", t0()).changed(answered));
    let due = answered + Duration::days(14);
    let retention = Retention::default();
    let late = due + retention.request_personal_data + Duration::days(1);
    lifecycle::archive(&mut conn, late, 30).unwrap();
    assert_eq!(state(&mut conn, refused).archived_at, Some(due));
    let n = lifecycle::purge(&mut conn, late, &retention).unwrap();
    assert!(n.requests_erased >= 1, "{n:?}");
    assert_eq!(state(&mut conn, refused).label, None);
}

#[test]
fn refused_requests_leave_the_list_exactly_14_days_after_the_refusal() {
    let mut conn = db();
    let c = company(&mut conn);
    let answered = t0() + Duration::hours(1);
    let refused = insert(&mut conn, c, Row::new("refused", t0()).changed(answered));
    let due = answered + Duration::days(14);
    lifecycle::archive(&mut conn, due - Duration::seconds(1), 30).unwrap();
    assert_eq!(state(&mut conn, refused).archived_at, None);
    lifecycle::archive(&mut conn, due, 30).unwrap();
    assert_eq!(state(&mut conn, refused).archived_at, Some(due));
}

#[test]
fn stopped_blocked_and_ended_accesses_leave_the_blocked_tab_after_the_configured_days() {
    let mut conn = db();
    let c = company(&mut conn);
    let scope = Scope {
        company_id: c,
        provider_id: None,
    };
    let stop = t0() + Duration::days(2);
    let revoked = insert(
        &mut conn,
        c,
        Row::new("revoked", t0())
            .changed(stop)
            .until(t0() + Duration::days(31)),
    );
    let blocked = insert(
        &mut conn,
        c,
        Row::new("blocked", t0())
            .changed(stop)
            .until(t0() + Duration::days(31)),
    );
    // Ended at `stop`, never recorded by `end-mandates`.
    let ended = insert(
        &mut conn,
        c,
        Row::new("accepted", t0() - Duration::days(30))
            .changed(t0() - Duration::days(30))
            .until(stop),
    );
    let days = 10;
    let due = stop + Duration::days(days);
    lifecycle::archive(&mut conn, due - Duration::seconds(1), days).unwrap();
    for id in [revoked, blocked, ended] {
        assert_eq!(state(&mut conn, id).archived_at, None);
    }
    assert_eq!(state(&mut conn, ended).status, "ended");
    assert_eq!(
        counts(&mut conn, &scope, due - Duration::seconds(1))
            .unwrap()
            .blocked,
        3
    );
    lifecycle::archive(&mut conn, due, days).unwrap();
    for id in [revoked, blocked, ended] {
        assert_eq!(state(&mut conn, id).archived_at, Some(due));
    }
    assert_eq!(counts(&mut conn, &scope, due).unwrap().blocked, 0);
    assert_eq!(
        events(&mut conn, ended),
        vec![
            job_event(stop, "accepted", "ended", "archive"),
            job_event(due, "ended", "archived", "archive"),
        ]
    );
}

fn mail_for(conn: &mut PgConnection, request: Option<Uuid>, sent: Option<DateTime<Utc>>) -> Uuid {
    let id = Uuid::new_v4();
    sql_query(
        "INSERT INTO outbox_emails (id, request_id, recipient, subject, body_text, body_html,
             created_at, next_attempt_at, sent_at, give_up_at)
         VALUES ($1, $2, 'candidate@example.be', 's', 't', 'h', $3, $3, $4, $3 + interval '72 hours')",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Nullable<SqlUuid>, _>(request)
    .bind::<Timestamptz, _>(t0())
    .bind::<Nullable<Timestamptz>, _>(sent)
    .execute(conn)
    .expect("mail");
    id
}

fn mail_exists(conn: &mut PgConnection, id: Uuid) -> bool {
    count(
        conn,
        &format!("SELECT count(*) AS n FROM outbox_emails WHERE id = '{id}'"),
    ) == 1
}

#[test]
fn purge_erases_personal_data_at_each_retention_boundary_and_only_once() {
    let mut conn = db();
    let c = company(&mut conn);
    let retention = Retention::default();
    let archived = t0() + Duration::days(20);
    let id = insert(
        &mut conn,
        c,
        Row::new("accepted", t0())
            .changed(t0() + Duration::days(2))
            .until(t0() + Duration::days(3))
            .archived(archived),
    );
    sql_query("UPDATE access_requests SET status = 'revoked' WHERE id = $1")
        .bind::<SqlUuid, _>(id)
        .execute(&mut *conn)
        .unwrap();
    // Its transition log: a citizen's action (their NISS as actor) with a note.
    sql_query(
        "INSERT INTO request_events (request_id, at, from_status, to_status, actor_kind, actor_ref, note)
         VALUES ($1, $2, 'accepted', 'revoked', 'citizen', '90051402426', 'stopped from the portal')",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<Timestamptz, _>(t0() + Duration::days(2))
    .execute(&mut *conn)
    .unwrap();
    let its_mail = mail_for(&mut conn, Some(id), None);
    let sent_at = t0() + Duration::days(1);
    let old_mail = mail_for(&mut conn, None, Some(sent_at));
    let consulted = t0() + Duration::days(2);
    sql_query(
        "INSERT INTO consultations (request_id, company_id, citizen_niss, context, consulted_at,
             actor_kind, actor_ref)
         VALUES ($1, $2, '90051402426', 'FLEXI_JOB', $3, 'company_user', '85073003328')",
    )
    .bind::<SqlUuid, _>(id)
    .bind::<SqlUuid, _>(c)
    .bind::<Timestamptz, _>(consulted)
    .execute(&mut *conn)
    .unwrap();
    let consultations =
        format!("SELECT count(*) AS n FROM consultations WHERE request_id = '{id}'");

    // Mail retention: 30 days after sending.
    let mail_due = sent_at + Duration::days(30);
    lifecycle::purge(&mut conn, mail_due - Duration::seconds(1), &retention).unwrap();
    assert!(mail_exists(&mut conn, old_mail));
    let n = lifecycle::purge(&mut conn, mail_due, &retention).unwrap();
    assert!(!mail_exists(&mut conn, old_mail));
    assert!(n.mails_deleted >= 1);

    // Request personal data: 90 days after archival.
    let request_due = archived + Duration::days(90);
    lifecycle::purge(&mut conn, request_due - Duration::seconds(1), &retention).unwrap();
    let s = state(&mut conn, id);
    assert_eq!(s.label.as_deref(), Some("Kitchen help"));
    assert!(mail_exists(&mut conn, its_mail));

    let n = lifecycle::purge(&mut conn, request_due, &retention).unwrap();
    assert_eq!(n.requests_erased, 1);
    assert_eq!(n.mails_deleted, 1);
    let s = state(&mut conn, id);
    assert_eq!(
        (s.label, s.email, s.target_niss, s.citizen_last_name),
        (None, None, None, None)
    );
    assert_eq!(s.status, "revoked", "the state stays");
    assert_eq!(s.archived_at, Some(archived));
    assert!(!mail_exists(&mut conn, its_mail));
    assert_eq!(
        s.citizen_niss.as_deref(),
        Some("90051402426"),
        "kept for the citizen's history"
    );
    assert_eq!(count(&mut conn, &consultations), 1);
    assert_eq!(
        lifecycle::purge(&mut conn, request_due, &retention).unwrap(),
        PurgeCounts::default(),
        "a second run changes nothing"
    );

    // Audit: consultations 365 days after they happened, the citizen's NISS on the request
    // 365 days after archival. The transition log's notes stay.
    let audit_due = consulted + Duration::days(365);
    lifecycle::purge(&mut conn, audit_due - Duration::seconds(1), &retention).unwrap();
    assert_eq!(count(&mut conn, &consultations), 1);
    let n = lifecycle::purge(&mut conn, audit_due, &retention).unwrap();
    assert!(n.audit_deleted >= 1);
    assert_eq!(count(&mut conn, &consultations), 0);
    let unlink_due = archived + Duration::days(365);
    lifecycle::purge(&mut conn, unlink_due - Duration::seconds(1), &retention).unwrap();
    assert!(state(&mut conn, id).citizen_niss.is_some());
    let n = lifecycle::purge(&mut conn, unlink_due, &retention).unwrap();
    assert_eq!(n.requests_unlinked, 1);
    assert_eq!(state(&mut conn, id).citizen_niss, None);
    let log = events(&mut conn, id);
    assert_eq!(log.len(), 1);
    assert_eq!(log[0].actor_ref, None);
    assert_eq!(
        count(
            &mut conn,
            &format!(
                "SELECT count(*) AS n FROM request_events
                  WHERE request_id = '{id}' AND note = 'stopped from the portal'"
            )
        ),
        1
    );
    assert_eq!(
        lifecycle::purge(&mut conn, unlink_due, &retention).unwrap(),
        PurgeCounts::default()
    );
}

/// A run that finds a request due for both its erasure and its unlinking (a purge catching
/// up on a long pause) deletes the rows of its personal data and of its parties, writes
/// no new version of the request's own row, and counts it in both; with a request
/// retention longer than the audit's, the unlinking leaves the personal data to its own
/// date.
#[test]
fn a_request_due_for_erasure_and_unlinking_at_once_loses_both_rows_and_is_counted_in_both() {
    let mut conn = db();
    let c = company(&mut conn);
    let archived = t0() + Duration::days(20);
    let accepted = || {
        Row::new("ended", t0())
            .changed(t0() + Duration::days(2))
            .until(t0() + Duration::days(3))
            .archived(archived)
    };
    let both = insert(&mut conn, c, accepted());
    let citizen_event = |conn: &mut PgConnection, id: Uuid| {
        sql_query(
            "INSERT INTO request_events (request_id, at, from_status, to_status, actor_kind, actor_ref)
             VALUES ($1, $2, 'pending', 'accepted', 'citizen', '90051402426')",
        )
        .bind::<SqlUuid, _>(id)
        .bind::<Timestamptz, _>(t0() + Duration::hours(1))
        .execute(conn)
        .unwrap();
    };
    citizen_event(&mut conn, both);
    let its_mail = mail_for(&mut conn, Some(both), None);
    // Erased only: archived 200 days before the run, its citizen kept.
    let run = archived + Duration::days(400);
    let recent = insert(
        &mut conn,
        c,
        Row::new("refused", run - Duration::days(230)).archived(run - Duration::days(200)),
    );
    let written = |conn: &mut PgConnection, table: &str| {
        count(
            conn,
            &format!(
                "SELECT n_tup_upd + n_tup_del AS n FROM pg_stat_xact_user_tables
                  WHERE relname = '{table}'"
            ),
        )
    };

    let n = conn
        .transaction(|conn| {
            let n = lifecycle::purge(conn, run, &Retention::default())?;
            assert_eq!(
                written(conn, "access_requests"),
                0,
                "no new version of a request's row"
            );
            assert_eq!(
                written(conn, "request_personal"),
                2,
                "the personal data of both, deleted"
            );
            assert_eq!(
                written(conn, "request_parties"),
                1,
                "the parties of the one a year past archival, deleted"
            );
            diesel::QueryResult::Ok(n)
        })
        .unwrap();
    assert_eq!(
        (n.requests_erased, n.requests_unlinked, n.mails_deleted),
        (2, 1, 1),
        "{n:?}"
    );
    let s = state(&mut conn, both);
    assert_eq!(
        (
            s.label,
            s.email,
            s.target_niss,
            s.citizen_last_name,
            s.citizen_niss
        ),
        (None, None, None, None, None)
    );
    assert!(!mail_exists(&mut conn, its_mail));
    assert!(
        events(&mut conn, both)
            .iter()
            .all(|e| e.actor_ref.is_none())
    );
    let s = state(&mut conn, recent);
    assert_eq!(
        (s.label, s.citizen_niss),
        (None, None),
        "never had a citizen"
    );
    assert_eq!(
        lifecycle::purge(&mut conn, run, &Retention::default()).unwrap(),
        PurgeCounts::default(),
        "a second run changes nothing"
    );

    // Personal data kept 500 days, the audit 365: the unlinking leaves them.
    let long = Retention {
        request_personal_data: Duration::days(500),
        ..Retention::default()
    };
    let kept = insert(&mut conn, c, accepted());
    let n = lifecycle::purge(&mut conn, run, &long).unwrap();
    assert_eq!((n.requests_erased, n.requests_unlinked), (0, 1), "{n:?}");
    let s = state(&mut conn, kept);
    assert_eq!(
        (s.label.as_deref(), s.citizen_niss),
        (Some("Kitchen help"), None)
    );
    let n = lifecycle::purge(&mut conn, archived + Duration::days(500), &long).unwrap();
    assert_eq!((n.requests_erased, n.requests_unlinked), (1, 0), "{n:?}");
    assert_eq!(state(&mut conn, kept).label, None);
}

/// The consultation audit is kept in months (UTC): the purge drops a month past the audit
/// retention whole and trims the month the retention ends in to the second. A consultation
/// of a month not made yet is kept all the same (in the default partition) and moves into
/// its month when the month is made: by the purge job, for its clock's month and the next.
#[test]
fn the_audit_is_kept_in_months_and_a_month_past_retention_is_dropped_whole() {
    let mut conn = db();
    let c = company(&mut conn);
    let retention = Retention::default();
    let request = insert(
        &mut conn,
        c,
        Row::new("accepted", t0()).until(t0() + Duration::days(90)),
    );
    let consult = |conn: &mut PgConnection, at: DateTime<Utc>| {
        #[derive(QueryableByName)]
        struct Id {
            #[diesel(sql_type = SqlUuid)]
            id: Uuid,
        }
        sql_query(
            "INSERT INTO consultations (request_id, company_id, citizen_niss, context,
                 consulted_at, actor_kind, actor_ref)
             VALUES ($1, $2, '90051402426', 'FLEXI_JOB', $3, 'company_user', '85073003328')
             RETURNING id",
        )
        .bind::<SqlUuid, _>(request)
        .bind::<SqlUuid, _>(c)
        .bind::<Timestamptz, _>(at)
        .get_result::<Id>(conn)
        .unwrap()
        .id
    };
    let month_of = |conn: &mut PgConnection, id: Uuid| {
        #[derive(QueryableByName)]
        struct Month {
            #[diesel(sql_type = Text)]
            name: String,
        }
        sql_query("SELECT tableoid::regclass::text AS name FROM consultations WHERE id = $1")
            .bind::<SqlUuid, _>(id)
            .get_results::<Month>(conn)
            .unwrap()
            .pop()
            .map(|m| m.name)
    };
    // t0 is 5 March 2025, 10:30 (Brussels): March, then April (twice), then May.
    let at = |days: i64| t0() + Duration::days(days);
    let ids = [at(0), at(30), at(40), at(60)].map(|when| consult(&mut conn, when));
    for id in ids {
        assert_eq!(
            month_of(&mut conn, id).as_deref(),
            Some("consultations_default")
        );
    }
    // The purge job of 5 March makes March and April; May's consultation waits.
    lifecycle::purge(&mut conn, at(0), &retention).unwrap();
    let months = ids.map(|id| month_of(&mut conn, id).unwrap());
    assert_eq!(
        months,
        [
            "consultations_2025_03",
            "consultations_2025_04",
            "consultations_2025_04",
            "consultations_default"
        ]
    );
    mandat::db::consultations::make_months(&mut conn, at(60), at(60)).unwrap();
    assert_eq!(
        month_of(&mut conn, ids[3]).as_deref(),
        Some("consultations_2025_05")
    );
    let month_exists = |conn: &mut PgConnection, name: &str| {
        count(
            conn,
            &format!("SELECT count(*) AS n FROM pg_class WHERE relname = '{name}'"),
        ) == 1
    };
    // A year after the first April consultation: March is dropped whole, April loses its
    // consultation of that instant only, May is untouched.
    let audit_due = at(30) + retention.audit;
    let n = lifecycle::purge(&mut conn, audit_due - Duration::seconds(1), &retention).unwrap();
    assert_eq!(n.audit_deleted, 1);
    assert!(!month_exists(&mut conn, "consultations_2025_03"));
    assert!(month_of(&mut conn, ids[1]).is_some());
    let n = lifecycle::purge(&mut conn, audit_due, &retention).unwrap();
    assert_eq!(n.audit_deleted, 1);
    assert!(month_exists(&mut conn, "consultations_2025_04"));
    assert_eq!(
        ids.map(|id| month_of(&mut conn, id).is_some()),
        [false, false, true, true]
    );
    // Once April is past too, it goes the same way; May, which ends later, is trimmed.
    let n = lifecycle::purge(&mut conn, at(61) + retention.audit, &retention).unwrap();
    assert_eq!(n.audit_deleted, 2);
    assert!(!month_exists(&mut conn, "consultations_2025_04"));
    assert!(month_exists(&mut conn, "consultations_2025_05"));
    assert_eq!(
        ids.map(|id| month_of(&mut conn, id)),
        [None, None, None, None]
    );
    // What no month was made for is still purged, row by row.
    let late = consult(&mut conn, at(200));
    assert_eq!(
        month_of(&mut conn, late).as_deref(),
        Some("consultations_default")
    );
    let n = lifecycle::purge(&mut conn, at(201) + retention.audit, &retention).unwrap();
    assert_eq!(n.audit_deleted, 1);
    assert_eq!(month_of(&mut conn, late), None);
}

#[test]
fn purge_leaves_requests_not_archived_alone() {
    let mut conn = db();
    let c = company(&mut conn);
    let refused = insert(&mut conn, c, Row::new("refused", t0()));
    let retention = Retention::default();
    lifecycle::purge(&mut conn, t0() + Duration::days(5000), &retention).unwrap();
    assert_eq!(
        state(&mut conn, refused).label.as_deref(),
        Some("Kitchen help")
    );
}

#[tokio::test]
async fn a_job_locked_by_another_instance_is_skipped_and_every_run_is_recorded() {
    let app = spawn_app().await;
    let mut other = app.db();
    // Another server holds the lock of expire-requests.
    sql_query("SELECT pg_advisory_lock($1)")
        .bind::<BigInt, _>(Job::ExpireRequests.lock_key())
        .execute(&mut other)
        .unwrap();
    app.clock.advance(Duration::days(5));
    assert_eq!(app.run_job(Job::ExpireRequests).await.unwrap(), None);
    // Other jobs are not blocked by it.
    assert!(app.run_job(Job::EndMandates).await.unwrap().is_some());
    sql_query("SELECT pg_advisory_unlock($1)")
        .bind::<BigInt, _>(Job::ExpireRequests.lock_key())
        .execute(&mut other)
        .unwrap();
    let pending = count(
        &mut other,
        "SELECT count(*) AS n FROM access_requests WHERE status = 'pending'",
    );
    assert!(pending > 0);
    let first = app.run_job(Job::ExpireRequests).await.unwrap();
    assert_eq!(first, Some(pending as usize));
    assert_eq!(app.run_job(Job::ExpireRequests).await.unwrap(), Some(0));

    // A failing run is recorded with its error.
    sql_query(
        "ALTER TABLE request_events ADD CONSTRAINT test_no_archive
         CHECK (to_status <> 'archived') NOT VALID",
    )
    .execute(&mut other)
    .unwrap();
    app.clock.advance(Duration::days(30));
    assert!(app.run_job(Job::Archive).await.is_err());

    // The schedule rows count every run and keep the last one's outcome.
    let schedule = mandat::db::job_schedule::all(&mut other).unwrap();
    let names: Vec<&str> = schedule.iter().map(|r| r.job.as_str()).collect();
    assert_eq!(names, vec!["archive", "end-mandates", "expire-requests"]);
    let expire = &schedule[2];
    assert_eq!(expire.last_rows, Some(0), "the last run, not the first");
    assert_eq!(expire.last_run_at, Some(start_time() + Duration::days(5)));
    assert_eq!((expire.runs, expire.idle_runs), (2, 1));
    assert!(expire.last_error.is_none() && expire.running_since.is_none());
    let archive = &schedule[0];
    assert!(
        archive
            .last_error
            .as_deref()
            .is_some_and(|e| e.contains("test_no_archive")),
        "{:?}",
        archive.last_error
    );
    // job_runs keeps the runs that changed something or failed, not the idle ones.
    let runs = mandat::db::job_runs::last_runs(&mut other).unwrap();
    let recorded: Vec<(&str, i64, bool)> = runs
        .iter()
        .map(|r| (r.job.as_str(), r.rows_affected, r.error.is_some()))
        .collect();
    let end_rows = schedule[1].last_rows.unwrap_or(0);
    let mut expected = vec![("archive", 0, true)];
    if end_rows > 0 {
        expected.push(("end-mandates", end_rows, false));
    }
    expected.push(("expire-requests", pending, false));
    assert_eq!(recorded, expected);
    assert!(runs.iter().all(|r| r.duration() >= Duration::zero()));
    assert_eq!(
        count(&mut other, "SELECT count(*) AS n FROM job_runs"),
        expected.len() as i64,
        "neither the skipped run nor the idle one is recorded"
    );
}

#[tokio::test]
async fn two_servers_on_one_database_run_a_job_once() {
    let app = spawn_app().await;
    // A second server: its own state and pool on the same database.
    let settings = (*app.state.settings).clone();
    let second = mandat::state::AppState::new(settings, std::sync::Arc::new(app.clock.clone()));
    let second =
        mandat::jobs::JobContext::for_tenant(second.tenants.main(), second.settings.clone());
    app.clock.advance(Duration::days(5));
    let mut conn = app.db();
    let pending = count(
        &mut conn,
        "SELECT count(*) AS n FROM access_requests WHERE status = 'pending'",
    ) as usize;
    let (a, b) = tokio::join!(
        app.run_job(Job::ExpireRequests),
        mandat::jobs::run_once(&second, Job::ExpireRequests)
    );
    let (a, b) = (a.unwrap(), b.unwrap());
    // Either one skipped (the other held the lock) or they ran one after the other, the
    // second finding nothing left: the rows changed once in all cases.
    assert_eq!(a.unwrap_or(0) + b.unwrap_or(0), pending, "{a:?} {b:?}");
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM request_events WHERE to_status = 'expired'
               AND actor_ref = 'expire-requests' AND at > '2025-03-05 09:30:00+00'"
        ),
        pending as i64
    );
}

#[test]
fn the_command_line_runs_a_job_once_and_prints_its_count() {
    let db = fresh_database();
    let url = db.url.clone();
    let mut conn = PgConnection::establish(&url).unwrap();
    // The real clock is long past the seeded world's links.
    let pending = count(
        &mut conn,
        "SELECT count(*) AS n FROM access_requests WHERE status = 'pending'",
    );
    assert!(pending > 0);
    let bin = env!("CARGO_BIN_EXE_mandat");
    let run = |args: &[&str]| {
        let out = std::process::Command::new(bin)
            .args(args)
            .env("DATABASE_URL", &url)
            .env("MANDAT_MODE", "development")
            .output()
            .expect("run mandat");
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let out = run(&["jobs", "run-once", "expire-requests"]);
    assert!(
        out.contains(&format!("expire-requests: {pending} row(s)")),
        "{out}"
    );
    let out = run(&["jobs", "run-once", "expire-requests"]);
    assert!(out.contains("expire-requests: 0 row(s)"), "{out}");
    let out = run(&["jobs", "list"]);
    for name in [
        "deliver-mail",
        "expire-requests",
        "end-mandates",
        "archive",
        "purge",
    ] {
        assert!(out.lines().any(|l| l == name), "{out}");
    }
}

/// Archived, expired requests: `n` rows inserted set-based, archived `archived_at`.
pub fn insert_archived_expired(conn: &mut PgConnection, n: i64, archived_at: DateTime<Utc>) {
    let c = company(conn);
    sql_query(
        "WITH n AS (SELECT gen_random_uuid() AS id, g FROM generate_series(1, $4) AS g),
              r AS (INSERT INTO access_requests (id, company_id, context, language,
                        status, created_at, expires_at, status_changed_at, archived_at)
                    SELECT id, $1, 'FLEXI_JOB', 'fr', 'expired',
                           $2, $2 + interval '72 hours', $2 + interval '72 hours', $3
                      FROM n),
              w AS (INSERT INTO request_parties (request_id, created_by)
                    SELECT id, '85073003328' FROM n)
         INSERT INTO request_personal (request_id, label, email)
         SELECT id, 'Candidate ' || g, 'candidate' || g || '@example.be' FROM n",
    )
    .bind::<SqlUuid, _>(c)
    .bind::<Timestamptz, _>(archived_at - Duration::days(20))
    .bind::<Timestamptz, _>(archived_at)
    .bind::<BigInt, _>(n)
    .execute(conn)
    .expect("bulk insert");
    sql_query("ANALYZE access_requests").execute(conn).unwrap();
}

/// The purge of many archived requests is one set-based pass: seconds, not minutes.
/// `MANDAT_PURGE_ROWS=1000000` measures the million by hand (default 100 000).
#[test]
fn purging_many_archived_requests_takes_seconds() {
    let rows: i64 = std::env::var("MANDAT_PURGE_ROWS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let mut conn = db();
    let archived = t0() - Duration::days(200);
    let started = Instant::now();
    insert_archived_expired(&mut conn, rows, archived);
    let inserted = started.elapsed();
    let started = Instant::now();
    let n = lifecycle::purge(&mut conn, t0(), &Retention::default()).unwrap();
    let took = started.elapsed();
    eprintln!(
        "purge of {rows} archived requests: {:.2} s (insert {:.2} s)",
        took.as_secs_f64(),
        inserted.as_secs_f64()
    );
    assert_eq!(n.requests_erased as i64, rows);
    assert!(took.as_secs() < 30, "purge took {took:?}");
    // The next run reads none of them again.
    let again = lifecycle::purge(&mut conn, t0(), &Retention::default()).unwrap();
    assert_eq!((again.requests_erased, again.requests_walked), (0, 0));
}

/// A daily purge reads the day's newly due requests, not the whole archive: each walk
/// starts where the last run stopped. A request archived behind that point (inserted
/// already archived, or archived by a late run as of its due instant) is still reached.
#[test]
fn each_purge_starts_where_the_last_stopped_and_reaches_requests_archived_behind_it() {
    let mut conn = db();
    let retention = Retention::default();
    let archived = t0() - Duration::days(200);
    insert_archived_expired(&mut conn, 300, archived);
    let first = lifecycle::purge(&mut conn, t0(), &retention).unwrap();
    assert_eq!((first.requests_erased, first.requests_walked), (300, 300));
    let next = lifecycle::purge(&mut conn, t0() + Duration::days(1), &retention).unwrap();
    assert_eq!((next.requests_walked, next.total()), (0, 0), "{next:?}");

    // Inserted already archived, ten days before the others.
    let c = company(&mut conn);
    let behind = insert(
        &mut conn,
        c,
        Row::new("refused", archived - Duration::days(30))
            .changed(archived - Duration::days(24))
            .archived(archived - Duration::days(10)),
    );
    let n = lifecycle::purge(&mut conn, t0() + Duration::days(2), &retention).unwrap();
    assert_eq!(n.requests_erased, 1, "{n:?}");
    assert_eq!(state(&mut conn, behind).label, None);

    // Refused long ago, archived only now, as of its due instant (14 days after the
    // refusal): behind where the walk stands.
    let late = insert(
        &mut conn,
        c,
        Row::new("refused", archived - Duration::days(60)).changed(archived - Duration::days(50)),
    );
    let at = t0() + Duration::days(3);
    lifecycle::archive(&mut conn, at, 30).unwrap();
    assert_eq!(
        state(&mut conn, late).archived_at,
        Some(archived - Duration::days(36))
    );
    let n = lifecycle::purge(&mut conn, at, &retention).unwrap();
    assert_eq!(n.requests_erased, 1, "{n:?}");
    assert_eq!(state(&mut conn, late).label, None);
    // And then nothing is read again.
    let n = lifecycle::purge(&mut conn, at, &retention).unwrap();
    assert_eq!((n.requests_walked, n.total()), (0, 0), "{n:?}");
}

/// The SQL filter "status at an instant" (`db::access_requests::status_is`) and the Rust
/// rule (`domain::status::effective`) agree on every stored status, on each side of the
/// link's end and of the mandate's end, to the second.
#[test]
fn the_status_filter_in_sql_is_the_domain_rule() {
    use diesel::prelude::*;
    use mandat::{
        db::{access_requests as requests, schema::access_requests},
        domain::{RequestStatus, status::effective},
    };
    let mut conn = db();
    let company = company(&mut conn);
    let created = t0();
    let expires = created + Duration::hours(72);
    let until = created + Duration::days(30);
    // Every stored status; the accepted-like ones with a mandate end.
    let mut ids = Vec::new();
    for status in RequestStatus::ALL {
        let with_end = matches!(
            status,
            RequestStatus::Accepted
                | RequestStatus::Ended
                | RequestStatus::Revoked
                | RequestStatus::Blocked
        );
        let mut row = Row::new(status.as_str(), created);
        if with_end {
            row = row.until(until);
        }
        ids.push(insert(&mut conn, company, row));
        if status == RequestStatus::Blocked {
            // A request blocked before anybody accepted it.
            ids.push(insert(
                &mut conn,
                company,
                Row::new(status.as_str(), created),
            ));
        }
    }
    let one = Duration::seconds(1);
    let instants = [
        created,
        expires - one,
        expires,
        expires + one,
        until - one,
        until,
        until + one,
    ];
    for now in instants {
        let rows: Vec<requests::AccessRequest> = requests::with_personal()
            .filter(access_requests::id.eq_any(&ids))
            .select(requests::AccessRequest::as_select())
            .load(&mut *conn)
            .unwrap();
        for status in RequestStatus::ALL {
            let mut by_sql: Vec<Uuid> = access_requests::table
                .filter(access_requests::id.eq_any(&ids))
                .filter(requests::status_is(status, now))
                .select(access_requests::id)
                .load(&mut *conn)
                .unwrap();
            by_sql.sort();
            let mut by_rule: Vec<Uuid> = rows
                .iter()
                .filter(|r| effective(r.status, r.expires_at, r.valid_until, now) == status)
                .map(|r| r.id)
                .collect();
            by_rule.sort();
            assert_eq!(by_sql, by_rule, "{status} at {now}");
        }
    }
}

#[test]
fn purge_erases_spent_links_staff_audit_tokens_job_runs_and_webhooks_by_their_own_settings_batched()
{
    let mut conn = db();
    let c = company(&mut conn);
    let retention = Retention::default();
    let now = t0();
    let days = Duration::days;
    // Links: spent (past their 72 hours, or answered) 14 days ago or more are erased.
    let expired_due = insert(&mut conn, c, Row::new("pending", now - days(17)));
    let expired_kept = insert(
        &mut conn,
        c,
        Row::new("pending", now - days(17) + Duration::seconds(1)),
    );
    let answered_due = insert(
        &mut conn,
        c,
        Row::new("accepted", now - days(15))
            .changed(now - days(14))
            .until(now + days(16)),
    );
    let answered_kept = insert(
        &mut conn,
        c,
        Row::new("refused", now - days(15)).changed(now - days(13)),
    );
    let live = insert(&mut conn, c, Row::new("pending", now - Duration::hours(1)));
    let erased = |conn: &mut PgConnection, id: Uuid| !state(conn, id).link;
    // The staff audit: 730 days by default.
    let staff = "(SELECT id FROM staff ORDER BY username LIMIT 1)";
    for (at, detail) in [(now - days(730), "due"), (now - days(729), "kept")] {
        sql_query(format!(
            "INSERT INTO staff_audit (staff_id, at, action, detail) VALUES ({staff}, $1, 'run_job', $2)"
        ))
        .bind::<Timestamptz, _>(at)
        .bind::<Text, _>(detail)
        .execute(&mut *conn)
        .unwrap();
    }
    // A removed staff member's NISS goes with the staff audit of their time (730 days);
    // their name stays.
    for (niss, name, removed) in [
        ("00000000097", "Removed long ago", now - days(730)),
        ("00000000196", "Removed lately", now - days(729)),
    ] {
        sql_query(
            "INSERT INTO staff (niss, display_name, role, created_at, removed_at)
             VALUES ($1, $2, 'agent', $3 - interval '1 year', $3)",
        )
        .bind::<Text, _>(niss)
        .bind::<Text, _>(name)
        .bind::<Timestamptz, _>(removed)
        .execute(&mut *conn)
        .unwrap();
    }
    // Expired API tokens: 7 days after their expiry.
    sql_query(
        "INSERT INTO api_clients (company_id, name, secret_hash, scopes, created_at)
         VALUES ($1, 'HR', '\\x00', 'mandates', $2)",
    )
    .bind::<SqlUuid, _>(c)
    .bind::<Timestamptz, _>(now - days(30))
    .execute(&mut *conn)
    .unwrap();
    for (hash, expires) in [("\\x01", now - days(7)), ("\\x02", now - days(6))] {
        sql_query(
            "INSERT INTO api_tokens (token_hash, client_id, scopes, issued_at, expires_at)
             SELECT $1::bytea, id, 'mandates', $2 - interval '1 hour', $2 FROM api_clients
              WHERE company_id = $3",
        )
        .bind::<Text, _>(hash)
        .bind::<Timestamptz, _>(expires)
        .bind::<SqlUuid, _>(c)
        .execute(&mut *conn)
        .unwrap();
    }
    // Webhook deliveries: 30 days after delivered or given up; a waiting one stays.
    for (delivered, failed, label) in [
        (Some(now - days(30)), None, "delivered-due"),
        (Some(now - days(29)), None, "delivered-kept"),
        (None, Some(now - days(30)), "given-up-due"),
        (None, Some(now - days(29)), "given-up-kept"),
        (None, None, "waiting"),
    ] {
        sql_query(
            "INSERT INTO webhook_deliveries
                    (client_id, event, payload, created_at, next_attempt_at, delivered_at, failed_at)
             SELECT id, $1, '{}', $2, $2, $3, $4 FROM api_clients WHERE company_id = $5",
        )
        .bind::<Text, _>(label)
        .bind::<Timestamptz, _>(now - days(60))
        .bind::<diesel::sql_types::Nullable<Timestamptz>, _>(delivered)
        .bind::<diesel::sql_types::Nullable<Timestamptz>, _>(failed)
        .bind::<SqlUuid, _>(c)
        .execute(&mut *conn)
        .unwrap();
    }
    // Job runs: 7 days; more than two batches of them.
    sql_query(
        "INSERT INTO job_runs (job, started_at, finished_at)
         SELECT 'deliver-mail', $1 - (g || ' seconds')::interval, $1
           FROM generate_series(0, 12000) g",
    )
    .bind::<Timestamptz, _>(now - days(7))
    .execute(&mut *conn)
    .unwrap();
    sql_query("INSERT INTO job_runs (job, started_at, finished_at) VALUES ('purge', $1, $1)")
        .bind::<Timestamptz, _>(now - days(6))
        .execute(&mut *conn)
        .unwrap();
    // The quarters answered eligible go with the consultation audit (365 days).
    for (quarter, at) in [(1, now - days(365)), (2, now - days(364))] {
        sql_query(
            "INSERT INTO flexi_positive_answers (citizen_niss, company_id, year, quarter, answered_at)
             VALUES ('90051402426', $1, 2024, $3, $2)",
        )
        .bind::<SqlUuid, _>(c)
        .bind::<Timestamptz, _>(at)
        .bind::<diesel::sql_types::SmallInt, _>(quarter)
        .execute(&mut *conn)
        .unwrap();
    }
    // A citizen's block lasts until the citizen lifts it.
    sql_query(
        "INSERT INTO citizen_blocks (citizen_niss, company_id, created_at)
         VALUES ('90051402426', $1, $2)",
    )
    .bind::<SqlUuid, _>(c)
    .bind::<Timestamptz, _>(now - days(3000))
    .execute(&mut *conn)
    .unwrap();

    let erased_here = |conn: &mut PgConnection| {
        count(
            conn,
            &format!(
                "SELECT count(*) AS n FROM access_requests r WHERE company_id = '{c}'
                   AND NOT EXISTS (SELECT 1 FROM request_links l WHERE l.request_id = r.id)"
            ),
        )
    };
    let n = lifecycle::purge(&mut conn, now, &retention).unwrap();
    // (The demo world's old links are erased too.)
    assert!(n.links_erased >= 2, "{n:?}");
    assert_eq!(erased_here(&mut conn), 2);
    assert!(erased(&mut conn, expired_due) && erased(&mut conn, answered_due));
    for id in [expired_kept, answered_kept, live] {
        assert!(!erased(&mut conn, id), "{id}");
    }
    assert_eq!(n.staff_audit_deleted, 1);
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM staff_audit WHERE detail = 'kept'"
        ),
        1
    );
    assert_eq!(n.api_tokens_deleted, 1);
    assert_eq!(count(&mut conn, "SELECT count(*) AS n FROM api_tokens"), 1);
    assert_eq!(n.webhooks_deleted, 2);
    assert_eq!(n.staff_forgotten, 1);
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM staff WHERE display_name LIKE 'Removed %' AND niss IS NULL"
        ),
        1
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM staff WHERE display_name = 'Removed lately' AND niss = '00000000196'"
        ),
        1
    );
    let kept = count(
        &mut conn,
        &format!(
            "SELECT count(*) AS n FROM webhook_deliveries d JOIN api_clients a ON a.id = d.client_id
              WHERE a.company_id = '{c}' AND d.event IN ('delivered-kept', 'given-up-kept', 'waiting')"
        ),
    );
    let all = count(
        &mut conn,
        &format!(
            "SELECT count(*) AS n FROM webhook_deliveries d JOIN api_clients a ON a.id = d.client_id
              WHERE a.company_id = '{c}'"
        ),
    );
    assert_eq!((kept, all), (3, 3));
    assert_eq!(n.job_runs_deleted, 12_001, "batched, all of them");
    assert_eq!(count(&mut conn, "SELECT count(*) AS n FROM job_runs"), 1);
    assert_eq!(n.positives_deleted, 1);
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM flexi_positive_answers"
        ),
        1
    );
    assert_eq!(
        count(
            &mut conn,
            &format!("SELECT count(*) AS n FROM citizen_blocks WHERE company_id = '{c}'")
        ),
        1,
        "blocks are never purged"
    );
    assert_eq!(
        lifecycle::purge(&mut conn, now, &retention).unwrap(),
        PurgeCounts::default(),
        "a second run changes nothing"
    );
    // Each by its own setting.
    let short = Retention {
        link: days(1),
        job_runs: days(1),
        webhook: days(1),
        ..Retention::default()
    };
    let n = lifecycle::purge(&mut conn, now, &short).unwrap();
    assert_eq!(n.job_runs_deleted, 1, "{n:?}");
    assert_eq!(n.webhooks_deleted, 2, "{n:?}: never the waiting one");
    assert_eq!(erased_here(&mut conn), 4);
    assert!(!erased(&mut conn, live));
}
