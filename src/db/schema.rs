// @generated shape of `diesel print-schema`; keep in step with migrations/.

diesel::table! {
    persons (niss) {
        niss -> Text,
        last_name -> Text,
        first_name -> Text,
        birth_date -> Date,
        language -> Text,
        pension_start_date -> Nullable<Date>,
    }
}

diesel::table! {
    staff (id) {
        id -> Uuid,
        username -> Nullable<Text>,
        display_name -> Text,
        role -> Text,
        created_at -> Timestamptz,
        niss -> Nullable<Text>,
        removed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    companies (id) {
        id -> Uuid,
        bce -> Text,
        name -> Text,
        kind -> Text,
        contact_email -> Text,
        created_at -> Timestamptz,
        suspended_at -> Nullable<Timestamptz>,
        suspension_reason -> Nullable<Text>,
    }
}

diesel::table! {
    company_members (company_id, niss) {
        company_id -> Uuid,
        niss -> Text,
        role -> Text,
        added_at -> Timestamptz,
    }
}

diesel::table! {
    terms_acceptances (id) {
        id -> Int8,
        company_id -> Uuid,
        terms_version -> Text,
        accepted_by -> Text,
        accepted_at -> Timestamptz,
    }
}

diesel::table! {
    provider_links (id) {
        id -> Uuid,
        client_id -> Uuid,
        provider_id -> Uuid,
        created_at -> Timestamptz,
        ended_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    access_requests (id) {
        id -> Uuid,
        company_id -> Uuid,
        provider_id -> Nullable<Uuid>,
        context -> Text,
        language -> Text,
        status -> Text,
        status_reason -> Nullable<Text>,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        status_changed_at -> Timestamptz,
        bound_at -> Nullable<Timestamptz>,
        mandate_id -> Nullable<Uuid>,
        accepted_at -> Nullable<Timestamptz>,
        valid_until -> Nullable<Timestamptz>,
        archived_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    request_count_changes (id) {
        id -> Int8,
        company_id -> Uuid,
        provider_id -> Nullable<Uuid>,
        status -> Text,
        n -> Int4,
        folded -> Bool,
    }
}

diesel::table! {
    request_events (id) {
        id -> Int8,
        request_id -> Uuid,
        at -> Timestamptz,
        from_status -> Nullable<Text>,
        to_status -> Text,
        actor_kind -> Text,
        actor_ref -> Nullable<Text>,
        note -> Nullable<Text>,
    }
}

diesel::table! {
    citizen_blocks (citizen_niss, company_id) {
        citizen_niss -> Text,
        company_id -> Uuid,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    outbox_emails (id) {
        id -> Uuid,
        request_id -> Nullable<Uuid>,
        recipient -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        created_at -> Timestamptz,
        next_attempt_at -> Timestamptz,
        attempts -> Int4,
        sent_at -> Nullable<Timestamptz>,
        failed_at -> Nullable<Timestamptz>,
        last_error -> Nullable<Text>,
        give_up_at -> Timestamptz,
    }
}

diesel::table! {
    email_attempts (id) {
        id -> Int8,
        email_id -> Uuid,
        at -> Timestamptz,
        ok -> Bool,
        error -> Nullable<Text>,
    }
}

diesel::joinable!(company_members -> companies (company_id));
diesel::joinable!(terms_acceptances -> companies (company_id));
diesel::joinable!(request_events -> access_requests (request_id));
diesel::joinable!(citizen_blocks -> companies (company_id));
diesel::joinable!(outbox_emails -> access_requests (request_id));
diesel::joinable!(email_attempts -> outbox_emails (email_id));

diesel::allow_tables_to_appear_in_same_query!(
    persons,
    staff,
    companies,
    company_members,
    terms_acceptances,
    provider_links,
    access_requests,
    request_personal,
    request_parties,
    request_events,
    citizen_blocks,
    outbox_emails,
    email_attempts,
    occupations,
    student_hours,
    student_quotas,
    consultations,
);

diesel::table! {
    occupations (niss, employer_bce, year, quarter, start_date) {
        niss -> Text,
        employer_bce -> Text,
        year -> Int4,
        quarter -> Int2,
        start_date -> Date,
        end_date -> Nullable<Date>,
        worker_hours -> Float8,
        reference_hours -> Float8,
        kind -> Text,
    }
}

diesel::table! {
    student_hours (niss, employer_bce, year, quarter) {
        niss -> Text,
        employer_bce -> Text,
        year -> Int4,
        quarter -> Int2,
        hours -> Int4,
    }
}

diesel::table! {
    student_quotas (year) {
        year -> Int4,
        hours -> Int4,
    }
}

diesel::table! {
    consultations (id) {
        id -> Uuid,
        request_id -> Uuid,
        mandate_id -> Nullable<Uuid>,
        company_id -> Uuid,
        provider_id -> Nullable<Uuid>,
        citizen_niss -> Text,
        context -> Text,
        consulted_at -> Timestamptz,
        actor_kind -> Text,
        actor_ref -> Text,
        answer -> Nullable<Jsonb>,
        act -> Nullable<Uuid>,
    }
}

diesel::joinable!(consultations -> access_requests (request_id));

diesel::table! {
    request_links (token_hash) {
        token_hash -> Bytea,
        request_id -> Uuid,
        expires_at -> Timestamptz,
    }
}

diesel::table! {
    job_runs (id) {
        id -> Int8,
        job -> Text,
        started_at -> Timestamptz,
        finished_at -> Timestamptz,
        rows_affected -> Int8,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    api_access (company_id) {
        company_id -> Uuid,
        circle_of_trust_version -> Nullable<Text>,
        circle_accepted_by -> Nullable<Text>,
        circle_accepted_at -> Nullable<Timestamptz>,
        mandates_api -> Bool,
        precontractual_api -> Bool,
    }
}

diesel::table! {
    api_clients (id) {
        id -> Uuid,
        company_id -> Uuid,
        name -> Text,
        secret_hash -> Bytea,
        scopes -> Text,
        created_at -> Timestamptz,
        revoked_at -> Nullable<Timestamptz>,
        webhook_url -> Nullable<Text>,
        webhook_secret -> Nullable<Text>,
    }
}

diesel::table! {
    webhook_deliveries (id) {
        id -> Uuid,
        client_id -> Uuid,
        event -> Text,
        payload -> Text,
        created_at -> Timestamptz,
        next_attempt_at -> Timestamptz,
        attempts -> Int4,
        delivered_at -> Nullable<Timestamptz>,
        failed_at -> Nullable<Timestamptz>,
        last_error -> Nullable<Text>,
    }
}

diesel::table! {
    api_tokens (token_hash) {
        token_hash -> Bytea,
        client_id -> Uuid,
        scopes -> Text,
        issued_at -> Timestamptz,
        expires_at -> Timestamptz,
    }
}

diesel::joinable!(api_tokens -> api_clients (client_id));
diesel::joinable!(api_clients -> companies (company_id));
diesel::joinable!(webhook_deliveries -> api_clients (client_id));
diesel::allow_tables_to_appear_in_same_query!(
    api_access,
    api_clients,
    api_tokens,
    companies,
    webhook_deliveries,
);

diesel::table! {
    staff_audit (id) {
        id -> Int8,
        staff_id -> Uuid,
        at -> Timestamptz,
        action -> Text,
        target -> Nullable<Text>,
        detail -> Nullable<Text>,
        person -> Nullable<Bytea>,
    }
}

diesel::joinable!(staff_audit -> staff (staff_id));
diesel::allow_tables_to_appear_in_same_query!(staff_audit, staff);

diesel::table! {
    request_personal (request_id) {
        request_id -> Uuid,
        label -> Nullable<Text>,
        email -> Nullable<Text>,
        target_niss -> Nullable<Text>,
        citizen_first_name -> Nullable<Text>,
        citizen_last_name -> Nullable<Text>,
    }
}

diesel::joinable!(request_personal -> access_requests (request_id));

diesel::table! {
    request_parties (request_id) {
        request_id -> Uuid,
        citizen_niss -> Nullable<Text>,
        created_by -> Nullable<Text>,
    }
}

diesel::joinable!(request_parties -> access_requests (request_id));

diesel::table! {
    sessions (id_hash) {
        id_hash -> Bytea,
        niss -> Nullable<Text>,
        state -> Text,
        created_at -> Timestamptz,
        last_seen_at -> Timestamptz,
    }
}

diesel::table! {
    flexi_positive_answers (citizen_niss, company_id, year, quarter) {
        citizen_niss -> Text,
        company_id -> Uuid,
        year -> Int4,
        quarter -> Int2,
        answered_at -> Timestamptz,
    }
}

diesel::joinable!(flexi_positive_answers -> companies (company_id));
diesel::allow_tables_to_appear_in_same_query!(flexi_positive_answers, companies);

diesel::table! {
    job_schedule (job) {
        job -> Text,
        next_run_at -> Timestamptz,
        running_since -> Nullable<Timestamptz>,
        running_on -> Nullable<Text>,
        last_run_at -> Nullable<Timestamptz>,
        last_duration_ms -> Nullable<Int8>,
        last_rows -> Nullable<Int8>,
        last_error -> Nullable<Text>,
        runs -> Int8,
        idle_runs -> Int8,
    }
}

diesel::table! {
    rate_limits (key) {
        key -> Text,
        tokens -> Float8,
        updated_at -> Timestamptz,
        full_at -> Timestamptz,
        allowed -> Bool,
    }
}

diesel::table! {
    idempotency_keys (owner, key) {
        owner -> Text,
        key -> Text,
        fingerprint -> Bytea,
        created_at -> Timestamptz,
        request_id -> Nullable<Uuid>,
        link -> Nullable<Text>,
        api_client_id -> Nullable<Uuid>,
    }
}

diesel::joinable!(idempotency_keys -> access_requests (request_id));
diesel::allow_tables_to_appear_in_same_query!(idempotency_keys, access_requests);

diesel::table! {
    demo_tenants (name) {
        name -> Text,
        language -> Text,
        database_name -> Text,
        start_at -> Timestamptz,
        clock_at -> Timestamptz,
        expires_at -> Timestamptz,
        sources -> Nullable<Jsonb>,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        reset_at -> Nullable<Timestamptz>,
        form_key -> Nullable<Text>,
    }
}

diesel::joinable!(demo_tenants -> staff (created_by));
diesel::allow_tables_to_appear_in_same_query!(demo_tenants, staff);
