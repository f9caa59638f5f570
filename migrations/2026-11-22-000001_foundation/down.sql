DROP TABLE staff;
DROP TABLE persons;
