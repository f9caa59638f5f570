DROP INDEX request_events_people;
UPDATE request_events e
   SET actor_ref = CASE WHEN e.actor_kind = 'citizen' THEN p.citizen_niss ELSE p.created_by END
  FROM request_parties p
 WHERE p.request_id = e.request_id AND e.actor_ref IS NULL
   AND (e.actor_kind = 'citizen' OR (e.actor_kind = 'company_user' AND e.from_status IS NULL));
