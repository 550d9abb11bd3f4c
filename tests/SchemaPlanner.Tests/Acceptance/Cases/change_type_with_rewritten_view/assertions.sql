SELECT count(*) = 1001 FROM stock;
SELECT bool_and(qty = id % 250) FROM stock WHERE id <= 1000 AND id <> 250;
SELECT qty = 7 FROM stock WHERE id = 250;
SELECT qty = 42 FROM stock WHERE id = 1001;
SELECT format_type(atttypid, atttypmod) = 'bigint' FROM pg_attribute WHERE attrelid = 'stock'::regclass AND attname = 'qty';
-- The view reads the bigint column with the numeric filter.
SELECT count(*) = (SELECT count(*) FROM stock WHERE qty < 100) FROM low_stock;
SELECT pg_get_viewdef('low_stock'::regclass) LIKE '%qty < 100%';
