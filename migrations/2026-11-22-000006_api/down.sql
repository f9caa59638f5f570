DROP INDEX access_requests_citizen_company;
DROP TABLE api_tokens;
DROP TABLE api_clients;
DROP TABLE api_access;
