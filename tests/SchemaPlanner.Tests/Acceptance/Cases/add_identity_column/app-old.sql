INSERT INTO orders (code, amount) VALUES ('old-app', 1);
