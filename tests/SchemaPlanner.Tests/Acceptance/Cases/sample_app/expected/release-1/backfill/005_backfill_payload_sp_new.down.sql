-- SchemaPlanner: release 1, backfill, down: backfill public.articles: payload_sp_new := payload::jsonb
-- Serves: alter column public.articles.payload: type text -> jsonb
-- Hazard SP2005 (BreaksRunningApp): changing public.articles.payload from text to jsonb breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.articles.payload from text to jsonb rewrites public.articles and its indexes under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
