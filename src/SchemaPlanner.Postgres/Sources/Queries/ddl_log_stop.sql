RESET SESSION AUTHORIZATION;
RESET ROLE;
SELECT set_config('schemaplan.statement', '', false);
