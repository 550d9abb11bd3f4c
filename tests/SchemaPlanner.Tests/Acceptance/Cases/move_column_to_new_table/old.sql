-- Defect 8.i: a column moves to a new table (users.phone → user_phones.phone) with a "copy" hint. Release 1
-- creates the table, keeps it in step with the old app's writes to users (and the new app's writes to
-- user_phones back to users.phone, which the old app still reads), backfills the existing phones in batches
-- and verifies every one arrived; release 2 drops users.phone. Every third user has no phone.
CREATE TABLE users (
    id    bigserial PRIMARY KEY,
    name  text NOT NULL,
    phone text
);

INSERT INTO users (name, phone)
SELECT 'User ' || g, CASE WHEN g % 3 = 0 THEN NULL ELSE '+1-555-' || lpad(g::text, 4, '0') END
FROM generate_series(1, 1000) g;
