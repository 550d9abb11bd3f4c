-- The seed practice: a value is added to an enum, in a step of its own, in its place (BEFORE/AFTER).
CREATE TYPE issue_state AS ENUM ('opened', 'closed');

CREATE TABLE issues (
    id    bigserial PRIMARY KEY,
    state issue_state NOT NULL DEFAULT 'opened'
);

INSERT INTO issues (state) SELECT CASE WHEN g % 2 = 0 THEN 'opened' ELSE 'closed' END::issue_state FROM generate_series(1, 1000) g;
