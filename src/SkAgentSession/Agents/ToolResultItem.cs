using System.Text.Json.Serialization;

namespace SkAgentSession.Agents;

/// <summary>What a tool returned to the model (or the error text the model was given instead).</summary>
public sealed record ToolResultItem : SessionItem
{
    [JsonPropertyName("role")]
    [JsonPropertyOrder(-3)]
    public override SessionItemRole Role
    {
        get => SessionItemRole.Tool;
        init { }
    }

    [JsonPropertyName("callId")]
    public required string CallId { get; init; }

    [JsonPropertyName("name")]
    public required string Name { get; init; }

    [JsonPropertyName("result")]
    public required string Result { get; init; }
}
