using System.Text.Json;
using System.Text.Json.Serialization;
using SchemaPlanner.Configuration;
using SchemaPlanner.Model;

namespace SchemaPlanner.Snapshots;

/// <summary>Writes a <see cref="QualifiedName"/> as its SQL form (<c>public."Order Items"</c>) and parses it back.</summary>
internal sealed class QualifiedNameConverter : JsonConverter<QualifiedName>
{
    public override QualifiedName Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("a qualified name must be a string");
        return ObjectPath.ParseTable(text, "snapshot");
    }

    public override void Write(Utf8JsonWriter writer, QualifiedName value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Sql);
}
