using Restate.Sdk;
using SkAgentSession.Sessions;

namespace SkAgentSession.Events;

/// <summary>
/// The durable event log of one session, as a Restate virtual object keyed by session id. Appends
/// are exclusive, so ids are assigned one batch at a time; reads are shared and run beside them.
/// State: <c>events.header</c> (the last id and the latest turn's attempts) and pages
/// <c>events.0</c>, <c>events.1</c>, … of <see cref="EventLog.PageSize"/> events each.
/// </summary>
[VirtualObject(Name = Name)]
public sealed class SessionEventsObject
{
    public const string Name = "SessionEvents";

    public const string HeaderKey = "events.header";

    public static string PageKey(long page) => "events." + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Stores a batch of one turn attempt's events after the last one, with the next ids.</summary>
    [Handler]
    public Task<AppendResult> Append(IObjectContext ctx, AppendEvents request)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        RejectIfInvalid(SessionEventRules.CheckAppend(request));
        return EventLog.Append(new ContextState(ctx), request.TurnId!, request.AttemptId, request.Events!, request.Step, request.TextBefore);
    }

    /// <summary>The events after a position, oldest first, and the last id.</summary>
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

        public async ValueTask<IReadOnlyList<TurnEvent>?> GetPage(long page) => await ctx.Get<List<TurnEvent>>(PageKey(page));

        public void SetHeader(EventLogHeader header) => Writable.Set(HeaderKey, header);

        public void SetPage(long page, IReadOnlyList<TurnEvent> events) => Writable.Set(PageKey(page), events);

        private IObjectContext Writable =>
            ctx as IObjectContext ?? throw new InvalidOperationException("A shared handler cannot write the event log.");
    }
}
