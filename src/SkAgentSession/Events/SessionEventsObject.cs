using Restate.Sdk;
using SkAgentSession.Sessions;

namespace SkAgentSession.Events;

/// <summary>
/// The durable event log of one session, as a Restate virtual object keyed by session id. Appends
/// are exclusive, so ids are assigned one batch at a time; reads are shared and run beside them.
/// State: <c>events.header</c> (the last id and the latest turn's attempts), one
/// <c>events.batch.N</c> per append (its events, from id N), and <c>events.index.R</c> (the batches
/// of each range of 256 ids); logs from before batches also keep pages <c>events.0</c>, <c>events.1</c>, ….
/// </summary>
[VirtualObject(Name = Name)]
public sealed class SessionEventsObject
{
    public const string Name = "SessionEvents";

    public const string HeaderKey = "events.header";

    public static string BatchKey(long firstId) => "events.batch." + Number(firstId);

    public static string IndexKey(long range) => "events.index." + Number(range);

    public static string LegacyPageKey(long page) => "events." + Number(page);

    private static string Number(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stores a batch of one turn attempt's events after the last one, with the next ids.</summary>
    [Handler]
    public Task<AppendResult> Append(IObjectContext ctx, AppendEvents request)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        RejectIfInvalid(SessionEventRules.CheckAppend(request));
        return EventLog.Append(new ContextState(ctx), request.TurnId!, request.AttemptId, request.Events!, request.Step, request.TextBefore);
    }

    /// <summary>The events after a position, oldest first, and the last id.</summary>
    /// <summary>Deletes the log (when its session is deleted).</summary>
    [Handler]
    public Task Clear(IObjectContext ctx)
    {
        ctx.ClearAll();
        return Task.CompletedTask;
    }

    [Handler]
    public Task<EventsRead> Read(ISharedObjectContext ctx, ReadEvents request)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        RejectIfInvalid(SessionEventRules.CheckRead(request));
        return EventLog.Read(new ContextState(ctx), request.After, request.Limit ?? SessionEventRules.DefaultReadLimit);
    }

    private static void RejectIfInvalid(string? error)
    {
        if (error is not null)
        {
            throw new TerminalException(error, 400);
        }
    }

    private sealed class ContextState(ISharedObjectContext ctx) : IEventLogState
    {
        public ValueTask<EventLogHeader?> GetHeader() => ctx.Get<EventLogHeader>(HeaderKey);

        public void SetHeader(EventLogHeader header) => Writable.Set(HeaderKey, header);

        public async ValueTask<IReadOnlyList<TurnEvent>?> GetBatch(long firstId) => await ctx.Get<List<TurnEvent>>(BatchKey(firstId));

        public void SetBatch(long firstId, IReadOnlyList<TurnEvent> events) => Writable.Set(BatchKey(firstId), events);

        public async ValueTask<IReadOnlyList<long>?> GetIndex(long range) => await ctx.Get<List<long>>(IndexKey(range));

        public void SetIndex(long range, IReadOnlyList<long> batchFirstIds) => Writable.Set(IndexKey(range), batchFirstIds);

        public async ValueTask<IReadOnlyList<TurnEvent>?> GetLegacyPage(long page) => await ctx.Get<List<TurnEvent>>(LegacyPageKey(page));

        private IObjectContext Writable =>
            ctx as IObjectContext ?? throw new InvalidOperationException("A shared handler cannot write the event log.");
    }
}
