CREATE TABLE projects (
    id   bigserial PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE issues (
    id         bigserial PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id),
    title      text NOT NULL
);
CREATE INDEX issues_project_id_idx ON issues (project_id);
