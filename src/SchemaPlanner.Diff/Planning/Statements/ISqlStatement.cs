namespace SchemaPlanner.Planning.Statements;

/// <summary>
/// The data of one SQL statement (without its trailing semicolon), written by a template a user can override. The
/// records are nested in one static class per object kind, and the class and record names give the template:
/// <c>ColumnSql.SetDefault</c> is <c>sql/statements/column/set-default.sbn</c>. A test checks that every record has
/// its template and every statement template a record.
/// </summary>
public interface ISqlStatement;
