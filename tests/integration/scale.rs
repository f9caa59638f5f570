//! Data at scale: the generator of `mandat dev generate` makes a world the app serves and
//! its jobs find coherent.

use diesel::{prelude::*, sql_query, sql_types::BigInt};
use mandat::{
    demo::{
        generate::{Sizes, citizens_for, generate},
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
    let made = generate(&mut conn, sizes, start_time(), 30).unwrap();
    assert_eq!(
        (made.requests, made.consultations, made.companies),
        (2000, 3000, 50)
    );
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
              WHERE r.accepted_at IS NULL OR c.consulted_at < r.accepted_at
                 OR c.consulted_at > CASE WHEN r.status = 'accepted' THEN r.valid_until
                                          ELSE LEAST(r.valid_until, r.status_changed_at) END
                 OR c.consulted_at > '2025-03-05 09:30:00+00'
                 OR c.citizen_niss <> r.citizen_niss"
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
    assert!(expected > 20, "{expected}");
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
            "SELECT r.citizen_niss AS niss FROM access_requests r
               JOIN consultations c ON c.request_id = r.id
              WHERE r.status = 'accepted' AND substr(r.citizen_niss, 7, 3)::int >= 500
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
