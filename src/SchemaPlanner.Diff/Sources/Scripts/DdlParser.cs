using System.Globalization;
using SchemaPlanner.Model;

namespace SchemaPlanner.Sources.Scripts;

/// <summary>
/// Reads just enough of each DDL statement to fill a <see cref="DdlLocations"/>: names, the items of a table
/// definition, and the names PostgreSQL gives unnamed constraints and indexes. Anything it does not recognise
/// is skipped; it never throws on odd SQL.
/// </summary>
internal sealed class DdlParser
{
    private const string DefaultSchema = "public";

    private static readonly HashSet<string> TableConstraintWords =
        new(StringComparer.Ordinal) { "constraint", "primary", "unique", "foreign", "check", "exclude" };

    private static readonly HashSet<string> SerialTypes =
        new(StringComparer.Ordinal) { "serial", "serial4", "bigserial", "serial8", "smallserial", "serial2" };

    private static readonly HashSet<string> CreateModifiers = new(StringComparer.Ordinal)
    {
        "global", "local", "temp", "temporary", "unlogged", "recursive", "trusted", "procedural", "constraint",
        "unique", "materialized",
    };

    internal static readonly HashSet<string> RoutineKinds =
        new(StringComparer.Ordinal) { "function", "procedure", "routine", "aggregate" };

    private readonly DdlLocations locations;
    private readonly Dictionary<QualifiedName, HashSet<string>> knownColumns = [];

    /// <summary>Every constraint name seen, by schema: PostgreSQL keeps generated constraint names unique per schema.</summary>
    private readonly HashSet<QualifiedName> constraintNames = [];
    private string searchPathSchema = DefaultSchema;

    public DdlParser(DdlLocations locations) => this.locations = locations;

    public void Parse(SqlStatement statement)
    {
        locations.Files.TryAdd(statement.File, new SourceLocation(statement.File, 1, 1));
        var tokens = statement.SignificantTokens.ToList();
        if (tokens.Count > 0)
        {
            ParseStatement(new TokenCursor(statement.File, tokens, 0, tokens.Count), searchPathSchema);
        }
    }

    private void ParseStatement(TokenCursor c, string schema)
    {
        if (c.IsWord("set"))
        {
            ParseSet(c);
        }
        else if (c.IsWord("reset") && (c.IsWord("search_path", 1) || c.IsWord("all", 1)))
        {
            searchPathSchema = DefaultSchema;
        }
        else if (c.IsWord("select"))
        {
            ParseSetConfig(c);
        }
        else if (c.Accept("create"))
        {
            ParseCreate(c, schema);
        }
        else if (c.Accept("alter", "table") || c.Accept("alter", "foreign", "table"))
        {
            ParseAlterTable(c, schema);
        }
        else if (c.Accept("comment", "on"))
        {
            var first = c.Current;
            var isAt = c.Tokens.FindIndex(c.Position, c.End - c.Position, t => t.IsWord("is"));
            if (first is not null && isAt > c.Position)
            {
                foreach (var key in CommentTargets.Keys(c.Tokens, c.Position, isAt, schema))
                {
                    locations.Comments.TryAdd(key, c.Location(first));
                }
            }
        }
    }

    private void ParseSet(TokenCursor c)
    {
        c.Accept("set");
        if (!c.Accept("session"))
        {
            c.Accept("local");
        }

        if (c.Accept("schema"))
        {
            if (c.Current?.StringValue is { } value)
            {
                searchPathSchema = value;
            }

            return;
        }

        if (!c.Accept("search_path") || !(c.Accept("to") || c.AcceptSymbol("=")))
        {
            return;
        }

        var path = new List<string>();
        for (; !c.AtEnd; c.Position++)
        {
            var token = c.Current!;
            if (token.IsWord("default"))
            {
                searchPathSchema = DefaultSchema;
                return;
            }

            if ((token.Identifier ?? token.StringValue) is { } entry)
            {
                path.Add(entry);
            }
        }

        searchPathSchema = FirstSchema(path);
    }

    /// <summary>pg_dump's <c>SELECT pg_catalog.set_config('search_path', '...', false)</c>.</summary>
    private void ParseSetConfig(TokenCursor c)
    {
        for (var i = c.Position; i + 4 < c.End; i++)
        {
            var tokens = c.Tokens;
            if (tokens[i].IsWord("set_config") && tokens[i + 1].IsSymbol("(") &&
                string.Equals(tokens[i + 2].StringValue, "search_path", StringComparison.OrdinalIgnoreCase) &&
                tokens[i + 3].IsSymbol(",") && tokens[i + 4].StringValue is { } value)
            {
                var path = SqlLexer.Tokenize(value).Select(t => t.Identifier).OfType<string>().ToList();
                searchPathSchema = FirstSchema(path);
                return;
            }
        }
    }

    private static string FirstSchema(List<string> path) =>
        path.FirstOrDefault(p => p != "$user" && p.Length > 0) ?? DefaultSchema;

    private void ParseCreate(TokenCursor c, string schema)
    {
        c.Accept("or", "replace");
        while (c.Current is { Kind: SqlTokenKind.Word } word && CreateModifiers.Contains(word.Text.ToLowerInvariant()))
        {
            c.Position++;
        }

        if (c.Accept("foreign", "table") || c.Accept("table"))
        {
            ParseCreateTable(c, schema);
        }
        else if (c.Accept("index"))
        {
            ParseCreateIndex(c, schema);
        }
        else if (c.Accept("view"))
        {
            ParseCreateView(c, schema);
        }
        else if (c.Accept("sequence"))
        {
            c.SkipIfNotExists();
            if (c.TryReadName(out var parts, out var first))
            {
                locations.Sequences.TryAdd(Resolve(parts, schema), c.Location(first));
            }
        }
        else if (c.Accept("type"))
        {
            ParseCreateType(c, schema);
        }
        else if (c.Accept("domain"))
        {
            ParseCreateDomain(c, schema);
        }
        else if (c.Current is { Kind: SqlTokenKind.Word } kind && RoutineKinds.Contains(kind.Text.ToLowerInvariant()))
        {
            c.Position++;
            if (c.TryReadName(out var parts, out var first))
            {
                locations.Functions.TryAdd(Resolve(parts, schema), c.Location(first));
            }
        }
        else if (c.Accept("trigger"))
        {
            ParseMemberOfTable(c, schema, locations.Triggers);
        }
        else if (c.Accept("policy"))
        {
            ParseMemberOfTable(c, schema, locations.Policies);
        }
        else if (c.Accept("schema"))
        {
            ParseCreateSchema(c);
        }
        else if (c.Accept("extension"))
        {
            c.SkipIfNotExists();
            if (c.Current?.Identifier is { } name)
            {
                locations.Extensions.TryAdd(name, c.Location(c.Current));
            }
        }
    }

    private void ParseCreateTable(TokenCursor c, string schema)
    {
        c.SkipIfNotExists();
        if (!c.TryReadName(out var parts, out var first))
        {
            return;
        }

        // A second CREATE TABLE of the same name fails or, with IF NOT EXISTS, does nothing: its items never exist.
        var table = Resolve(parts, schema);
        if (!locations.Tables.TryAdd(table, c.Location(first)))
        {
            return;
        }

        if (c.Accept("partition", "of") || c.Accept("of"))
        {
            c.TryReadName(out _, out _);
        }

        if (c.IsSymbol("("))
        {
            var close = c.CloseOf(c.Position);
            ParseTableItems(c.Sub(c.Position + 1, close), table);
        }
    }

    private void ParseTableItems(TokenCursor c, QualifiedName table)
    {
        var items = c.SplitTopLevel(c.Start, c.End);
        var columns = ColumnsOf(table);
        foreach (var (start, _) in items)
        {
            if (IsColumnItem(c.Tokens[start]) && c.Tokens[start].Identifier is { } column)
            {
                columns.Add(column);
            }
        }

        foreach (var (start, end) in items)
        {
            var item = c.Sub(start, end);
            if (c.Tokens[start].IsWord("like"))
            {
                continue;
            }

            if (IsColumnItem(c.Tokens[start]))
            {
                ParseColumnDefinition(item, table);
            }
            else
            {
                ParseTableConstraint(item, table);
            }
        }
    }

    private static bool IsColumnItem(SqlToken first) =>
        first.Kind == SqlTokenKind.QuotedIdentifier ||
        (first.Kind == SqlTokenKind.Word && !TableConstraintWords.Contains(first.Text.ToLowerInvariant()) && !first.IsWord("like"));

    private HashSet<string> ColumnsOf(QualifiedName table)
    {
        if (!knownColumns.TryGetValue(table, out var columns))
        {
            columns = new HashSet<string>(StringComparer.Ordinal);
            knownColumns.Add(table, columns);
        }

        return columns;
    }

    /// <summary><c>name type [constraints...]</c>; records the column, its inline constraints and implicit sequence.</summary>
    private void ParseColumnDefinition(TokenCursor c, QualifiedName table)
    {
        var nameToken = c.Current;
        if (nameToken?.Identifier is not { } column)
        {
            return;
        }

        var columnLocation = c.Location(nameToken);
        locations.Columns.TryAdd((table, column), columnLocation);
        ColumnsOf(table).Add(column);
        c.Position++;
        if (c.Current is { Kind: SqlTokenKind.Word } type && SerialTypes.Contains(type.Text.ToLowerInvariant()))
        {
            var sequence = ChooseRelationName(table, column, "seq", isConstraint: false);
            locations.Sequences.TryAdd(new QualifiedName(table.Schema, sequence), columnLocation);
        }

        string? pendingName = null;
        SqlToken? pendingStart = null;
        for (; !c.AtEnd; c.Position++)
        {
            var token = c.Current!;
            if (token.IsSymbol("("))
            {
                c.Position = c.CloseOf(c.Position);
                continue;
            }

            if (token.IsWord("constraint") && c.Peek()?.Identifier is { } named)
            {
                (pendingName, pendingStart) = (named, token);
                c.Position++;
                continue;
            }

            if (token.IsWord("generated") && IdentityEnd(c) is var identityEnd && identityEnd > 0)
            {
                RecordIdentitySequence(c, c.Position, identityEnd, table, column, columnLocation);
                continue;
            }

            ConstraintKind? kind;
            Func<string> defaultName;
            if (token.IsWord("primary") && c.IsWord("key", 1))
            {
                (kind, defaultName) = (ConstraintKind.PrimaryKey, () => ChooseRelationName(table, null, "pkey", isConstraint: true));
            }
            else if (token.IsWord("unique"))
            {
                (kind, defaultName) = (ConstraintKind.Unique, () => ChooseRelationName(table, column, "key", isConstraint: true));
            }
            else if (token.IsWord("references"))
            {
                (kind, defaultName) = (ConstraintKind.ForeignKey, () => ChooseConstraintName(table, column, "fkey"));
            }
            else if (token.IsWord("check") && c.IsSymbol("(", 1))
            {
                var open = c.Position + 1;
                var checkColumn = SoleColumn(c, open + 1, c.CloseOf(open), table);
                (kind, defaultName) = (ConstraintKind.Check, () => ChooseConstraintName(table, checkColumn, "check"));
            }
            else if (token.IsWord("not") && c.IsWord("null", 1) && !(c.Position > c.Start && c.Tokens[c.Position - 1].IsWord("is")))
            {
                // Not a ConstraintKind, but PostgreSQL 18 catalogs NOT NULL constraints under this name.
                (kind, defaultName) = (null, () => ChooseConstraintName(table, column, "not_null"));
            }
            else
            {
                continue;
            }

            var start = c.Location(pendingStart ?? token);
            RecordConstraint(table, pendingName ?? defaultName(), start, kind is ConstraintKind.PrimaryKey or ConstraintKind.Unique);
            if (pendingName is null && kind is { } inlineKind)
            {
                locations.ColumnConstraints.TryAdd((table, column, inlineKind), start);
            }

            (pendingName, pendingStart) = (null, null);
        }
    }

    /// <summary>
    /// If <c>GENERATED ... AS IDENTITY</c> starts at the cursor, the index just past it (and its options), else 0.
    /// </summary>
    private static int IdentityEnd(TokenCursor c)
    {
        for (var i = c.Position + 1; i < c.End && i < c.Position + 6; i++)
        {
            if (c.Tokens[i].IsWord("identity"))
            {
                return i + 1 < c.End && c.Tokens[i + 1].IsSymbol("(") ? c.CloseOf(i + 1) + 1 : i + 1;
            }
        }

        return 0;
    }

    /// <summary>The sequence of an identity column: <c>SEQUENCE NAME</c> from its options, else the default name.</summary>
    private void RecordIdentitySequence(TokenCursor c, int start, int end, QualifiedName table, string column, SourceLocation location)
    {
        QualifiedName? name = null;
        for (var i = start; i + 2 < end; i++)
        {
            if (c.Tokens[i].IsWord("sequence") && c.Tokens[i + 1].IsWord("name") && c.Sub(i + 2, end).TryReadName(out var parts, out _))
            {
                name = Resolve(parts, searchPathSchema);
                break;
            }
        }

        name ??= new QualifiedName(table.Schema, ChooseRelationName(table, column, "seq", isConstraint: false));
        locations.Sequences.TryAdd(name, location);
        c.Position = end - 1;
    }

    /// <summary>A table constraint item, from <c>CONSTRAINT name</c> or its kind keyword.</summary>
    private void ParseTableConstraint(TokenCursor c, QualifiedName table)
    {
        var start = c.Current;
        if (start is null)
        {
            return;
        }

        string? name = null;
        if (c.IsWord("constraint"))
        {
            name = c.Peek()?.Identifier;
            c.Position += 2;
        }

        var location = c.Location(start);
        var createsIndex = false;
        if (c.Accept("primary", "key"))
        {
            name ??= UsingIndexName(c) ?? ChooseRelationName(table, null, "pkey", isConstraint: true);
            createsIndex = true;
        }
        else if (c.Accept("unique"))
        {
            c.Accept("nulls", "not", "distinct");
            c.Accept("nulls", "distinct");
            name ??= UsingIndexName(c) ?? ChooseRelationName(table, IndexNameAddition(c, DefaultIndexNames.ColumnListElements(c)), "key", isConstraint: true);
            createsIndex = true;
        }
        else if (c.Accept("foreign", "key"))
        {
            var columns = c.IsSymbol("(") ? ColumnList(c, c.Position) : [];
            name ??= ChooseConstraintName(table, DefaultIndexNames.IndexNameAddition(columns), "fkey");
        }
        else if (c.Accept("check"))
        {
            name ??= ChooseConstraintName(table, c.IsSymbol("(") ? SoleColumn(c, c.Position + 1, c.CloseOf(c.Position), table) : null, "check");
        }
        else if (c.Accept("exclude"))
        {
            if (c.Accept("using"))
            {
                c.Position++;
            }

            var elements = new List<(int, int)>();
            if (c.IsSymbol("("))
            {
                foreach (var (s, e) in c.SplitTopLevel(c.Position + 1, c.CloseOf(c.Position)))
                {
                    var with = c.Tokens.FindIndex(s, e - s, t => t.IsWord("with"));
                    elements.Add((s, with < 0 ? e : with));
                }
            }

            name ??= ChooseRelationName(table, IndexNameAddition(c, elements), "excl", isConstraint: true);
            createsIndex = true;
        }
        else if (c.Accept("not", "null") && c.Current?.Identifier is { } column)
        {
            name ??= ChooseConstraintName(table, column, "not_null");
        }

        if (name is not null)
        {
            RecordConstraint(table, name, location, createsIndex);
        }
    }

    /// <summary><c>USING INDEX name</c> (ALTER TABLE ... ADD PRIMARY KEY/UNIQUE USING INDEX): the constraint takes the index name.</summary>
    private static string? UsingIndexName(TokenCursor c) =>
        c.IsWord("using") && c.IsWord("index", 1) ? c.Peek(2)?.Identifier : null;

    private static List<string> ColumnList(TokenCursor c, int open) =>
        c.SplitTopLevel(open + 1, c.CloseOf(open))
            .Select(e => c.Tokens[e.Start].Identifier)
            .OfType<string>()
            .ToList();

    /// <summary>
    /// The column a CHECK constraint's default name mentions: PostgreSQL writes <c>table_col_check</c> when the
    /// expression uses exactly one column of the table, otherwise <c>table_check</c>.
    /// </summary>
    private string? SoleColumn(TokenCursor c, int start, int end, QualifiedName table)
    {
        var columns = ColumnsOf(table);
        var used = new HashSet<string>(StringComparer.Ordinal);
        for (var i = start; i < end; i++)
        {
            var token = c.Tokens[i];
            var isCall = i + 1 < end && c.Tokens[i + 1].IsSymbol("(");
            if (!isCall && token.Identifier is { } identifier && columns.Contains(identifier))
            {
                used.Add(identifier);
            }
        }

        return used.Count == 1 ? used.First() : null;
    }

    private static string IndexNameAddition(TokenCursor c, IEnumerable<(int Start, int End)> elements) =>
        DefaultIndexNames.IndexNameAddition(DefaultIndexNames.IndexColumnNames(c, elements));

    /// <summary>
    /// PostgreSQL's <c>ChooseConstraintName</c>: <c>table_name2_label</c>, then <c>label1</c>, <c>label2</c>...
    /// until no constraint in the schema has the name.
    /// </summary>
    private string ChooseConstraintName(QualifiedName table, string? name2, string label) =>
        ChooseName(table, name2, label, constraintNames.Contains);

    /// <summary>
    /// PostgreSQL's <c>ChooseRelationName</c>, for indexes and sequences: the name must not be taken by a relation
    /// in the schema (nor by a constraint, for the index of a constraint).
    /// </summary>
    private string ChooseRelationName(QualifiedName table, string? name2, string label, bool isConstraint) =>
        ChooseName(table, name2, label, name =>
            locations.Tables.ContainsKey(name) || locations.Views.ContainsKey(name) ||
            locations.Sequences.ContainsKey(name) || locations.Indexes.ContainsKey(name) ||
            (isConstraint && constraintNames.Contains(name)));

    private static string ChooseName(QualifiedName table, string? name2, string label, Func<QualifiedName, bool> taken)
    {
        for (var pass = 0; ; pass++)
        {
            var suffix = pass == 0 ? label : label + pass.ToString(CultureInfo.InvariantCulture);
            var name = PostgresText.MakeObjectName(table.Name, name2, suffix);
            if (!taken(new QualifiedName(table.Schema, name)))
            {
                return name;
            }
        }
    }

    private void RecordConstraint(QualifiedName owner, string name, SourceLocation location, bool createsIndex)
    {
        constraintNames.Add(new QualifiedName(owner.Schema, name));
        locations.Constraints.TryAdd((owner, name), location);
        if (createsIndex)
        {
            locations.Indexes.TryAdd(new QualifiedName(owner.Schema, name), location);
        }
    }

    private void ParseCreateIndex(TokenCursor c, string schema)
    {
        var statementStart = c.Tokens[c.Start];
        c.Accept("concurrently");
        c.SkipIfNotExists();
        SqlToken? nameToken = null;
        if (c.Current is { } candidate && candidate.Identifier is not null && !candidate.IsWord("on"))
        {
            nameToken = candidate;
            c.Position++;
        }

        if (!c.Accept("on"))
        {
            return;
        }

        c.Accept("only");
        if (!c.TryReadName(out var parts, out _))
        {
            return;
        }

        var table = Resolve(parts, schema);
        if (c.Accept("using"))
        {
            c.Position++;
        }

        var name = nameToken?.Identifier ??
                   ChooseRelationName(table, IndexNameAddition(c, DefaultIndexNames.ColumnListElements(c)), "idx", isConstraint: false);
        locations.Indexes.TryAdd(new QualifiedName(table.Schema, name), c.Location(nameToken ?? statementStart));
    }

    private void ParseCreateView(TokenCursor c, string schema)
    {
        c.SkipIfNotExists();
        if (!c.TryReadName(out var parts, out var first))
        {
            return;
        }

        var view = Resolve(parts, schema);
        locations.Views.TryAdd(view, c.Location(first));
        if (c.IsSymbol("("))
        {
            RecordColumnNames(c, c.Position, view);
        }
    }

    private void ParseCreateType(TokenCursor c, string schema)
    {
        if (!c.TryReadName(out var parts, out var first))
        {
            return;
        }

        var type = Resolve(parts, schema);
        locations.Types.TryAdd(type, c.Location(first));
        if (c.Accept("as") && c.IsSymbol("("))
        {
            RecordColumnNames(c, c.Position, type);
        }
    }

    private void RecordColumnNames(TokenCursor c, int open, QualifiedName owner)
    {
        foreach (var (start, _) in c.SplitTopLevel(open + 1, c.CloseOf(open)))
        {
            if (c.Tokens[start].Identifier is { } column)
            {
                locations.Columns.TryAdd((owner, column), c.Location(c.Tokens[start]));
            }
        }
    }

    private void ParseCreateDomain(TokenCursor c, string schema)
    {
        if (!c.TryReadName(out var parts, out var first))
        {
            return;
        }

        var domain = Resolve(parts, schema);
        locations.Types.TryAdd(domain, c.Location(first));
        SqlToken? pendingStart = null;
        string? pendingName = null;
        for (; !c.AtEnd; c.Position++)
        {
            var token = c.Current!;
            if (token.IsSymbol("("))
            {
                c.Position = c.CloseOf(c.Position);
            }
            else if (token.IsWord("constraint") && c.Peek()?.Identifier is { } named)
            {
                (pendingName, pendingStart) = (named, token);
                c.Position++;
            }
            else if (token.IsWord("check") || (token.IsWord("not") && c.IsWord("null", 1)))
            {
                var label = token.IsWord("check") ? "check" : "not_null";
                var name = pendingName ?? ChooseConstraintName(domain, null, label);
                RecordConstraint(domain, name, c.Location(pendingStart ?? token), createsIndex: false);
                (pendingName, pendingStart) = (null, null);
            }
        }
    }

    /// <summary><c>CREATE TRIGGER name ... ON table</c> and <c>CREATE POLICY name ON table</c>.</summary>
    private void ParseMemberOfTable(TokenCursor c, string schema, Dictionary<(QualifiedName Table, string Name), SourceLocation> target)
    {
        var nameToken = c.Current;
        if (nameToken?.Identifier is not { } name)
        {
            return;
        }

        for (c.Position++; !c.AtEnd; c.Position++)
        {
            if (c.IsSymbol("("))
            {
                c.Position = c.CloseOf(c.Position);
            }
            else if (c.Accept("on"))
            {
                if (c.TryReadName(out var parts, out _))
                {
                    target.TryAdd((Resolve(parts, schema), name), c.Location(nameToken));
                }

                return;
            }
        }
    }

    /// <summary>
    /// <c>CREATE SCHEMA [IF NOT EXISTS] name [AUTHORIZATION role] [element ...]</c>; the elements are created in
    /// the new schema.
    /// </summary>
    private void ParseCreateSchema(TokenCursor c)
    {
        c.SkipIfNotExists();
        SqlToken? nameToken;
        if (c.Accept("authorization"))
        {
            nameToken = c.Current;
            c.Position++;
        }
        else
        {
            nameToken = c.Current;
            c.Position++;
            if (c.Accept("authorization"))
            {
                c.Position++;
            }
        }

        if (nameToken?.Identifier is not { } name)
        {
            return;
        }

        locations.Schemas.TryAdd(name, c.Location(nameToken));
        var elementStarts = new List<int>();
        for (var i = c.Position; i < c.End; i++)
        {
            if (c.Tokens[i].IsSymbol("("))
            {
                i = c.CloseOf(i);
            }
            else if (c.Tokens[i].IsWord("create") || c.Tokens[i].IsWord("grant"))
            {
                elementStarts.Add(i);
            }
        }

        for (var k = 0; k < elementStarts.Count; k++)
        {
            var end = k + 1 < elementStarts.Count ? elementStarts[k + 1] : c.End;
            var element = c.Sub(elementStarts[k], end);
            if (element.Accept("create"))
            {
                ParseCreate(element, name);
            }
        }
    }

    /// <summary><c>ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, ...]</c>.</summary>
    private void ParseAlterTable(TokenCursor c, string schema)
    {
        c.SkipIfExists();
        c.Accept("only");
        if (!c.TryReadName(out var parts, out _))
        {
            return;
        }

        var table = Resolve(parts, schema);
        c.AcceptSymbol("*");
        foreach (var (start, end) in c.SplitTopLevel(c.Position, c.End))
        {
            var action = c.Sub(start, end);
            if (action.Accept("add"))
            {
                if (action.Current is { } first && !IsColumnItem(first) && !first.IsWord("column"))
                {
                    ParseTableConstraint(action, table);
                    continue;
                }

                action.Accept("column");
                action.SkipIfNotExists();
                ParseColumnDefinition(action, table);
            }
            else if (action.Accept("alter"))
            {
                action.Accept("column");
                if (action.Current is { } nameToken && nameToken.Identifier is { } column)
                {
                    var location = action.Location(nameToken);
                    locations.ColumnMentions.TryAdd((table, column), location);
                    for (action.Position++; !action.AtEnd; action.Position++)
                    {
                        if (action.IsWord("generated") && IdentityEnd(action) is var identityEnd && identityEnd > 0)
                        {
                            RecordIdentitySequence(action, action.Position, identityEnd, table, column, location);
                            break;
                        }
                    }
                }
            }
        }
    }

    /// <summary>The last two parts are schema and name; a lone name goes to <paramref name="schema"/>.</summary>
    internal static QualifiedName Resolve(List<string> parts, string schema) =>
        parts.Count == 1 ? new QualifiedName(schema, parts[0]) : new QualifiedName(parts[^2], parts[^1]);

}
