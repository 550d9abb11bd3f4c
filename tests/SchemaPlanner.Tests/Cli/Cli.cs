using System.Diagnostics;
using SchemaPlanner.Tool;

namespace SchemaPlanner.Tests.Cli;

/// <summary>Runs the CLI in-process (or as a child process when the environment must differ) and captures its output.</summary>
internal static class Cli
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = Program.Run(args, stdout, stderr, CancellationToken.None);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    public static (int Exit, string Out, string Err) RunProcess(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    /// <summary>A folder with one desired-schema file, deleted on dispose.</summary>
    public sealed class Folder : IDisposable
    {
        public Folder(params (string Name, string Text)[] files)
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "schemaplan-cli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
            foreach (var (name, text) in files)
            {
                System.IO.File.WriteAllText(System.IO.Path.Combine(Path, name), text);
            }
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
