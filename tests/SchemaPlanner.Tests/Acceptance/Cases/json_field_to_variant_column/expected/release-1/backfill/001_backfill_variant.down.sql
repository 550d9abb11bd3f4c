-- SchemaPlanner: release 1, backfill, down: backfill public.articles: variant := payload ->> 'variant'
-- Serves: add column public.articles.variant text
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET statement_timeout = '0';
