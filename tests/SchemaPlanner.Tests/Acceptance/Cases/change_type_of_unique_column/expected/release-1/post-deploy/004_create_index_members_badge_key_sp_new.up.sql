-- SchemaPlanner: release 1, post-deploy, up: build the unique index of members_badge_key on the shadow column concurrently
-- Serves: alter column public.members.badge: type integer -> bigint
-- Hazard SP2005 (BreaksRunningApp): changing public.members.badge from integer to bigint breaks the application version that reads and writes integer
-- Hazard SP2005 (Rewrite): changing public.members.badge from integer to bigint rewrites public.members and its indexes under an ACCESS EXCLUSIVE lock
-- Runs OUTSIDE a transaction, statement by statement (psql -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
-- Linter exception, on purpose: no lock_timeout: CONCURRENTLY waits for older transactions through locks, which a lock_timeout would cut half-way (leaving an INVALID index); its SHARE UPDATE EXCLUSIVE lock blocks no reads or writes
-- squawk-ignore-file require-lock-timeout
SET statement_timeout = '0';
-- A failed earlier build leaves an INVALID index behind: drop it so the build can start over.
DO $cleanup$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relname = 'members_badge_key_sp_new' AND NOT i.indisvalid) THEN
        RAISE NOTICE 'dropping invalid leftover index public.members_badge_key_sp_new';
        -- Not CONCURRENTLY (impossible in this block), so ACCESS EXCLUSIVE on the table: never queue for it.
        SET LOCAL lock_timeout = '2s';
        DROP INDEX public.members_badge_key_sp_new;
    END IF;
END
$cleanup$;
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS members_badge_key_sp_new ON public.members USING btree (badge_sp_new);
