namespace Restate.Sdk.Serialization;

/// <summary>Turns handler inputs, outputs, state values and step results into bytes and back.</summary>
public interface IRestateSerializer
{
    /// <summary>The content type of what <see cref="Serialize"/> writes, e.g. <c>application/json</c>.</summary>
    string ContentType { get; }

    byte[] Serialize(object? value, Type type);

    object? Deserialize(ReadOnlySpan<byte> data, Type type);
}
