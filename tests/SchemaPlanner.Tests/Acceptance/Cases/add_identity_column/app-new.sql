INSERT INTO orders (code, amount) VALUES ('new-app', 2);
