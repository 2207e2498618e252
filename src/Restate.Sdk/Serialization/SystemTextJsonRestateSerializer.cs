using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace Restate.Sdk.Serialization;

/// <summary>
/// The default serializer: UTF-8 JSON through System.Text.Json, with the web defaults
/// (camelCase names, case-insensitive reads) unless other options are given.
/// </summary>
public sealed class SystemTextJsonRestateSerializer : IRestateSerializer
{
    private static readonly JsonSchemaExporterOptions SchemaExporterOptions = new()
    {
        TreatNullObliviousAsNonNullable = true,
    };

    /// <summary>Creates a serializer with <see cref="JsonSerializerDefaults.Web"/>.</summary>
    public SystemTextJsonRestateSerializer()
        : this(new JsonSerializerOptions(JsonSerializerDefaults.Web))
    {
    }

    /// <summary>
    /// Creates a serializer with a copy of <paramref name="options"/>; the copy is frozen so that
    /// type metadata is resolved once per type and cached.
    /// </summary>
    public SystemTextJsonRestateSerializer(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var copy = new JsonSerializerOptions(options);
        copy.MakeReadOnly(populateMissingResolver: true);
        Options = copy;
    }

    /// <summary>The frozen options this serializer uses.</summary>
    public JsonSerializerOptions Options { get; }

    /// <inheritdoc />
    public string ContentType => "application/json";

    /// <inheritdoc />
    public byte[] Serialize(object? value, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return JsonSerializer.SerializeToUtf8Bytes(value, Options.GetTypeInfo(type));
    }

    /// <inheritdoc />
    public object? Deserialize(ReadOnlySpan<byte> data, Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return JsonSerializer.Deserialize(data, Options.GetTypeInfo(type));
    }

    /// <inheritdoc />
    public byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, TypeInfo<T>());

    /// <inheritdoc />
    public T? Deserialize<T>(ReadOnlySpan<byte> data) => JsonSerializer.Deserialize(data, TypeInfo<T>());

    /// <summary>A self-contained JSON schema of <paramref name="type"/> as these options read and write it.</summary>
    public JsonNode GetJsonSchema(Type type) => JsonSchemaExporter.GetJsonSchemaAsNode(Options, type, SchemaExporterOptions);

    private JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
}
