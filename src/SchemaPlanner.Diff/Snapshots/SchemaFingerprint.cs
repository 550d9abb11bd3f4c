using System.Security.Cryptography;
using System.Text;
using SchemaPlanner.Model;

namespace SchemaPlanner.Snapshots;

/// <summary>
/// A stable identity of a schema: SHA-256 of its snapshot JSON (model only, no server or statistics), written
/// <c>sha256:&lt;hex&gt;</c>. Plans record the fingerprints they go from and to.
/// </summary>
public static class SchemaFingerprint
{
    public static string Of(SchemaModel model)
    {
        var json = SnapshotSerializer.Serialize(new DatabaseSchema(model, null, EquatableArray<TableStatistics>.Empty));
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
