-- The seed practice: a field of a JSON payload is copied into a new column, variant. A hint gives the
-- expression; a trigger fills it for rows the old app writes until the new app writes it itself.
CREATE TABLE articles (
    id      bigserial PRIMARY KEY,
    title   text NOT NULL,
    payload jsonb NOT NULL
);

INSERT INTO articles (title, payload)
SELECT 'Title ' || g, jsonb_build_object('variant', CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END, 'views', g)
FROM generate_series(1, 1000) g;
