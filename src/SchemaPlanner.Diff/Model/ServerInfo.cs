namespace SchemaPlanner.Model;

/// <summary>The server a model was read from: <c>server_version_num</c> (e.g. 150004) and its text form.</summary>
public sealed record ServerInfo(int VersionNumber, string Version)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Major => VersionNumber / 10000;
}
