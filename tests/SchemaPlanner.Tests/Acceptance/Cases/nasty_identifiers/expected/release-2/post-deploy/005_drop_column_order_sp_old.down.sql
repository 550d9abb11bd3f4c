-- SchemaPlanner: release 2, post-deploy, down: drop the retired column public."Order Items".order_sp_old
-- Serves: alter column public."Order Items"."order": type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public."Order Items"."order" from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public."Order Items"."order" from integer to bigint rewrites public."Order Items" and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: order_sp_old is gone; "order" holds every value in the new type
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop the retired column public."Order Items".order_sp_old": order_sp_old is gone; "order" holds every value in the new type';
END
$irreversible$;
