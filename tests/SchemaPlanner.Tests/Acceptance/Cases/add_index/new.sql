CREATE TABLE issues (
    id         bigserial PRIMARY KEY,
    project_id bigint NOT NULL,
    title      text NOT NULL,
    closed_at  timestamptz
);
CREATE INDEX issues_project_id_idx ON issues (project_id);
CREATE INDEX issues_open_title_idx ON issues (lower(title)) WHERE closed_at IS NULL;
CREATE UNIQUE INDEX issues_project_title_idx ON issues (project_id, title);
