INSERT INTO products (name, price_v2) VALUES ('new app', 5.25);
UPDATE products SET price_v2 = 0.99 WHERE id = 12;
-- What the old app, still reading cents, sees of those writes (the run fails otherwise).
DO $$
BEGIN
    IF (SELECT price FROM products WHERE name = 'new app') IS DISTINCT FROM 525 THEN
        RAISE EXCEPTION 'old readers do not see the new app''s insert in cents';
    END IF;
    IF (SELECT price FROM products WHERE id = 12) IS DISTINCT FROM 99 THEN
        RAISE EXCEPTION 'old readers do not see the new app''s update in cents';
    END IF;
END
$$;
