-- The other authentic sources, beside the national register (`persons`): DmfA
-- occupation lines, Dimona STU student hours and the yearly student quota.
-- Fictional in demo/test deployments; loaded by `mandat import` elsewhere.
-- No foreign key to `persons`: the register is another source, and a person may
-- be known to one source and not (yet) to another.

-- One line per occupation declared in the DmfA for a quarter.
CREATE TABLE occupations (
    niss TEXT NOT NULL CHECK (niss ~ '^[0-9]{11}$'),
    employer_bce TEXT NOT NULL CHECK (employer_bce ~ '^[01][0-9]{9}$'),
    year INTEGER NOT NULL,
    quarter SMALLINT NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    start_date DATE NOT NULL,
    end_date DATE,
    -- Q and S: average weekly hours of the worker / of the full-time reference person.
    worker_hours DOUBLE PRECISION NOT NULL CHECK (worker_hours >= 0),
    reference_hours DOUBLE PRECISION NOT NULL CHECK (reference_hours > 0),
    kind TEXT NOT NULL CHECK (kind IN ('regular', 'flexi', 'student', 'extra', 'seasonal',
                                       'apprentice', 'part_time_schooling')),
    PRIMARY KEY (niss, employer_bce, year, quarter, start_date)
);
CREATE INDEX occupations_niss_quarter ON occupations (niss, year, quarter);

-- Hours declared in Dimona STU declarations, per employer and quarter (whole hours,
-- corrections already applied).
CREATE TABLE student_hours (
    niss TEXT NOT NULL CHECK (niss ~ '^[0-9]{11}$'),
    employer_bce TEXT NOT NULL CHECK (employer_bce ~ '^[01][0-9]{9}$'),
    year INTEGER NOT NULL,
    quarter SMALLINT NOT NULL CHECK (quarter BETWEEN 1 AND 4),
    hours INTEGER NOT NULL CHECK (hours >= 0),
    PRIMARY KEY (niss, employer_bce, year, quarter)
);
CREATE INDEX student_hours_niss_year ON student_hours (niss, year);

-- The yearly Student@Work quota, in hours (the legal default applies to a year absent here).
CREATE TABLE student_quotas (
    year INTEGER PRIMARY KEY,
    hours INTEGER NOT NULL CHECK (hours >= 0)
);
