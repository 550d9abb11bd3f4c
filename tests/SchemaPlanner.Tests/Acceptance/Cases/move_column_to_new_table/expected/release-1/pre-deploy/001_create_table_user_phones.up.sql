-- SchemaPlanner: release 1, pre-deploy, up: create table public.user_phones with user_phones_user_id_fkey
-- Serves: create table public.user_phones
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- Retried on lock timeout (SQLSTATE 55P03) with growing pauses instead of queueing behind other locks.
DO $retry$
DECLARE
    attempt integer := 0;
BEGIN
    LOOP
        BEGIN
DO $guard$
BEGIN
    IF to_regclass('public.user_phones') IS NOT NULL THEN
        RAISE NOTICE 'already done, nothing to do';
        RETURN;
    END IF;
    CREATE TABLE public.user_phones (
    user_id bigint NOT NULL,
    phone text NOT NULL,
    CONSTRAINT user_phones_pkey PRIMARY KEY (user_id)
);
    ALTER TABLE public.user_phones ADD CONSTRAINT user_phones_user_id_fkey FOREIGN KEY (user_id) REFERENCES public.users(id);
END
$guard$;

            EXIT;
        EXCEPTION WHEN lock_not_available THEN
            attempt := attempt + 1;
            IF attempt >= 10 THEN
                RAISE;
            END IF;
            RAISE NOTICE 'lock not available (attempt % of 10), retrying', attempt;
            PERFORM pg_sleep(least(0.5 * attempt, 5));
        END;
    END LOOP;
END
$retry$;
