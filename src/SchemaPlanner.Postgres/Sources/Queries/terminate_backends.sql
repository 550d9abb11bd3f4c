SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = {{database}} AND pid <> pg_backend_pid()
