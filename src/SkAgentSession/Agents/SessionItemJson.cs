using System.Text.Encodings.Web;
using System.Text.Json;

namespace SkAgentSession.Agents;

/// <summary>
/// JSON settings for session items and agent contexts. The item types name their own properties,
/// so any System.Text.Json options read and write the same shape; these add web defaults
/// (camelCase for contexts) and keep non-ASCII text readable in the Restate UI.
/// </summary>
public static class SessionItemJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        AllowOutOfOrderMetadataProperties = true,
    };

    public static string Serialize(IReadOnlyList<SessionItem> items) =>
        JsonSerializer.Serialize(items, Options);

    public static IReadOnlyList<SessionItem> Deserialize(string json) =>
        JsonSerializer.Deserialize<List<SessionItem>>(json, Options)
        ?? throw new JsonException("Expected a JSON array of session items, got null.");
}
