-- A type change and a view rewritten for the new type: qty text -> bigint (bigint, not integer: squawk's prefer-bigint-over-int), and the view's filter compares
-- text in old.sql and integers in new.sql. The swap re-creates the new view over the new column; its down
-- must re-create the old view (over the text column again), not the new one (text < integer: 42883).
CREATE TABLE stock (
    id  integer PRIMARY KEY,
    sku text NOT NULL,
    qty text NOT NULL
);
CREATE VIEW low_stock AS SELECT id, sku, qty FROM stock WHERE qty < '100';

INSERT INTO stock SELECT g, 'SKU-' || g, (g % 250)::text FROM generate_series(1, 1000) g;
