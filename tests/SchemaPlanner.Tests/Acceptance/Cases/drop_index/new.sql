CREATE TABLE issues (
    id         bigserial PRIMARY KEY,
    project_id bigint NOT NULL,
    title      text NOT NULL
);
CREATE INDEX issues_project_id_idx ON issues (project_id);
