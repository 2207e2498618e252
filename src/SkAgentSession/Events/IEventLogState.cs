namespace SkAgentSession.Events;

/// <summary>The state entries an <see cref="EventLog"/> lives in: the header and numbered pages.</summary>
public interface IEventLogState
{
    ValueTask<EventLogHeader?> GetHeader();

    ValueTask<IReadOnlyList<TurnEvent>?> GetPage(long page);

    void SetHeader(EventLogHeader header);

    void SetPage(long page, IReadOnlyList<TurnEvent> events);
}
