SELECT count(*) = 3002 AND count(number) = 3002 AND count(DISTINCT number) = 3002 FROM orders;
SELECT attidentity = 'a' AND attnotnull FROM pg_attribute WHERE attrelid = 'orders'::regclass AND attname = 'number';
SELECT (SELECT relfilenode FROM pg_class WHERE oid = 'orders'::regclass) = (SELECT filenode FROM rewrite_witness);
SELECT NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'orders_number_sp_seq');
WITH inserted AS (INSERT INTO orders (code, amount) VALUES ('after the plan', 3) RETURNING number) SELECT (SELECT number FROM inserted) > (SELECT max(number) FROM orders);
