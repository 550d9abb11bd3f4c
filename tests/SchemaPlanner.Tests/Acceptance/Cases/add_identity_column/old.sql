-- An identity column added to a populated table. PostgreSQL would rewrite the table under ACCESS EXCLUSIVE to
-- number the rows; the plan numbers them online instead: a helper sequence as the default, a batched backfill,
-- NOT NULL via CHECK, then ADD GENERATED ALWAYS AS IDENTITY with the identity sequence past every value.
-- rewrite_witness keeps the table's file node: a rewrite would give the table a new one.
CREATE TABLE orders (
    code   text PRIMARY KEY,
    amount integer NOT NULL
);
CREATE TABLE rewrite_witness (filenode oid NOT NULL);

INSERT INTO orders SELECT 'o' || g, g % 100 FROM generate_series(1, 3000) g;
INSERT INTO rewrite_witness SELECT relfilenode FROM pg_class WHERE oid = 'orders'::regclass;
