-- SchemaPlanner: release 1, post-deploy, up: drop index public.users_legacy_token_idx concurrently
-- Serves: drop index public.users_legacy_token_idx
-- Hazard SP3002 (Lock): dropping index public.users_legacy_token_idx takes an ACCESS EXCLUSIVE lock on public.users, blocking reads and writes; queries that used it get slower
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY IF EXISTS public.users_legacy_token_idx;
