INSERT INTO orders (quantity, price) VALUES (2, 10);
