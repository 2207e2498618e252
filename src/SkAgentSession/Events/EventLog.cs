namespace SkAgentSession.Events;

/// <summary>
/// A session's event log: events numbered 1, 2, … in order, with the rules that keep a turn's events
/// consistent across retried attempts and steps. Where they are stored is <see cref="EventLogStorage"/>'s
/// concern: an append writes only what it adds, and a read loads only what it returns.
/// </summary>
public static class EventLog
{
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
        var lastId = await EventLogStorage.WriteAsync(state, header.LastId, toStore);

        // Written after the events, so a concurrent reader that sees the new last id finds them.
        state.SetHeader(new EventLogHeader
        {
            BatchesFrom = header.BatchesFrom == 0 ? header.LastId + 1 : header.BatchesFrom,
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

        var found = header is null ? [] : await EventLogStorage.ReadAsync(state, header, after, limit);
        return new EventsRead(found, lastId, after);
    }
}
