namespace Restate.Sdk.Serialization;

/// <summary>Turns handler inputs, outputs, state values and step results into bytes and back.</summary>
public interface IRestateSerializer
{
    /// <summary>The content type of what <see cref="Serialize"/> writes, e.g. <c>application/json</c>.</summary>
    string ContentType { get; }

    /// <summary>Writes <paramref name="value"/> as <paramref name="type"/>.</summary>
    byte[] Serialize(object? value, Type type);

    /// <summary>Reads a value of <paramref name="type"/> from <paramref name="data"/>.</summary>
    object? Deserialize(ReadOnlySpan<byte> data, Type type);

    /// <summary>
    /// Typed form of <see cref="Serialize(object?, Type)"/>. Implementations may override it to
    /// avoid boxing value types; the default forwards to the untyped form.
    /// </summary>
    byte[] Serialize<T>(T value) => Serialize(value, typeof(T));

    /// <summary>Typed form of <see cref="Deserialize(ReadOnlySpan{byte}, Type)"/>.</summary>
    T? Deserialize<T>(ReadOnlySpan<byte> data) => (T?)Deserialize(data, typeof(T));
}
