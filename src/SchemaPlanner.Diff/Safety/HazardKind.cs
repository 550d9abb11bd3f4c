namespace SchemaPlanner.Safety;

/// <summary>Why a change is dangerous under traffic. A hazard has exactly one kind.</summary>
public enum HazardKind
{
    /// <summary>Takes a lock that blocks reads and/or writes for longer than an instant (see <see cref="Hazard.Lock"/>).</summary>
    Lock,

    /// <summary>Rewrites the whole table (and its indexes) under an ACCESS EXCLUSIVE lock.</summary>
    Rewrite,

    /// <summary>Reads the whole table under a lock that blocks writes or more.</summary>
    Scan,

    /// <summary>Breaks the application version still running (it reads or writes the old shape).</summary>
    BreaksRunningApp,

    /// <summary>Deletes data that cannot be recovered from the database afterwards.</summary>
    DataLoss,

    /// <summary>May fail on rows that already exist (e.g. NOT NULL, UNIQUE, CHECK on existing data).</summary>
    MayFail,

    /// <summary>Builds an index (time and I/O proportional to the table).</summary>
    IndexBuild,

    /// <summary>Cannot run inside a transaction block.</summary>
    NonTransactional,

    /// <summary>No online path exists: the change needs downtime or manual work.</summary>
    NoOnlinePath,
}
