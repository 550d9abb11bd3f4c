DO $cleanup$
BEGIN
    {{statement}};
EXCEPTION WHEN OTHERS THEN
    NULL;
END
$cleanup$
