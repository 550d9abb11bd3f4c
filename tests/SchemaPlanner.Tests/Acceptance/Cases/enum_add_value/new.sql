CREATE TYPE issue_state AS ENUM ('opened', 'in_review', 'closed');

CREATE TABLE issues (
    id    bigserial PRIMARY KEY,
    state issue_state NOT NULL DEFAULT 'opened'
);
