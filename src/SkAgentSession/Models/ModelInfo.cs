using System.Text.Json.Serialization;

namespace SkAgentSession.Models;

/// <summary>What the API and UI say about the model in use (never the key or the endpoint).</summary>
public sealed record ModelInfo(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("isScripted")] bool IsScripted,
    [property: JsonPropertyName("label")] string Label)
{
    public const string ScriptedLabel = "Scripted demo model (not a real LLM)";
}
