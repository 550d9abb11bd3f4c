using SchemaPlanner.Model;

namespace SchemaPlanner.Sources.Scripts;

/// <summary>Files each object PostgreSQL reported under its name, at its position inside the statement that made it.</summary>
internal static class CreatedObjectLocator
{
    public static DdlLocations Fill(DdlLocations locations, IReadOnlyList<SqlStatement> statements, IReadOnlyList<CreatedObject> objects)
    {
        // Columns and constraints first: a serial or identity sequence sits at its column, a constraint's index at the constraint.
        var constraintStatements = new Dictionary<(QualifiedName, string), int>();
        var unnamedSoFar = new Dictionary<(int, QualifiedName, string?, string), int>();
        var membersFirst = objects
            .Where(o => o.Kind is CreatedObjectKind.Column or CreatedObjectKind.Constraint)
            .OrderBy(o => o.Statement)
            .ThenBy(o => o.Name, StringComparer.Ordinal);
        foreach (var item in membersFirst)
        {
            var statement = statements[item.Statement];
            var owner = item.Owner ?? new QualifiedName(item.Schema, item.Name);
            if (item.Kind == CreatedObjectKind.Column)
            {
                locations.Columns.TryAdd((owner, item.Name), StatementPositions.Column(statement, item.Name) ?? statement.Location);
            }
            else
            {
                constraintStatements.TryAdd((owner, item.Name), item.Statement);
                // PostgreSQL numbers clashing default names (t_a_check, t_a_check1) in the order it meets them.
                var kind = item.Detail is { Length: 1 } detail ? detail[0] : ' ';
                var earlier = 0;
                if (!StatementPositions.Names(statement, item.Name))
                {
                    var group = (item.Statement, owner, item.Detail, string.Join(",", item.Columns));
                    earlier = unnamedSoFar.GetValueOrDefault(group);
                    unnamedSoFar[group] = earlier + 1;
                }

                locations.Constraints.TryAdd(
                    (owner, item.Name),
                    StatementPositions.Constraint(statement, item.Name, kind, item.Columns, earlier) ?? statement.Location);
            }
        }

        foreach (var item in objects.Where(o => o.Kind is not (CreatedObjectKind.Column or CreatedObjectKind.Constraint)))
        {
            var statement = statements[item.Statement];
            var name = new QualifiedName(item.Schema, item.Name);
            var at = StatementPositions.Name(statement, item.Name) ?? statement.Location;
            switch (item.Kind)
            {
                case CreatedObjectKind.Schema:
                    locations.Schemas.TryAdd(item.Name, at);
                    break;
                case CreatedObjectKind.Extension:
                    locations.Extensions.TryAdd(item.Name, at);
                    break;
                case CreatedObjectKind.Type:
                    locations.Types.TryAdd(name, at);
                    break;
                case CreatedObjectKind.Function:
                    locations.Functions.TryAdd(name, at);
                    break;
                case CreatedObjectKind.Trigger when item.Owner is { } table:
                    locations.Triggers.TryAdd((table, item.Name), at);
                    break;
                case CreatedObjectKind.Policy when item.Owner is { } table:
                    locations.Policies.TryAdd((table, item.Name), at);
                    break;
                case CreatedObjectKind.Comment:
                    locations.Comments.TryAdd(item.Name, StatementPositions.CommentTarget(statement) ?? statement.Location);
                    break;
                case CreatedObjectKind.Relation:
                    AddRelation(locations, statement, item, name, at, constraintStatements);
                    break;
            }
        }

        return locations;
    }

    private static void AddRelation(
        DdlLocations locations,
        SqlStatement statement,
        CreatedObject item,
        QualifiedName name,
        SourceLocation at,
        Dictionary<(QualifiedName, string), int> constraintStatements)
    {
        switch (item.Detail)
        {
            case "r" or "p" or "f":
                locations.Tables.TryAdd(name, at);
                break;
            case "v" or "m":
                locations.Views.TryAdd(name, at);
                break;
            case "c":
                locations.Types.TryAdd(name, at);
                break;
            case "S":
                // A serial or identity sequence is written as its column (in CREATE TABLE or ALTER COLUMN ... ADD GENERATED).
                var column = item.Owner is not null && item.Columns.Count == 1
                    ? StatementPositions.Column(statement, item.Columns[0])
                    : null;
                locations.Sequences.TryAdd(name, column ?? at);
                break;
            case "i" or "I":
                // An index made by a constraint is written as the constraint (not when the constraint adopted an
                // earlier CREATE INDEX with USING INDEX); an unnamed CREATE INDEX as its statement.
                var constraint = item.Owner is { } owner && item.Columns.Count == 1 &&
                                 constraintStatements.GetValueOrDefault((owner, item.Columns[0]), -1) == item.Statement
                    ? locations.Constraint(owner, item.Columns[0])
                    : null;
                locations.Indexes.TryAdd(name, constraint ?? StatementPositions.Name(statement, item.Name) ?? statement.Location);
                break;
        }
    }
}
