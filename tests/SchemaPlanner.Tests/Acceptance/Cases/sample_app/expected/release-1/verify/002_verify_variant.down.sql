-- SchemaPlanner: release 1, verify, down: verify public.articles: NOT EXISTS (SELECT 1 FROM public.articles WHERE variant IS NULL AND (payload::jsonb ->> 'variant') IS NOT NULL)
-- Serves: add column public.articles.variant text
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
