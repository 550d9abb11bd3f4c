-- SchemaPlanner: release 1, post-deploy, down: build the unique index of members_badge_key on the shadow column concurrently
-- Serves: alter column public.members.badge: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.members.badge from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.members.badge from integer to bigint rewrites public.members and its indexes under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
DROP INDEX CONCURRENTLY IF EXISTS public.members_badge_key_sp_new;
