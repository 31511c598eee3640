-- Roles for a shared acquis store. Run once as a superuser (or a role with CREATEROLE), e.g.
--   psql -d acquis -v publisher_password="'…'" -v reader_password="'…'" -f roles.sql
-- acquis_publisher creates and owns the schema (its migrations) and publishes documents;
-- acquis_reader can only read: it is the role every drafter's editor and CI use.
CREATE ROLE acquis_publisher LOGIN PASSWORD :publisher_password;
CREATE ROLE acquis_reader LOGIN PASSWORD :reader_password;
-- The publisher creates the `acquis` schema on its first publish.
GRANT CONNECT, CREATE ON DATABASE :"DBNAME" TO acquis_publisher;
GRANT CONNECT ON DATABASE :"DBNAME" TO acquis_reader;
-- The publisher's migrations grant the reader USAGE on the schema and SELECT on its tables
-- (and ALTER DEFAULT PRIVILEGES for tables added later), so nothing more is needed here.
