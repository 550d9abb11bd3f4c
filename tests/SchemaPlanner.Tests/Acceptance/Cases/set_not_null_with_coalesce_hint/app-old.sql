-- The old app still writes NULL, on insert and on update.
INSERT INTO orders (quantity) VALUES (NULL);
UPDATE orders SET quantity = NULL WHERE id = 1;
