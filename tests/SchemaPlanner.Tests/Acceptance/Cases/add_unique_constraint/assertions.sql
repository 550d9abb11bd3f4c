SELECT count(*) = 1002 FROM users;
SELECT contype = 'u' FROM pg_constraint WHERE conname = 'users_username_key';
SELECT indisvalid AND indisunique FROM pg_index WHERE indexrelid = 'users_username_key'::regclass;
