INSERT INTO stock (id, sku, qty) VALUES (1001, 'SKU-old', '42');
UPDATE stock SET qty = '7' WHERE id = 250;
