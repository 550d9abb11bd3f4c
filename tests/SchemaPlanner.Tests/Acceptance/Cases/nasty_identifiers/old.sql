-- Identifiers that need quoting (spaces, quotes, upper case, reserved words such as "select", "user" and
-- "order") and names at PostgreSQL's 63-byte limit: every helper the plan makes (sync triggers and their
-- functions, shadow columns, NOT NULL checks, index copies) must stay within 63 bytes and stay unique.
CREATE TABLE "Order Items" (
    id             bigserial PRIMARY KEY,
    "select"       text NOT NULL,
    "user"         text NOT NULL,
    "order"        integer NOT NULL,
    "Weird ""Col""" text
);
CREATE INDEX "Order Items by order" ON "Order Items" ("order");

INSERT INTO "Order Items" ("select", "user", "order", "Weird ""Col""")
SELECT 'pick ' || g, 'user ' || g, g, 'it''s "' || g || '"'
FROM generate_series(1, 1000) g;

CREATE TABLE long_table_name_that_uses_all_sixty_three_bytes_postgres_allows (
    id bigserial PRIMARY KEY,
    long_column_number_one_whose_name_changes_while_both_apps_run text NOT NULL,
    long_column_number_two_whose_name_changes_while_both_apps_run text NOT NULL
);

INSERT INTO long_table_name_that_uses_all_sixty_three_bytes_postgres_allows (long_column_number_one_whose_name_changes_while_both_apps_run, long_column_number_two_whose_name_changes_while_both_apps_run)
SELECT 'one ' || g, 'two ' || g FROM generate_series(1, 1000) g;
