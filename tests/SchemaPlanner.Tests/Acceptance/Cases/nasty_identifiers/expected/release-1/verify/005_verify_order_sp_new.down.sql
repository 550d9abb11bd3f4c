-- SchemaPlanner: release 1, verify, down: verify public."Order Items": order_sp_new = "order"::bigint
-- Serves: alter column public."Order Items"."order": type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public."Order Items"."order" from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public."Order Items"."order" from integer to bigint rewrites public."Order Items" and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
