using System.Text.Json;
using SkAgentSession.Agents;
using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>
/// The state entries of one event log in memory, stored as JSON like Restate stores them, with a
/// record of which entries were read and written.
/// </summary>
internal sealed class MemoryEventLogState : IEventLogState
{
    public Dictionary<string, string> Entries { get; } = [];

    public List<string> Reads { get; } = [];

    public List<string> Writes { get; } = [];

    public ValueTask<EventLogHeader?> GetHeader() => ValueTask.FromResult(Get<EventLogHeader>(SessionEventsObject.HeaderKey));

    public ValueTask<IReadOnlyList<TurnEvent>?> GetPage(long page) =>
        ValueTask.FromResult<IReadOnlyList<TurnEvent>?>(Get<List<TurnEvent>>(SessionEventsObject.PageKey(page)));

    public void SetHeader(EventLogHeader header) => Set(SessionEventsObject.HeaderKey, header);

    public void SetPage(long page, IReadOnlyList<TurnEvent> events) => Set(SessionEventsObject.PageKey(page), events);

    public List<TurnEvent> Page(long page) => Get<List<TurnEvent>>(SessionEventsObject.PageKey(page)) ?? [];

    private T? Get<T>(string key)
    {
        Reads.Add(key);
        return Entries.TryGetValue(key, out var json) ? JsonSerializer.Deserialize<T>(json, SessionItemJson.Options) : default;
    }

    private void Set<T>(string key, T value)
    {
        Writes.Add(key);
        Entries[key] = JsonSerializer.Serialize(value, SessionItemJson.Options);
    }
}
