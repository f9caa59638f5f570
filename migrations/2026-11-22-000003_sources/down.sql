DROP TABLE student_quotas;
DROP TABLE student_hours;
DROP TABLE occupations;
