-- The seed practice: ADD CHECK ... NOT VALID (brief lock), then VALIDATE in its own transaction, after the
-- deploy (the check rejects writes the old app might still make).
CREATE TABLE orders (
    id       bigserial PRIMARY KEY,
    quantity integer NOT NULL,
    price    numeric(10,2) NOT NULL
);

INSERT INTO orders (quantity, price) SELECT 1 + g % 5, g FROM generate_series(1, 1000) g;
