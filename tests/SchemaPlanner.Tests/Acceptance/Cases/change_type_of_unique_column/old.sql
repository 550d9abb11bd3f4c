-- A UNIQUE column changing type (badge integer -> bigint; not the primary key). The constraint must follow
-- the column: its index is built concurrently on the shadow column and attached in the swap with ADD
-- CONSTRAINT ... UNIQUE USING INDEX; until then the old constraint keeps guarding the old column.
CREATE TABLE members (
    id    bigserial PRIMARY KEY,
    email text NOT NULL,
    badge integer NOT NULL CONSTRAINT members_badge_key UNIQUE
);

INSERT INTO members (email, badge)
SELECT 'member' || g || '@example.com', g * 3
FROM generate_series(1, 1000) g;
