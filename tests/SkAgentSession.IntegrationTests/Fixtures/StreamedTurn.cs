using System.Text.Json;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>What a client makes of the events of one turn, by the stream's rules.</summary>
internal static class StreamedTurn
{
    /// <summary>The turn's text as a client shows it: the deltas after the last <c>turn.retrying</c>, which drops earlier attempts' text.</summary>
    public static string Text(IReadOnlyList<(long Id, string Type, JsonElement Data)> events)
    {
        var lastRetry = Math.Max(0, events.ToList().FindLastIndex(e => e.Type == "turn.retrying"));
        return string.Concat(events.Skip(lastRetry).Where(e => e.Type == "text.delta").Select(e => e.Data.GetProperty("text").GetString()));
    }

    /// <summary>The events' ids follow one another: nothing missed, nothing repeated.</summary>
    public static void AssertConsecutive(IReadOnlyList<(long Id, string Type, JsonElement Data)> events) =>
        Assert.Equal(Enumerable.Range((int)events[0].Id, events.Count).Select(i => (long)i), events.Select(e => e.Id));
}
