namespace SkAgentSession.Events;

/// <summary>
/// The state entries an <see cref="EventLog"/> lives in: the header, the batches of events (each
/// under the id of its first event), the index of batches per range of ids, and the pages of the
/// earlier layout that logs written before batches still hold.
/// </summary>
public interface IEventLogState
{
    ValueTask<EventLogHeader?> GetHeader();

    void SetHeader(EventLogHeader header);

    ValueTask<IReadOnlyList<TurnEvent>?> GetBatch(long firstId);

    void SetBatch(long firstId, IReadOnlyList<TurnEvent> events);

    /// <summary>The first ids of the batches that hold an id of range <paramref name="range"/>, ascending.</summary>
    ValueTask<IReadOnlyList<long>?> GetIndex(long range);

    void SetIndex(long range, IReadOnlyList<long> batchFirstIds);

    /// <summary>A page of the earlier layout: ids p·256+1 … (p+1)·256, rewritten on every append.</summary>
    ValueTask<IReadOnlyList<TurnEvent>?> GetLegacyPage(long page);
}
