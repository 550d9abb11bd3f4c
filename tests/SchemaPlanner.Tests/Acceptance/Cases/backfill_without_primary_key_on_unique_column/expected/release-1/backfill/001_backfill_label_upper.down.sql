-- SchemaPlanner: release 1, backfill, down: backfill public.tags: label_upper := upper(label)
-- Serves: add column public.tags.label_upper text not null
-- Hazard SP2001 (MayFail): adding NOT NULL column public.tags.label_upper without a default fails if public.tags has any row
-- Hazard SP2001 (BreaksRunningApp): adding NOT NULL column public.tags.label_upper without a default makes the running application's inserts, which do not set it, fail
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
