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

    /// <summary>The bytes of the JSON values written (keys not counted).</summary>
    public long BytesWritten { get; set; }

    public ValueTask<EventLogHeader?> GetHeader() => ValueTask.FromResult(Get<EventLogHeader>(SessionEventsObject.HeaderKey));

    public void SetHeader(EventLogHeader header) => Set(SessionEventsObject.HeaderKey, header);

    public ValueTask<IReadOnlyList<TurnEvent>?> GetBatch(long firstId) =>
        ValueTask.FromResult<IReadOnlyList<TurnEvent>?>(Batch(firstId));

    public void SetBatch(long firstId, IReadOnlyList<TurnEvent> events) => Set(SessionEventsObject.BatchKey(firstId), events);

    public ValueTask<IReadOnlyList<long>?> GetIndex(long range) =>
        ValueTask.FromResult<IReadOnlyList<long>?>(Get<List<long>>(SessionEventsObject.IndexKey(range)));

    public void SetIndex(long range, IReadOnlyList<long> batchFirstIds) => Set(SessionEventsObject.IndexKey(range), batchFirstIds);

    public ValueTask<IReadOnlyList<TurnEvent>?> GetLegacyPage(long page) =>
        ValueTask.FromResult<IReadOnlyList<TurnEvent>?>(Get<List<TurnEvent>>(SessionEventsObject.LegacyPageKey(page)));

    public List<TurnEvent>? Batch(long firstId) => Get<List<TurnEvent>>(SessionEventsObject.BatchKey(firstId));

    /// <summary>Writes a page of the layout from before batches, as such a log holds it.</summary>
    public void SetLegacyPage(long page, IReadOnlyList<TurnEvent> events) => Set(SessionEventsObject.LegacyPageKey(page), events);

    private T? Get<T>(string key)
    {
        Reads.Add(key);
        return Entries.TryGetValue(key, out var json) ? JsonSerializer.Deserialize<T>(json, SessionItemJson.Options) : default;
    }

    private void Set<T>(string key, T value)
    {
        Writes.Add(key);
        Entries[key] = JsonSerializer.Serialize(value, SessionItemJson.Options);
        BytesWritten += System.Text.Encoding.UTF8.GetByteCount(Entries[key]);
    }
}
