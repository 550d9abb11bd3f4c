INSERT INTO products (name, price) VALUES ('old app', 1999);
UPDATE products SET price = 1 WHERE id = 11;
