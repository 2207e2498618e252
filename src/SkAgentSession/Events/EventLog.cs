namespace SkAgentSession.Events;

/// <summary>
/// A session's event log, laid out in state so that an append writes only what it adds: events are
/// numbered 1, 2, … and kept in pages of <see cref="PageSize"/> (page p holds ids p·N+1 … (p+1)·N),
/// with a small header holding the last id. An append rewrites the last page (and starts new ones);
/// a read loads only the pages it returns events from.
/// </summary>
public static class EventLog
{
    public const int PageSize = 256;

    /// <summary>
    /// Stores the events of one turn attempt after the log's last event, numbering them. The first
    /// batch of a new attempt of a turn that already has events is preceded by a
    /// <see cref="TurnEventTypes.TurnRetrying"/> event (attempt 2, 3, …); a batch of an attempt
    /// that was superseded by a later one is dropped.
    /// </summary>
    public static async Task<AppendResult> Append(
        IEventLogState state, string turnId, string attemptId, IReadOnlyList<TurnEvent> events)
    {
        var header = await state.GetHeader() ?? new EventLogHeader();
        if (events.Count == 0)
        {
            return new AppendResult(Stored: true, FirstId: header.LastId + 1, LastId: header.LastId);
        }

        var toStore = new List<TurnEvent>(events.Count + 1);
        List<string> attempts;
        if (header.TurnId != turnId)
        {
            attempts = [attemptId];
        }
        else if (!header.Attempts.Contains(attemptId))
        {
            attempts = [.. header.Attempts, attemptId];
            toStore.Add(new TurnEvent
            {
                Type = TurnEventTypes.TurnRetrying,
                TurnId = turnId,
                Agent = events[0].Agent,
                Attempt = attempts.Count,
            });
        }
        else if (header.Attempts[^1] != attemptId)
        {
            return new AppendResult(Stored: false, FirstId: header.LastId + 1, LastId: header.LastId);
        }
        else
        {
            attempts = [.. header.Attempts];
        }

        toStore.AddRange(events);
        var lastId = await WritePages(state, header.LastId, toStore);

        // Written after the pages, so a concurrent reader that sees the new last id finds its events.
        state.SetHeader(new EventLogHeader { LastId = lastId, TurnId = turnId, Attempts = attempts });
        return new AppendResult(Stored: true, FirstId: header.LastId + 1, LastId: lastId);
    }

    /// <summary>The events with an id greater than <paramref name="after"/>, at most <paramref name="limit"/>, and the last id.</summary>
    public static async Task<EventsRead> Read(IEventLogState state, long after, int limit)
    {
        var lastId = (await state.GetHeader())?.LastId ?? 0;
        var found = new List<TurnEvent>();
        var next = after + 1;
        var page = after / PageSize;
        while (found.Count < limit && next <= lastId)
        {
            foreach (var stored in await state.GetPage(page) ?? [])
            {
                if (stored.Id == next && found.Count < limit)
                {
                    found.Add(stored);
                    next++;
                }
            }

            // A page that does not reach its end (or the last id) is still being written: stop at what is there.
            if (next <= Math.Min(lastId, (page + 1) * PageSize))
            {
                break;
            }

            page++;
        }

        return new EventsRead(found, lastId);
    }

    /// <summary>The page that holds <paramref name="id"/> (ids start at 1).</summary>
    public static long PageOf(long id) => (id - 1) / PageSize;

    private static async Task<long> WritePages(IEventLogState state, long lastId, List<TurnEvent> events)
    {
        var page = PageOf(lastId + 1);
        var current = lastId % PageSize == 0
            ? new List<TurnEvent>()
            : new List<TurnEvent>(await state.GetPage(page) ?? []);
        foreach (var turnEvent in events)
        {
            current.Add(turnEvent with { Id = ++lastId });
            if (current.Count == PageSize)
            {
                state.SetPage(page++, current);
                current = [];
            }
        }

        if (current.Count > 0)
        {
            state.SetPage(page, current);
        }

        return lastId;
    }
}
