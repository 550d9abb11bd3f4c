-- GitLab guide, "changing column types" on a column with a foreign key and a check: issues.project_id
-- integer -> bigint (projects.id is already bigint). The shadow column gets the values; the swap moves the
-- foreign key and the check to it NOT VALID, and they are validated right after.
CREATE TABLE projects (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE issues (
    id         bigserial PRIMARY KEY,
    project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title      text NOT NULL,
    CONSTRAINT issues_project_id_positive CHECK (project_id > 0)
);
CREATE INDEX issues_project_id_idx ON issues (project_id);

INSERT INTO projects (name) SELECT 'Project ' || g FROM generate_series(1, 50) g;
INSERT INTO issues (project_id, title) SELECT 1 + g % 50, 'Issue ' || g FROM generate_series(1, 1000) g;
