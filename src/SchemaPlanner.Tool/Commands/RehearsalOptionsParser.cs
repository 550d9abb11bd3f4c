using System.Globalization;
using McMaster.Extensions.CommandLineUtils;
using Npgsql;
using SchemaPlanner.Configuration;
using SchemaPlanner.Errors;
using SchemaPlanner.Rehearsal;
using SchemaPlanner.Sources;

namespace SchemaPlanner.Tool.Commands;

/// <summary>The rehearsal flags (<c>--rehearse-rows</c>, <c>--rehearse-rate</c>, <c>--rehearse-on</c>) over schemaplan.json's "rehearsal".</summary>
internal sealed class RehearsalOptionsParser
{
    private readonly CommandOption rows;
    private readonly CommandOption rate;
    private readonly CommandOption on;

    public RehearsalOptionsParser(CommandLineApplication command)
    {
        rows = command.Option("--rehearse-rows <N>", "Synthetic rows per table on the rehearsal's scratch copy (default 2000).", CommandOptionType.SingleValue);
        rate = command.Option("--rehearse-rate <N>", "Transactions per second each app version sends during the rehearsal (default 100).", CommandOptionType.SingleValue);
        on = command.Option("--rehearse-on <CONN>", "Rehearse on this database (at the current schema, e.g. a restored copy of production; it is changed) instead of a scratch copy. Never the --database.", CommandOptionType.SingleValue);
    }

    public RehearsalOptions Options(SchemaPlannerConfig config, string database)
    {
        var options = new RehearsalOptions();
        var target = on.Value();
        if (target is not null)
        {
            target = ConnectionStrings.Normalize(target);
            if (SchemaSources.IsConnectionString(database) && SameDatabase(target, ConnectionStrings.Normalize(database)))
            {
                throw new SchemaPlannerException(ErrorKind.InvalidInput, "--rehearse-on: that is the --database; the rehearsal changes the database it runs on, so give it a copy");
            }
        }

        return options with
        {
            RowsPerTable = Positive(rows, "--rehearse-rows") ?? config.Rehearsal.Rows ?? options.RowsPerTable,
            TransactionsPerSecond = Positive(rate, "--rehearse-rate") ?? config.Rehearsal.Rate ?? options.TransactionsPerSecond,
            DwellLimit = config.Rehearsal.DwellMilliseconds is { } dwell ? TimeSpan.FromMilliseconds(dwell) : options.DwellLimit,
            StepTimeout = config.Rehearsal.StepTimeoutSeconds is { } timeout ? TimeSpan.FromSeconds(timeout) : options.StepTimeout,
            RehearseOn = target,
            OldWorkload = Read(config.Rehearsal.OldWorkload),
            OldWorkloadFile = config.Rehearsal.OldWorkload,
            NewWorkload = Read(config.Rehearsal.NewWorkload),
            NewWorkloadFile = config.Rehearsal.NewWorkload,
        };
    }

    private static string? Read(string? file) =>
        file is null ? null
        : File.Exists(file) ? File.ReadAllText(file)
        : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"schemaplan.json: rehearsal workload {file} not found");

    private static bool SameDatabase(string a, string b)
    {
        var x = new NpgsqlConnectionStringBuilder(a);
        var y = new NpgsqlConnectionStringBuilder(b);
        return string.Equals(x.Host, y.Host, StringComparison.OrdinalIgnoreCase) && x.Port == y.Port && string.Equals(x.Database, y.Database, StringComparison.Ordinal);
    }

    private static int? Positive(CommandOption option, string name) =>
        option.Value() is not { } text ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new SchemaPlannerException(ErrorKind.InvalidInput, $"{name}: \"{text}\" is not a positive whole number");
}
