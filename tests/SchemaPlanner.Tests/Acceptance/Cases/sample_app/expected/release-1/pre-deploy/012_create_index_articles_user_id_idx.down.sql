-- SchemaPlanner: release 1, pre-deploy, down: build index public.articles_user_id_idx concurrently
-- Serves: add index public.articles_user_id_idx on public.articles (user_id)
-- Hazard SP3001 (Lock): creating index public.articles_user_id_idx blocks writes to public.articles while it reads the whole table
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY IF EXISTS public.articles_user_id_idx;
