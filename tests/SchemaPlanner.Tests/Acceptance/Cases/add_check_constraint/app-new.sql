INSERT INTO orders (quantity, price) VALUES (3, 20);
