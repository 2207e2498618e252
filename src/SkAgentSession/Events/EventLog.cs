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
    /// Stores events of a turn after the log's last event, numbering them. Events come from an attempt
    /// of the turn's durable step (<paramref name="attemptId"/>), or from the session handler itself
    /// (no attempt id: the turn's terminal event). The first batch of a new attempt of a turn that
    /// already has events is preceded by a <see cref="TurnEventTypes.TurnRetrying"/> event (attempt 2,
    /// 3, …) and loses its repeated <see cref="TurnEventTypes.TurnStarted"/>; a batch of an attempt that
    /// a later one superseded, and any batch after the turn's terminal event, is dropped. A turn may
    /// run in several steps (<paramref name="step"/>, 1, 2, …): attempts count per step, the first
    /// attempt of a later step is no retry, and a batch of an earlier step than the latest is dropped.
    /// A <c>turn.retrying</c> event carries the text the turn's earlier steps streamed
    /// (<paramref name="textBefore"/>): a client keeps that much of the turn's text.
    /// </summary>
    public static async Task<AppendResult> Append(
        IEventLogState state, string turnId, string? attemptId, IReadOnlyList<TurnEvent> events, int step = 1, string? textBefore = null)
    {
        var header = await state.GetHeader() ?? new EventLogHeader();
        var sameTurn = header.TurnId == turnId;
        step = Math.Max(step, 1);
        var headerStep = Math.Max(header.Step, 1);
        if (events.Count == 0 || (sameTurn && header.TurnEnded) || (sameTurn && attemptId is not null && step < headerStep))
        {
            return new AppendResult(Stored: events.Count == 0, FirstId: header.LastId + 1, LastId: header.LastId);
        }

        var toStore = new List<TurnEvent>(events.Count + 1);
        var incoming = events;
        var sameStep = sameTurn && (attemptId is null || step == headerStep);
        List<string> attempts = sameStep ? [.. header.Attempts] : [];
        if (attemptId is not null && !attempts.Contains(attemptId))
        {
            attempts.Add(attemptId);
            if (sameStep)
            {
                toStore.Add(new TurnEvent
                {
                    Type = TurnEventTypes.TurnRetrying,
                    TurnId = turnId,
                    Agent = events[0].Agent,
                    Attempt = attempts.Count,
                    Text = string.IsNullOrEmpty(textBefore) ? null : textBefore,
                });
                incoming = [.. events.Where(e => e.Type != TurnEventTypes.TurnStarted)];
            }
        }
        else if (attemptId is not null && attempts[^1] != attemptId)
        {
            return new AppendResult(Stored: false, FirstId: header.LastId + 1, LastId: header.LastId);
        }

        toStore.AddRange(incoming);
        var lastId = await WritePages(state, header.LastId, toStore);

        // Written after the pages, so a concurrent reader that sees the new last id finds its events.
        state.SetHeader(new EventLogHeader
        {
            LastId = lastId,
            TurnId = turnId,
            Step = attemptId is null ? header.Step : step,
            Attempts = attempts,
            TurnFirstId = sameTurn ? header.TurnFirstId : header.LastId + 1,
            TurnEnded = toStore.Any(e => TurnEventTypes.IsTerminal(e.Type)),
        });
        return new AppendResult(Stored: true, FirstId: header.LastId + 1, LastId: lastId, AsSent: toStore.Count == events.Count && ReferenceEquals(incoming, events));
    }

    /// <summary>The events with an id greater than <paramref name="after"/>, at most <paramref name="limit"/>, and the last id.</summary>
    public static async Task<EventsRead> Read(IEventLogState state, long after, int limit)
    {
        var header = await state.GetHeader();
        var lastId = header?.LastId ?? 0;
        if (after == ReadEvents.FromLatestTurn)
        {
            after = Math.Max(0, (header?.TurnFirstId ?? 1) - 1);
        }

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

        return new EventsRead(found, lastId, after);
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
