using System.Text.Json.Serialization;

namespace SkAgentSession.Agents;

/// <summary>
/// How a turn ended when it did not end with a reply: stopped by the user (<c>cancelled</c>) or given
/// up (<c>failed</c>, with what went wrong, secrets redacted). It is part of the history a person
/// reads; the model never sees it.
/// </summary>
public sealed record TurnStatusItem : SessionItem
{
    public const string Cancelled = "cancelled";
    public const string Failed = "failed";

    [JsonPropertyName("role")]
    [JsonPropertyOrder(-3)]
    public override SessionItemRole Role
    {
        get => SessionItemRole.Assistant;
        init { }
    }

    /// <summary><see cref="Cancelled"/> or <see cref="Failed"/>.</summary>
    [JsonPropertyName("status")]
    public required string Status { get; init; }

    [JsonPropertyName("error")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Error { get; init; }

    public static TurnStatusItem ForCancelled(string agent, DateTimeOffset timestamp) =>
        new() { Agent = agent, Status = Cancelled, Timestamp = timestamp };

    public static TurnStatusItem ForFailed(string agent, string error, DateTimeOffset timestamp) =>
        new() { Agent = agent, Status = Failed, Error = error, Timestamp = timestamp };
}
