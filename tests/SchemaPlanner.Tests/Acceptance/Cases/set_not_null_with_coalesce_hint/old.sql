-- A column that becomes NOT NULL while rows still hold NULL: the hint says what those rows get. Without it
-- being applied, VALIDATE of the NOT NULL check fails in production after the deploy.
CREATE TABLE orders (
    id       bigserial PRIMARY KEY,
    quantity integer
);

INSERT INTO orders (quantity) SELECT CASE WHEN g % 3 = 0 THEN NULL ELSE g END FROM generate_series(1, 1000) g;
