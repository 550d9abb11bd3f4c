CREATE TABLE projects (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE issues (
    id         bigserial PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    title      text NOT NULL,
    CONSTRAINT issues_project_id_positive CHECK (project_id > 0)
);
CREATE INDEX issues_project_id_idx ON issues (project_id);
