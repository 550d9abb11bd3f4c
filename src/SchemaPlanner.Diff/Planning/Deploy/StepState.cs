namespace SchemaPlanner.Planning.Deploy;

/// <summary>Where a step stands in the target database, from its last history row.</summary>
public enum StepState
{
    /// <summary>Never run.</summary>
    Pending,

    /// <summary>Its up file finished.</summary>
    Done,

    /// <summary>Its up file started and did not finish (killed, failed, cancelled): apply runs it again.</summary>
    Interrupted,

    /// <summary>Its down file finished (or <c>--down --force</c> passed over it): apply runs it again.</summary>
    Undone,

    /// <summary>Its down file started and did not finish: <c>--down</c> runs it again.</summary>
    UndoInterrupted,
}
