SELECT count(*) = 1002 FROM orders;
SELECT NOT EXISTS (SELECT 1 FROM orders WHERE quantity IS NULL);
SELECT count(*) = 335 FROM orders WHERE quantity = 0;
SELECT bool_and(quantity = id) FROM orders WHERE id <= 1000 AND id % 3 <> 0 AND id <> 1;
SELECT count(*) = 2 FROM orders WHERE quantity = 7;
SELECT attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'quantity';
-- The helper trigger and check are gone again.
SELECT NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = 'orders'::regclass AND NOT tgisinternal);
SELECT NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'orders'::regclass AND contype = 'c');
