-- SchemaPlanner: release 1, pre-deploy, down: add public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.renamed_column_number_two_with_a_name_long_enough_for_trouble beside long_column_number_two_whose_name_changes_while_both_apps_run (nullable until backfilled)
-- Serves: rename column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_two_whose_name_changes_while_both_apps_run to renamed_column_number_two_with_a_name_long_enough_for_trouble
-- Hazard SP2004 (BreaksRunningApp): renaming column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_two_whose_name_changes_while_both_apps_run to renamed_column_number_two_with_a_name_long_enough_for_trouble breaks the application version that still uses the old name
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
ALTER TABLE public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows DROP COLUMN IF EXISTS renamed_column_number_two_with_a_name_long_enough_for_trouble;

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
