-- A new context is a registry entry of the application (src/domain/context.rs), not a
-- schema change: the application writes only the codes it knows, and reads an unknown one
-- as an error (never as another context).
ALTER TABLE access_requests DROP CONSTRAINT access_requests_context_check;
