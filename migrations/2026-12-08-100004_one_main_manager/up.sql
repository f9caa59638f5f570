-- A company has one main access manager: the database holds it, so that two hand-overs
-- at once cannot leave two (or a registration race, none).
CREATE UNIQUE INDEX company_members_one_main_manager
    ON company_members (company_id) WHERE role = 'main_manager';
