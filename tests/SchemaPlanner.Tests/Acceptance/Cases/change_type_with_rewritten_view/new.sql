CREATE TABLE stock (
    id  integer PRIMARY KEY,
    sku text NOT NULL,
    qty bigint NOT NULL
);
CREATE VIEW low_stock AS SELECT id, sku, qty FROM stock WHERE qty < 100;
