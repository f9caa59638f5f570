ALTER TABLE access_requests
    ADD CONSTRAINT access_requests_context_check CHECK (context IN ('FLEXI_JOB', 'STUDENT_HOURS'));
