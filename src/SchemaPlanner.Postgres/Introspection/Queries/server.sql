-- The server's version, read beside the model.
SELECT current_setting('server_version_num')::int AS version_num,
       current_setting('server_version') AS version
