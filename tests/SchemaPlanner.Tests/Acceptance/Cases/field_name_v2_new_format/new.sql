CREATE TABLE products (
    id       bigserial PRIMARY KEY,
    name     text NOT NULL,
    price_v2 numeric(12,2) NOT NULL
);
