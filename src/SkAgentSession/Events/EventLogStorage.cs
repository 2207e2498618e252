namespace SkAgentSession.Events;

/// <summary>
/// Where a log's events are in state. An append stores its events as one batch under the id of its
/// first event (<c>events.batch.N</c>) and adds that id to the index of each range of
/// <see cref="RangeSize"/> ids the batch touches (<c>events.index.R</c>, a short list of numbers), so
/// it writes what it adds and little more, however long the log. A read finds the batch holding an
/// id through its range's index. Logs written before batches keep their older events in pages of
/// 256 (<c>events.P</c>), read as before; their later events go to batches.
/// </summary>
internal static class EventLogStorage
{
    public const int RangeSize = 256;

    public static long RangeOf(long id) => (id - 1) / RangeSize;

    /// <summary>Stores <paramref name="events"/> with the ids after <paramref name="lastId"/>; returns the new last id.</summary>
    public static async Task<long> WriteAsync(IEventLogState state, long lastId, IReadOnlyList<TurnEvent> events)
    {
        var firstId = lastId + 1;
        var batch = new List<TurnEvent>(events.Count);
        foreach (var turnEvent in events)
        {
            batch.Add(turnEvent with { Id = ++lastId });
        }

        state.SetBatch(firstId, batch);
        for (var range = RangeOf(firstId); range <= RangeOf(lastId); range++)
        {
            // A range's first batch may start in it: nothing of the range is indexed yet then.
            var startsRange = range == RangeOf(firstId) && (firstId - 1) % RangeSize == 0;
            var index = startsRange || range > RangeOf(firstId) ? [] : await state.GetIndex(range) ?? [];
            state.SetIndex(range, [.. index, firstId]);
        }

        return lastId;
    }

    /// <summary>Up to <paramref name="limit"/> events after <paramref name="after"/>, in id order, as far as they are stored.</summary>
    public static async Task<List<TurnEvent>> ReadAsync(IEventLogState state, EventLogHeader header, long after, int limit)
    {
        var found = new List<TurnEvent>();
        var next = after + 1;
        while (found.Count < limit && next <= header.LastId)
        {
            var stored = header.BatchesFrom == 0 || next < header.BatchesFrom
                ? await ReadLegacyPageAsync(state, next)
                : await ReadBatchAsync(state, next);
            var before = found.Count;
            foreach (var turnEvent in stored)
            {
                if (turnEvent.Id == next && found.Count < limit)
                {
                    found.Add(turnEvent);
                    next++;
                }
            }

            // Nothing found: the header is ahead of what this reader sees stored (an append in progress).
            if (found.Count == before)
            {
                break;
            }
        }

        return found;
    }

    private static async Task<IReadOnlyList<TurnEvent>> ReadBatchAsync(IEventLogState state, long id)
    {
        var index = await state.GetIndex(RangeOf(id)) ?? [];
        var firstId = index.LastOrDefault(start => start <= id);
        return firstId == 0 ? [] : await state.GetBatch(firstId) ?? [];
    }

    private static async Task<IReadOnlyList<TurnEvent>> ReadLegacyPageAsync(IEventLogState state, long id) =>
        await state.GetLegacyPage((id - 1) / 256) ?? [];
}
