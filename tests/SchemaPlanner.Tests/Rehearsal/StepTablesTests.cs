using SchemaPlanner.Rehearsal;
using Xunit;

namespace SchemaPlanner.Tests.Rehearsal;

/// <summary>
/// Which step files make the rehearsal's sessions reload their types: those that may create, rename or drop a
/// type (an enum swap, a domain, an extension, a table's row type), wherever the words are (a DO block's text too),
/// and not a column's type change or a column rename, which make no type (each reload is a catalog read per session).
/// </summary>
public sealed class StepTablesTests
{
    [Theory]
    [InlineData("ALTER TYPE public.mood RENAME TO mood_sp_old;\nCREATE TYPE public.mood AS ENUM ('a', 'b');")]
    [InlineData("DROP TYPE IF EXISTS public.mood_sp_old;")]
    [InlineData("alter type mood add value 'c';")]
    [InlineData("CREATE DOMAIN public.positive AS integer CHECK (VALUE > 0);")]
    [InlineData("CREATE EXTENSION IF NOT EXISTS citext;")]
    [InlineData("CREATE TABLE public.t (id bigint);")]
    [InlineData("CREATE UNLOGGED TABLE public.t (id bigint);")]
    [InlineData("DROP TABLE public.t;")]
    [InlineData("ALTER TABLE public.t RENAME TO u;")]
    [InlineData("DO $$ BEGIN EXECUTE format('ALTER TYPE %I RENAME TO %I', 'mood', 'mood_sp_old'); END $$;")]
    public void Statements_that_may_make_or_rename_a_type_reload_types(string sql) =>
        Assert.True(StepTables.ChangesTypes(sql));

    [Theory]
    [InlineData("ALTER TABLE public.t ALTER COLUMN c TYPE bigint USING c::bigint;")]
    [InlineData("ALTER TABLE public.t ALTER COLUMN c SET DATA TYPE bigint;")]
    [InlineData("ALTER TABLE public.t RENAME COLUMN a TO b;")]
    [InlineData("ALTER TABLE public.t ADD COLUMN c_sp_new bigint;")]
    [InlineData("CREATE INDEX CONCURRENTLY t_c_idx ON public.t (c);")]
    [InlineData("UPDATE public.t SET c_sp_new = c WHERE id BETWEEN 1 AND 1000;")]
    public void Column_changes_and_data_steps_do_not(string sql) =>
        Assert.False(StepTables.ChangesTypes(sql));
}
