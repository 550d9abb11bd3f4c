-- SchemaPlanner: release 1, verify, down: verify public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows: renamed_column_number_two_with_a_name_long_enough_for_trouble = long_column_number_two_whose_name_changes_while_both_apps_run
-- Serves: rename column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_two_whose_name_changes_while_both_apps_run to renamed_column_number_two_with_a_name_long_enough_for_trouble
-- Hazard SP2004 (BreaksRunningApp): renaming column public.long_table_name_that_uses_all_sixty_three_bytes_postgres_allows.long_column_number_two_whose_name_changes_while_both_apps_run to renamed_column_number_two_with_a_name_long_enough_for_trouble breaks the application version that still uses the old name
-- Runs in one transaction (e.g. psql -1 -v ON_ERROR_STOP=1 -f this.sql).
-- Safe to re-run.
SET LOCAL statement_timeout = '0';
