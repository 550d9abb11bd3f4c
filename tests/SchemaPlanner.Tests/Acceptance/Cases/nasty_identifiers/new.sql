CREATE TABLE "Order Items" (
    id             bigserial PRIMARY KEY,
    "From"         text NOT NULL,
    "user"         text NOT NULL,
    "order"        bigint NOT NULL,
    "Weird ""Col""" text NOT NULL,
    "group by"     text NOT NULL,
    CONSTRAINT "Order Items ""user"" key" UNIQUE ("user")
);
CREATE INDEX "Order Items by order" ON "Order Items" ("order");

CREATE TABLE long_table_name_that_uses_all_sixty_three_bytes_postgres_allows (
    id bigserial PRIMARY KEY,
    renamed_column_number_one_with_a_name_long_enough_for_trouble text NOT NULL,
    renamed_column_number_two_with_a_name_long_enough_for_trouble text NOT NULL
);
