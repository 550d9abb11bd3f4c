-- The seed practice: field_name -> field_name_v2 in a new format. products.price (integer cents) becomes
-- products.price_v2 (numeric dollars); hints give the conversion both ways, so the trigger keeps both in step
-- while the old app writes cents and the new app writes dollars.
CREATE TABLE products (
    id    bigserial PRIMARY KEY,
    name  text NOT NULL,
    price integer NOT NULL
);

INSERT INTO products (name, price) SELECT 'Product ' || g, g * 150 FROM generate_series(1, 1000) g;
