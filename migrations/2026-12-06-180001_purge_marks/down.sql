DROP TRIGGER access_requests_purge_marks ON access_requests;
DROP FUNCTION purge_marks_on_insert();
DROP TABLE purge_marks;
