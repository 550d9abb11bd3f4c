DO $seed$
DECLARE
    {{declarations}}
BEGIN
    FOR g IN 1..{{rows}} LOOP
        BEGIN
            {{insert}};
        EXCEPTION WHEN OTHERS THEN
            NULL; -- a row a constraint rejects is skipped: production could not hold it
        END;
    END LOOP;
END
$seed$
