CREATE TABLE orders (
    id       bigserial PRIMARY KEY,
    quantity integer NOT NULL CONSTRAINT orders_quantity_positive CHECK (quantity > 0),
    price    numeric(10,2) NOT NULL
);
