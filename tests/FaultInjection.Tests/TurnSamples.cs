using System.Text.Json;

namespace SkAgentSession.FaultInjection.Tests;

/// <summary>Builds turns as the client records them and histories as the API returns them.</summary>
internal static class TurnSamples
{
    public static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A FAQ turn: user message, handoff, tool call, tool result, reply, one second apart from <paramref name="at"/>.</summary>
    public static JsonElement[] FaqTurnItems(string message, string reply, DateTimeOffset at) =>
    [
        Item(new { type = "message", role = "user", agent = "Triage Agent", content = message, timestamp = at }),
        Item(new { type = "handoff", role = "assistant", agent = "Triage Agent", from = "Triage Agent", to = "FAQ Agent", callId = "call_1", timestamp = at.AddSeconds(1) }),
        Item(new { type = "tool_call", role = "assistant", agent = "FAQ Agent", callId = "call_2", name = "faq_lookup", arguments = new { question = message }, timestamp = at.AddSeconds(2) }),
        Item(new { type = "tool_result", role = "tool", agent = "FAQ Agent", callId = "call_2", name = "faq_lookup", result = reply, timestamp = at.AddSeconds(2) }),
        Item(new { type = "message", role = "assistant", agent = "FAQ Agent", content = reply, timestamp = at.AddSeconds(3) }),
    ];

    public static TurnRecord Acknowledged(string sessionId, int turn, JsonElement[] items) =>
        new(
            sessionId,
            new ScriptedMessage(turn, items[0].GetProperty("content").GetString()!, $"{sessionId}-m{turn + 1}"),
            1,
            Start,
            Start.AddSeconds(10),
            TurnOutcome.Acknowledged,
            items[^1].GetProperty("content").GetString(),
            Item(items),
            null);

    public static JsonElement History(string sessionId, IEnumerable<JsonElement> items) =>
        Item(new { sessionId, agent = "FAQ Agent", items });

    private static JsonElement Item(object value) => JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web);
}
