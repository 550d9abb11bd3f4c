using SchemaPlanner.Planning;
using Xunit;
using Xunit.Abstractions;
using static SchemaPlanner.Tests.Rehearsal.BrokenPlanRehearsal;
using static SchemaPlanner.Tests.Rehearsal.Steps;

namespace SchemaPlanner.Tests.Rehearsal;

/// <summary>
/// Before each step, every live app version runs on the tables whose state the previous step changed (a dwell
/// that ends on what the traffic did, not on a clock): an intermediate state that breaks only one version's
/// writes is caught for either version, even when the traffic's rate (1 tx/s here) would send nothing in the
/// time a fixed wait gave it.
/// </summary>
public sealed class DwellTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("old")]
    [InlineData("new")]
    public async Task An_intermediate_state_that_breaks_one_versions_writes_is_caught_for_that_version(string version)
    {
        // Between the backfill step and the verify step, a trigger rejects the writes of one version's sessions;
        // nothing else sees it (rows, probes and the final schema are right), only that version's traffic.
        var message = await FailureAsync(ShopSchemas.Current, ShopSchemas.Desired,
        [
            Up(1, Phase.PreDeploy, "001_add_notes.sql", ShopSchemas.AddNotes),
            Up(1, Phase.Backfill, "002_intermediate.sql", $"""
                CREATE FUNCTION reject_one_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF current_setting('application_name') = 'schemaplan-rehearsal-{version}' THEN
                        RAISE EXCEPTION 'the intermediate state rejects this version';
                    END IF;
                    RETURN NEW;
                END
                $$;
                CREATE TRIGGER reject_one_version BEFORE INSERT OR UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION reject_one_version();
                """),
            Up(1, Phase.Verify, "003_restore.sql", "DROP TRIGGER reject_one_version ON customers;\nDROP FUNCTION reject_one_version();"),
            Up(1, Phase.PostDeploy, "004_orders_status_idx.sql", ShopSchemas.CreateIndex, transactional: false),
        ],
        // A dwell's one operation on a table may be a read: enough operations that each version also writes there.
        Options with { TransactionsPerSecond = 1, OperationsBeforeStep = 20 });
        output.WriteLine(message);
        Assert.Matches(@"^rehearsal failed after 00[23]_[a-z]+\.sql: ", message);
        Assert.Contains(Broken("an app statement failed") + $"schemaplan-rehearsal-{version}: P0001: the intermediate state rejects this version", message);
    }
}
