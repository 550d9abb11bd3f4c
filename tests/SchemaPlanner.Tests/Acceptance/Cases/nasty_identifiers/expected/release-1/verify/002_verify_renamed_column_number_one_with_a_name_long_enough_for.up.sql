-- SchemaPlanner: release 1, verify, up: verify public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows: renamed_column_number_one_with_a_name_long_enough_for_trouble = long_column_number_one_whose_name_changes_while_both_apps_run
-- Serves: rename column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_one_whose_name_changes_while_both_apps_run to renamed_column_number_one_with_a_name_long_enough_for_trouble
-- Hazard SP2004 (BreaksRunningApp): renaming column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_one_whose_name_changes_while_both_apps_run to renamed_column_number_one_with_a_name_long_enough_for_trouble breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
-- Fails (and so stops the runner) unless every check holds. It runs before anything is swapped or dropped.
DO $verify$
DECLARE
    bad bigint;
    example text;
BEGIN
    SELECT count(*) INTO bad FROM public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows WHERE renamed_column_number_one_with_a_name_long_enough_for_trouble IS DISTINCT FROM (long_column_number_one_whose_name_changes_while_both_apps_run);
    IF bad > 0 THEN
        SELECT ROW(id)::text INTO example FROM public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows WHERE renamed_column_number_one_with_a_name_long_enough_for_trouble IS DISTINCT FROM (long_column_number_one_whose_name_changes_while_both_apps_run) ORDER BY id LIMIT 1;
        RAISE EXCEPTION 'verify failed: % row(s) of public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows have renamed_column_number_one_with_a_name_long_enough_for_trouble different from long_column_number_one_whose_name_changes_while_both_apps_run (first key %); re-run the backfill', bad, coalesce(example, '?');
    END IF;
    RAISE NOTICE 'verify public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows: all checks passed';
END
$verify$;
