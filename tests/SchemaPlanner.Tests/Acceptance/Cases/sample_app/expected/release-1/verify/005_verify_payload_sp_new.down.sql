-- SchemaPlanner: release 1, verify, down: verify public.articles: payload_sp_new = payload::jsonb
-- Serves: alter column public.articles.payload: type text -> jsonb
-- Hazard SP2005 (BreaksRunningApp): changing public.articles.payload from text to jsonb breaks the application version that reads and writes text
-- Hazard SP2005 (Rewrite): changing public.articles.payload from text to jsonb rewrites public.articles and its indexes under an ACCESS EXCLUSIVE lock
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
