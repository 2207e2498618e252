using System.Text.Json;

namespace SkAgentSession.BrowserTests.Support;

/// <summary>
/// Which stored items the chat UI draws as entries of their own, by their position in the history
/// (the <c>data-position</c> of an entry): all but a tool result whose call (or handoff) is drawn
/// with it. A tool result whose call is not loaded yet is drawn alone.
/// </summary>
internal static class TimelineEntries
{
    /// <summary>The positions of the entries drawn for the items from <paramref name="from"/> to the history's end.</summary>
    public static IReadOnlyList<int> ForItemsFrom(IReadOnlyList<JsonElement> items, int from)
    {
        var loaded = Enumerable.Range(from, items.Count - from).ToList();
        var callIds = loaded
            .Select(p => items[p])
            .Where(i => Type(i) is "tool_call" or "handoff" && i.TryGetProperty("callId", out _))
            .Select(i => i.GetProperty("callId").GetString())
            .ToHashSet();
        return loaded.Where(p => !(Type(items[p]) == "tool_result" && callIds.Contains(items[p].GetProperty("callId").GetString()))).ToList();
    }

    private static string? Type(JsonElement item) => item.GetProperty("type").GetString();
}
