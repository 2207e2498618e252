using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkAgentSession.Agents;

/// <summary>
/// Writes a <see cref="JsonElement"/> byte for byte as it was parsed (System.Text.Json would
/// re-escape strings and drop the original spacing), so tool-call arguments stored in state are
/// the exact text the model produced and a rebuilt history sends the model that same text.
/// </summary>
internal sealed class VerbatimJsonConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteRawValue(value.GetRawText());
    }
}
