-- SchemaPlanner: release 2, post-deploy, down: drop the sync trigger and the old column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_one_whose_name_changes_while_both_apps_run (renamed to renamed_column_number_one_with_a_name_long_enough_for_trouble) with its constraints
-- Serves: rename column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_one_whose_name_changes_while_both_apps_run to renamed_column_number_one_with_a_name_long_enough_for_trouble
-- Hazard SP2004 (BreaksRunningApp): renaming column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_one_whose_name_changes_while_both_apps_run to renamed_column_number_one_with_a_name_long_enough_for_trouble breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL lock_timeout = '2s';
SET LOCAL statement_timeout = '30s';
-- This step cannot be reversed: long_column_number_one_whose_name_changes_while_both_apps_run is gone; its values live on in renamed_column_number_one_with_a_name_long_enough_for_trouble
DO $irreversible$
BEGIN
    RAISE EXCEPTION '%', 'cannot undo "drop the sync trigger and the old column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_one_whose_name_changes_while_both_apps_run (renamed to renamed_column_number_one_with_a_name_long_enough_for_trouble) with its constraints": long_column_number_one_whose_name_changes_while_both_apps_run is gone; its values live on in renamed_column_number_one_with_a_name_long_enough_for_trouble';
END
$irreversible$;
