INSERT INTO orders (quantity) VALUES (7);
