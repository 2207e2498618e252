using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkAgentSession.Agents;

/// <summary>The model asked to run a tool.</summary>
public sealed record ToolCallItem : SessionItem
{
    [JsonPropertyName("role")]
    [JsonPropertyOrder(-3)]
    public override SessionItemRole Role
    {
        get => SessionItemRole.Assistant;
        init { }
    }

    [JsonPropertyName("callId")]
    public required string CallId { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    /// <summary>
    /// The arguments the model sent: a JSON object, or a JSON string holding the raw text when the
    /// model sent something that is not a JSON object. Kept verbatim (spacing and escapes as the
    /// model wrote them).
    /// </summary>
    [JsonPropertyName("arguments")]
    [JsonConverter(typeof(VerbatimJsonConverter))]
    public required JsonElement Arguments { get; init; }
}
