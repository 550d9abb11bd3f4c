using SchemaPlanner.Errors;

namespace SchemaPlanner.Tool;

/// <summary>The documented exit codes (README "Exit codes").</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Unsafe = 1;
    public const int InvalidInput = 2;
    public const int Connection = 3;
    public const int Authentication = 4;
    public const int DdlError = 5;
    public const int Environment = 6;
    public const int Planning = 7;
    public const int StepFailed = 8;
    public const int Internal = 70;
    public const int Cancelled = 130;

    public static int For(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidInput => InvalidInput,
        ErrorKind.Connection => Connection,
        ErrorKind.Authentication => Authentication,
        ErrorKind.DdlError => DdlError,
        ErrorKind.Environment => Environment,
        ErrorKind.Planning => Planning,
        ErrorKind.StepFailed => StepFailed,
        _ => Internal,
    };
}
