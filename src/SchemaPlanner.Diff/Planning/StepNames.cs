using System.Text;
using SchemaPlanner.Changes;

namespace SchemaPlanner.Planning;

/// <summary>File-name-safe step names: the change kind and the object's own name, e.g. <c>add_column_body</c>.</summary>
public static class StepNames
{
    public static string For(Change change) => Slug(change.Kind + "_" + LastPart(change));

    public static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(c is >= 'a' and <= 'z' or >= '0' and <= '9' ? c : '_');
        }

        var slug = System.Text.RegularExpressions.Regex.Replace(builder.ToString(), "_+", "_").Trim('_');
        return slug.Length > 60 ? slug[..60].TrimEnd('_') : slug;
    }

    private static string LastPart(Change change) => change switch
    {
        AddColumn c => c.Column.Name,
        DropColumn c => c.Column.Name,
        AlterColumn c => c.New.Name,
        RenameColumn c => c.Old.Name + "_to_" + c.New.Name,
        AddIndex c => c.Index.Name,
        DropIndex c => c.Index.Name,
        AddConstraint c => c.Constraint.Name,
        DropConstraint c => c.Constraint.Name,
        ValidateConstraint c => c.Constraint.Name,
        CreateTable c => c.Definition.Name.Name,
        DropTable c => c.Definition.Name.Name,
        RenameTable c => c.Old.Name.Name + "_to_" + c.New.Name.Name,
        _ => change.Object,
    };
}
