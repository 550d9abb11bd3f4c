-- GitLab guide, "adding indexes": CREATE INDEX CONCURRENTLY, each in a file of its own outside a transaction.
CREATE TABLE issues (
    id         bigserial PRIMARY KEY,
    project_id bigint NOT NULL,
    title      text NOT NULL,
    closed_at  timestamptz
);

INSERT INTO issues (project_id, title, closed_at)
SELECT 1 + g % 50, 'Issue ' || g, CASE WHEN g % 3 = 0 THEN now() END
FROM generate_series(1, 1000) g;
