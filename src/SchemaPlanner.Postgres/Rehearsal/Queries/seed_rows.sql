DO $seed$
DECLARE
    {{declarations}}
BEGIN
    -- All rows in one statement; only when a constraint rejects one of them, row by row, skipping those it rejects.
    BEGIN
        {{insert_all}};
    EXCEPTION WHEN OTHERS THEN
        FOR g IN 1..{{rows}} LOOP
            BEGIN
                {{insert}};
            EXCEPTION WHEN OTHERS THEN
                NULL; -- a row a constraint rejects is skipped: production could not hold it
            END;
        END LOOP;
    END;
END
$seed$
