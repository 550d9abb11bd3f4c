CREATE TABLE orders (
    code   text PRIMARY KEY,
    amount integer NOT NULL,
    number bigint GENERATED ALWAYS AS IDENTITY
);
CREATE TABLE rewrite_witness (filenode oid NOT NULL);
