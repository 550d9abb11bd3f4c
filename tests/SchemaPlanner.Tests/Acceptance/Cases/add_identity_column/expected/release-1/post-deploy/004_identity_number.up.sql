-- SchemaPlanner: release 1, post-deploy, up: make public.orders.number GENERATED ALWAYS AS IDENTITY, its sequence past every existing value, and drop the helper sequence
-- Serves: add column public.orders.number bigint not null
-- Hazard SP2002 (Rewrite): adding an identity column (public.orders.number) rewrites public.orders under an ACCESS EXCLUSIVE lock
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
DO $identity$
DECLARE
    sp_sequence regclass;
    sp_increment bigint;
    sp_next numeric;
    sp_edge bigint;
BEGIN
    IF (SELECT attidentity FROM pg_attribute WHERE attrelid = 'public.orders'::regclass AND attname = 'number') = '' THEN
        -- Read only while the helper still exists: a re-run after the helper was dropped finds the identity in place.
        sp_edge := pg_catalog.pg_sequence_last_value('public.orders_number_sp_seq');
        ALTER TABLE public.orders ALTER COLUMN number DROP DEFAULT;
        ALTER TABLE public.orders ALTER COLUMN number ADD GENERATED ALWAYS AS IDENTITY;
        -- Past the helper's last value (every value it handed out), unless the identity already starts beyond it.
        sp_sequence := pg_catalog.pg_get_serial_sequence('public.orders', 'number')::regclass;
        SELECT s.seqincrement, s.seqstart INTO sp_increment, sp_next FROM pg_catalog.pg_sequence s WHERE s.seqrelid = sp_sequence;
        IF sp_edge IS NOT NULL AND sign(sp_increment) * (sp_edge - sp_next) >= 0 THEN
            PERFORM pg_catalog.setval(sp_sequence, sp_edge, true);
        END IF;
    END IF;
END
$identity$;
DROP SEQUENCE IF EXISTS public.orders_number_sp_seq;

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
