-- GitLab guide, "adding foreign keys": index the column concurrently, ADD ... NOT VALID, VALIDATE in a
-- separate transaction.
CREATE TABLE projects (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE issues (
    id         bigserial PRIMARY KEY,
    project_id bigint NOT NULL,
    title      text NOT NULL
);

INSERT INTO projects (name) SELECT 'Project ' || g FROM generate_series(1, 50) g;
INSERT INTO issues (project_id, title) SELECT 1 + g % 50, 'Issue ' || g FROM generate_series(1, 1000) g;
