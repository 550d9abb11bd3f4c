INSERT INTO "Order Items" ("From", "user", "order", "Weird ""Col""", "group by") VALUES ('new pick', 'new user', 6000, 'new "weird"', 'chosen');
INSERT INTO long_table_name_that_uses_all_sixty_three_bytes_postgres_allows (renamed_column_number_one_with_a_name_long_enough_for_trouble, renamed_column_number_two_with_a_name_long_enough_for_trouble) VALUES ('new one', 'new two');
DO $$
BEGIN
    IF (SELECT (long_column_number_one_whose_name_changes_while_both_apps_run, long_column_number_two_whose_name_changes_while_both_apps_run) FROM long_table_name_that_uses_all_sixty_three_bytes_postgres_allows WHERE renamed_column_number_one_with_a_name_long_enough_for_trouble = 'new one') IS DISTINCT FROM ('new one'::text, 'new two'::text) THEN
        RAISE EXCEPTION 'old readers do not see the new app''s insert through the old names';
    END IF;
END
$$;
