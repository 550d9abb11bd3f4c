-- SchemaPlanner: release 1, pre-deploy, down: add value 'in_review' to enum public.issue_state before 'closed'
-- Serves: add value 'in_review' to enum public.issue_state before 'closed'
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: PostgreSQL cannot remove a value from an enum; the added value stays (it is harmless while unused)
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "add value ''in_review'' to enum public.issue_state before ''closed''": PostgreSQL cannot remove a value from an enum; the added value stays (it is harmless while unused)';
END
$irreversible$;
