using SchemaPlanner.Sources.Scripts;
using SchemaPlanner.Changes;
using SchemaPlanner.Errors;
using SchemaPlanner.Model;
using SchemaPlanner.Planning.Ddl;
using SchemaPlanner.Planning.Templates;
using SchemaPlanner.Safety;

namespace SchemaPlanner.Planning.Recipes;

/// <summary>A column that gets a bigint shadow.</summary>
internal sealed record BigintShadow(QualifiedName Table, Column Old, Column Desired)
{
    public string Shadow => Sql.ShortName(Old.Name + "_sp_new");

    public string Retired => Sql.ShortName(Old.Name + "_sp_old");

    /// <summary>The serial sequence the old column owns (its default calls it), if any.</summary>
    public Sequence? OldSequence { get; init; }

    public Sequence? DesiredSequence { get; init; }
}

/// <summary>A primary key or unique constraint over shadowed columns, moved to a copy of its index.</summary>
internal sealed record BigintKey(QualifiedName Table, Constraint Old, Constraint? Desired, string Copy, string CopyDefinition, string RollbackCopy, string RollbackDefinition);

/// <summary>A foreign key or check that follows the shadowed columns: dropped and re-added NOT VALID.</summary>
internal sealed record BigintMovedConstraint(QualifiedName Table, Constraint Old, Constraint? Desired);

/// <summary>A plain index over shadowed columns, rebuilt on the shadows and renamed in the swap.</summary>
internal sealed record BigintCopiedIndex(QualifiedName Table, Model.Index Old, Model.Index Desired, string Copy, string CopyDefinition, string Retired);
