using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>What the client saw of one message: how often it was sent, when and how it was answered.</summary>
internal sealed record TurnRecord(
    string SessionId,
    ScriptedMessage Message,
    int Attempts,
    DateTimeOffset FirstSentAt,
    DateTimeOffset? AcknowledgedAt,
    TurnOutcome Outcome,
    string? Reply,
    JsonElement? Items,
    string? LastError)
{
    public TimeSpan? Latency => AcknowledgedAt - FirstSentAt;
}
