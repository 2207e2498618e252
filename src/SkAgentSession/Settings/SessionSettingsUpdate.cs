using System.Text.Json.Serialization;

namespace SkAgentSession.Settings;

/// <summary>A change of a session's settings; a missing field keeps its value.</summary>
public sealed record SessionSettingsUpdate
{
    [JsonPropertyName("durability")]
    public string? Durability { get; init; }

    [JsonPropertyName("approvals")]
    public bool? Approvals { get; init; }

    /// <summary>Why the update cannot be applied, or null.</summary>
    public string? Check() =>
        Durability is null || DurabilityModes.IsKnown(Durability)
            ? null
            : $"'durability' must be \"{DurabilityModes.Turn}\" or \"{DurabilityModes.Step}\", not \"{Durability}\".";

    public SessionSettings ApplyTo(SessionSettings settings) => settings with
    {
        Durability = Durability ?? settings.Durability,
        Approvals = Approvals ?? settings.Approvals,
    };
}
