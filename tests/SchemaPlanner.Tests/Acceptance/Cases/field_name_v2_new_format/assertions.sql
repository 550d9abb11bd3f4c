SELECT count(*) = 1002 FROM products;
SELECT bool_and(price_v2 = id * 1.50) FROM products WHERE id <= 1000 AND id NOT IN (11, 12);
SELECT price_v2 = 0.01 FROM products WHERE id = 11;
SELECT price_v2 = 0.99 FROM products WHERE id = 12;
SELECT price_v2 = 19.99 FROM products WHERE name = 'old app';
SELECT price_v2 = 5.25 FROM products WHERE name = 'new app';
