DROP EVENT TRIGGER IF EXISTS schemaplan_ddl_log;
DROP SCHEMA IF EXISTS schemaplan_ddl_log CASCADE;
