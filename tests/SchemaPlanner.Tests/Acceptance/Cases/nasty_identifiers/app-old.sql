INSERT INTO "Order Items" ("select", "user", "order", "Weird ""Col""") VALUES ('old pick', 'old user', 5000, 'old "weird"');
UPDATE "Order Items" SET "select" = 'changed by the old app' WHERE id = 9;
INSERT INTO long_table_name_that_uses_all_sixty_three_bytes_postgres_allows (long_column_number_one_whose_name_changes_while_both_apps_run, long_column_number_two_whose_name_changes_while_both_apps_run) VALUES ('old one', 'old two');
