SELECT count(*) = 1002 FROM orders;
SELECT convalidated FROM pg_constraint WHERE conname = 'orders_quantity_positive';
