-- The national register: the first authentic source (identity of persons).
-- Fictional in demo/test deployments; loaded by `mandat import --persons` elsewhere.
CREATE TABLE persons (
    niss TEXT PRIMARY KEY CHECK (niss ~ '^[0-9]{11}$'),
    last_name TEXT NOT NULL,
    first_name TEXT NOT NULL,
    birth_date DATE NOT NULL,
    language TEXT NOT NULL CHECK (language IN ('fr', 'nl', 'de', 'en')),
    pension_start_date DATE
);

-- Back-office staff (frontoffice agents, supervisors, trainers).
CREATE TABLE staff (
    id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('agent', 'supervisor', 'trainer')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
