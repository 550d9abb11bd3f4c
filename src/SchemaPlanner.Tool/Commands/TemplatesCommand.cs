using McMaster.Extensions.CommandLineUtils;
using SchemaPlanner.Templates;

namespace SchemaPlanner.Tool.Commands;

/// <summary><c>schemaplan templates export DIR</c>: the built-in templates, to start overriding from.</summary>
internal static class TemplatesCommand
{
    public static void Register(CommandLineApplication app, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken) =>
        app.Command("templates", command =>
        {
            command.Description = "Work with the Scriban templates plans are rendered from.";
            command.OnExecute(() =>
            {
                command.ShowHelp();
                return ExitCodes.InvalidInput;
            });
            command.Command("export", export =>
            {
                export.Description = "Write the built-in templates into DIR; pass DIR to `plan --templates` after editing.";
                var directory = export.Argument("DIR", "Folder to write the templates into.").IsRequired();
                var force = export.Option("--force", "Overwrite templates already there.", CommandOptionType.NoValue);
                export.OnExecute(() =>
                {
                    foreach (var path in TemplateCatalog.Export(directory.Value!, force.HasValue()))
                    {
                        stdout.WriteLine(path);
                    }

                    return ExitCodes.Ok;
                });
            });
        });
}
