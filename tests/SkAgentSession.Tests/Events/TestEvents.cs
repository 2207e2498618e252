using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>Events for tests.</summary>
internal static class TestEvents
{
    public static TurnEvent Delta(string turnId, string text) =>
        new() { Type = TurnEventTypes.TextDelta, TurnId = turnId, Agent = "Triage Agent", Text = text };

    public static List<TurnEvent> Deltas(string turnId, int count, int from = 1) =>
        [.. Enumerable.Range(from, count).Select(i => Delta(turnId, "d" + i))];
}
