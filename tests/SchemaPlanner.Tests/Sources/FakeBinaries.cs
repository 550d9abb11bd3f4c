using System.Runtime.Versioning;

namespace SchemaPlanner.Tests.Sources;

/// <summary>Folders of stand-in initdb/pg_ctl/postgres scripts, for tests that must not need a real installation.</summary>
[UnsupportedOSPlatform("windows")]
internal static class FakeBinaries
{
    private const UnixFileMode Executable =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>A new folder under /tmp that every user (including the postgres OS user) can enter.</summary>
    public static string CreateFolder()
    {
        var path = Path.Combine("/tmp", "schemaplan-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path, Executable);
        return path;
    }

    /// <summary>A folder with all three programs; each script body defaults to "exit 0".</summary>
    public static string Create(string initDbScript = "exit 0", string pgCtlScript = "exit 0", string postgresScript = "exit 0")
    {
        var folder = CreateFolder();
        WriteScript(folder, "initdb", initDbScript);
        WriteScript(folder, "pg_ctl", pgCtlScript);
        WriteScript(folder, "postgres", postgresScript);
        return folder;
    }

    public static void WriteScript(string folder, string name, string body, bool executable = true)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, executable ? Executable : UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
