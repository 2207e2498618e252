using System.Text.Json;
using Restate.Sdk.Serialization;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>A test-only JSON serializer (web defaults), standing in for the endpoint's default one.</summary>
internal sealed class TestJsonSerializer : IRestateSerializer
{
    public static TestJsonSerializer Instance { get; } = new();

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string ContentType => "application/json";

    public byte[] Serialize(object? value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Options);

    public object? Deserialize(ReadOnlySpan<byte> data, Type type) => JsonSerializer.Deserialize(data, type, Options);

    public static byte[] Json<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);
}
