-- SchemaPlanner: release 1, backfill, down: backfill public.articles: body := text
-- Serves: rename column public.articles.text to body
-- Hazard SP2004 (BreaksRunningApp): renaming column public.articles.text to body breaks the application version that still uses the old name
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
