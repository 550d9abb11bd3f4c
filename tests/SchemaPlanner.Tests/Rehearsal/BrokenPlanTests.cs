using SchemaPlanner.Planning;
using SchemaPlanner.Planning.Execution;
using SchemaPlanner.Rehearsal;
using Xunit;
using Xunit.Abstractions;
using static SchemaPlanner.Tests.Rehearsal.BrokenPlanRehearsal;
using static SchemaPlanner.Tests.Rehearsal.Steps;

namespace SchemaPlanner.Tests.Rehearsal;

/// <summary>
/// The rehearsal's invariants can fail: for each one, a plan for <see cref="ShopSchemas"/> that is wrong in
/// exactly that way, hand-written in plain SQL, is rehearsed, and the failure must name the invariant, where it
/// broke and what broke it (table, column, constraint, key). A correct plan for the same pair passes, so the
/// failures are the plans', not the harness'.
/// </summary>
public sealed class BrokenPlanTests(ITestOutputHelper output)
{
    private const string Current = ShopSchemas.Current;
    private const string Desired = ShopSchemas.Desired;

    // Every step takes its locks in the order the app's statements do (a view, orders, customers), so that what a
    // broken plan breaks is its invariant and not a deadlock with the traffic.
    private static readonly ExecutableStep AddNotes = Up(1, Phase.PreDeploy, "001_add_notes.sql", ShopSchemas.AddNotes, ShopSchemas.DropNotes);

    private static readonly ExecutableStep CreateIndex = Up(1, Phase.PostDeploy, "009_orders_status_idx.sql", ShopSchemas.CreateIndex, ShopSchemas.DropIndex, transactional: false);

    [Fact]
    public async Task A_correct_plan_for_the_same_schemas_passes()
    {
        var report = await RunAsync(Current, Desired, Correct());
        output.WriteLine(RehearsalText.Summary(report));
        // The report counts statements run while a step runs (not during the dwell before it), and the new version
        // is live only around a quick index build: only the old version's count is certain to be above zero.
        Assert.True(report.Statements(AppVersion.Old) > 0, "the old app version sent traffic");
        Assert.True(report.ValueChecks > 0 && report.ViewChecks > 0 && report.ProbesRejected > 0, RehearsalText.Summary(report));
    }

    [Fact]
    public async Task Renaming_a_column_in_place_fails_the_old_versions_statements()
    {
        // The rename commits at once; the backfill-sized pause after it is when the old version, still live, writes "name".
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_rename.sql", "ALTER TABLE customers RENAME COLUMN name TO full_name;\nSELECT pg_sleep(1);", transactional: false),
        ]);
        output.WriteLine(message);
        Assert.Contains("rehearsal failed after 001_rename.sql: " + Broken("an app statement failed") + "schemaplan-rehearsal-old: 42703: column ", message);
        Assert.Matches(@"42703: column (t\.name|""name"" of relation ""customers"") does not exist", message);
    }

    [Fact]
    public async Task Renaming_a_column_in_place_fails_even_when_no_app_statement_reaches_it_before_the_boundary()
    {
        // The boundary follows the rename at once and the traffic is slow: the boundary's own read through the old
        // version's shape usually meets the missing column first, and that too must be a rehearsal failure naming it.
        // On a loaded machine the old version's one statement a second can still land first: either is the failure.
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_rename.sql", "ALTER TABLE customers RENAME COLUMN name TO full_name;"),
        ],
        Options with { TransactionsPerSecond = 1 });
        output.WriteLine(message);
        var byBoundary = "rehearsal failed after 001_rename.sql: " + Broken("rows and values") + "public.customers cannot be read through the old version's shape: 42703: column t.name does not exist";
        var byTraffic = "rehearsal failed after 001_rename.sql: " + Broken("an app statement failed") + "schemaplan-rehearsal-old: 42703: column ";
        Assert.True(message.Contains(byBoundary, StringComparison.Ordinal) || message.Contains(byTraffic, StringComparison.Ordinal), message);
        Assert.Matches(@"42703: column (t\.name|""name"" of relation ""customers"") does not exist", message);
    }

    [Fact]
    public async Task Deleting_rows_in_a_step_breaks_rows_and_values()
    {
        var message = await FailureAsync(Current, Desired,
        [
            AddNotes,
            Up(1, Phase.Backfill, "002_cleanup.sql", "DELETE FROM orders WHERE id % 10 = 0 AND id <= 300;"),
            CreateIndex,
        ]);
        output.WriteLine(message);
        Assert.Contains("rehearsal failed after 002_cleanup.sql: " + Broken("rows and values"), message);
        Assert.Matches(@"orders has \d+ row\(s\) through the (old|new) version's shape, the traffic's ledger expects \d+ \(a row was lost or duplicated\)", message);
    }

    [Fact]
    public async Task Truncating_values_in_a_step_breaks_rows_and_values_naming_a_key()
    {
        var message = await FailureAsync(Current, Desired,
        [
            AddNotes,
            Up(1, Phase.Backfill, "002_backfill.sql", "UPDATE orders SET price = trunc(price);"),
            CreateIndex,
        ]);
        output.WriteLine(message);
        Assert.Contains("rehearsal failed after 002_backfill.sql: " + Broken("rows and values"), message);
        Assert.Matches(@"orders: a value changed that no hint asked to change: key \[""\d+""\]", message);
        Assert.Contains("\"price\"", message);
    }

    [Fact]
    public async Task Dropping_a_unique_constraint_both_schemas_have_breaks_constraints()
    {
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_add_notes.sql", ShopSchemas.AddNotes + "\nALTER TABLE customers DROP CONSTRAINT customers_email_key;"),
            Up(1, Phase.PostDeploy, "002_unique_email.sql", "ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);"),
            CreateIndex,
        ]);
        output.WriteLine(message);
        Assert.Contains("rehearsal failed after 001_add_notes.sql: " + Broken("constraints"), message);
        Assert.Contains("customers: customers_email_key (UNIQUE (email)) is not enforced for the old version: a duplicate of an existing row was accepted", message);
    }

    [Fact]
    public async Task Dropping_a_foreign_key_both_schemas_have_breaks_constraints()
    {
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_add_notes.sql", "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;\n" + ShopSchemas.AddNotes),
            Up(1, Phase.PostDeploy, "002_fk.sql", "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;"),
            Up(1, Phase.PostDeploy, "003_validate_fk.sql", "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;"),
            CreateIndex,
        ]);
        output.WriteLine(message);
        Assert.Contains("rehearsal failed after 001_add_notes.sql: " + Broken("constraints"), message);
        Assert.Contains("orders: orders_customer_id_fkey (FOREIGN KEY (customer_id) REFERENCES public.customers(id)) is not enforced for the old version: a reference to a row that does not exist was accepted", message);
    }

    [Fact]
    public async Task Changing_a_foreign_keys_on_delete_action_breaks_constraints()
    {
        // One statement, so no moment without the key: only its ON DELETE action differs from both schemas'.
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_add_notes.sql", ShopSchemas.AddNotes + "\nALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey, ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;"),
            Up(1, Phase.PostDeploy, "002_fk.sql", "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey, ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);"),
            CreateIndex,
        ]);
        output.WriteLine(message);
        Assert.Contains("rehearsal failed after 001_add_notes.sql: " + Broken("constraints"), message);
        Assert.Contains("orders: orders_customer_id_fkey (FOREIGN KEY (customer_id) REFERENCES public.customers(id)) is not enforced for the old version: ON DELETE NO ACTION: deleting a referenced row of public.customers was accepted", message);
    }

    [Fact]
    public async Task Dropping_a_view_both_schemas_have_breaks_views_or_its_readers()
    {
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_add_notes.sql", "DROP VIEW big_orders;\n" + ShopSchemas.AddNotes),
            Up(1, Phase.PostDeploy, "002_view.sql", "CREATE VIEW big_orders AS SELECT id, customer_id, price FROM orders WHERE price > 100;"),
            CreateIndex,
        ]);
        output.WriteLine(message);
        Assert.Contains("rehearsal failed after 001_add_notes.sql: ", message);

        // Either the old version's traffic read the view first (its statement fails), or the boundary's view check did.
        if (message.Contains(Broken("an app statement failed"), StringComparison.Ordinal))
        {
            output.WriteLine("caught by: the old version's traffic");
            Assert.Contains(Broken("an app statement failed") + "schemaplan-rehearsal-old: 42P01: relation \"public.big_orders\" does not exist", message);
        }
        else
        {
            output.WriteLine("caught by: the view check");
            Assert.Contains(Broken("views") + "view public.big_orders, which the old version reads, fails: 42P01", message);
        }
    }

    [Fact]
    public async Task Replacing_a_view_with_a_wrong_definition_breaks_views()
    {
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_add_notes.sql", "CREATE OR REPLACE VIEW big_orders AS SELECT id, customer_id, price FROM orders WHERE price > 200;\n" + ShopSchemas.AddNotes),
            CreateIndex,
        ]);
        output.WriteLine(message);
        Assert.Contains("rehearsal failed after 001_add_notes.sql: " + Broken("views"), message);
        Assert.Matches(@"view public\.big_orders returns \d+ row\(s\) that differ from its query over the base tables as the old version defines it", message);
    }

    [Fact]
    public async Task A_step_that_never_finishes_breaks_every_step_finishes()
    {
        var message = await FailureAsync(Current, Desired,
        [
            AddNotes,
            Up(1, Phase.Backfill, "002_backfill.sql", "DO $$ BEGIN LOOP PERFORM pg_sleep(0.2); END LOOP; END $$;", transactional: false),
            CreateIndex,
        ],
        Options with { StepTimeout = TimeSpan.FromSeconds(3) });
        output.WriteLine(message);
        Assert.Contains("rehearsal failed at 002_backfill.sql: " + Broken("every step finishes") + "the step did not finish within 3 s under traffic", message);
    }

    [Fact]
    public async Task Holding_an_exclusive_lock_past_the_lock_timeout_breaks_the_lock_wait_invariant()
    {
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_add_notes.sql", "SET LOCAL lock_timeout = '1s';\nLOCK TABLE orders IN ACCESS EXCLUSIVE MODE;\nSELECT pg_sleep(4);\n" + ShopSchemas.AddNotes, lockTimeout: "1s"),
            CreateIndex,
        ]);
        output.WriteLine(message);
        Assert.Contains("rehearsal failed at 001_add_notes.sql: " + Broken("no app statement waits on a lock longer than the step's lock_timeout"), message);
        Assert.Matches(@"an app statement waited \d+ ms on a lock \(the step's lock_timeout is 1s\)", message);
    }

    [Fact]
    public async Task A_plan_that_does_not_reach_the_desired_schema_breaks_the_schema_invariant()
    {
        // The index is built on the wrong column: no app statement notices, only the schema read back does.
        var message = await FailureAsync(Current, Desired,
        [
            AddNotes,
            Up(1, Phase.PostDeploy, "002_orders_status_idx.sql", "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (customer_id);", "DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;", transactional: false),
        ]);
        output.WriteLine(message);
        Assert.StartsWith("rehearsal failed: after every release, the database still differs from the desired schema: ", message);
        Assert.Contains("orders_status_idx", message);
    }

    [Fact]
    public async Task A_down_file_that_loses_the_new_versions_rows_fails_after_the_down_files()
    {
        // The new version writes "note" (the old one cannot): this rollback throws away what it wrote. More operations
        // before each step give the new version, live only around the post-deploy file, rows of its own to lose.
        var message = await FailureAsync(Current, Desired,
        [
            Up(1, Phase.PreDeploy, "001_add_notes.sql", ShopSchemas.AddNotes, "DELETE FROM orders WHERE note IS NOT NULL;\n" + ShopSchemas.DropNotes),
            CreateIndex,
        ],
        Options with { OperationsBeforeStep = 40 });
        output.WriteLine(message);
        Assert.Contains("rehearsal failed after the down files of release 1 (a rollback must keep every row and value): " + Broken("rows and values"), message);
        Assert.Matches(@"orders has \d+ row\(s\) through the old version's shape, the traffic's ledger expects \d+", message);
    }
}
