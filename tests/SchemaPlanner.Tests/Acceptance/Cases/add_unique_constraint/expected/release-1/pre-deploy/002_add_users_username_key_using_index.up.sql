-- SchemaPlanner: release 1, pre-deploy, up: attach users_username_key to its index (UNIQUE USING INDEX, a brief lock)
-- Serves: add constraint users_username_key on public.users: UNIQUE (username)
-- Hazard SP4001 (IndexBuild): adding unique constraint public.users.users_username_key builds its index over public.users under an ACCESS EXCLUSIVE lock
-- Hazard SP4001 (BreaksRunningApp): unique constraint public.users.users_username_key makes the running application's writes of duplicate (username) fail, and fails itself if duplicates exist
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- Retried on lock timeout (SQLSTATE 55P03), or on a deadlock it lost (40P01), with growing pauses instead of
-- queueing behind other locks. Each wait stays under deadlock_timeout, so in a lock cycle with the application this
-- step gives up first: PostgreSQL's deadlock check, which may cancel either side, never cancels the application.
DO $retry$
DECLARE
    attempt integer := 0;
BEGIN
    IF current_setting('lock_timeout')::interval = interval '0'
       OR current_setting('lock_timeout')::interval >= current_setting('deadlock_timeout')::interval THEN
        PERFORM set_config('lock_timeout', (extract(epoch FROM current_setting('deadlock_timeout')::interval) * 500)::bigint || 'ms', true);
    END IF;
    LOOP
        BEGIN
DO $guard$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'public.users'::regclass AND conname = 'users_username_key') THEN
        RAISE NOTICE 'already done, nothing to do';
        RETURN;
    END IF;
    ALTER TABLE public.users ADD CONSTRAINT users_username_key UNIQUE USING INDEX users_username_key;
END
$guard$;

            EXIT;
        EXCEPTION WHEN lock_not_available OR deadlock_detected THEN
            attempt := attempt + 1;
            IF attempt >= 10 THEN
                RAISE;
            END IF;
            RAISE NOTICE '% (attempt % of 10), retrying', SQLERRM, attempt;
            PERFORM pg_sleep(least(0.5 * attempt, 5));
        END;
    END LOOP;
END
$retry$;
