namespace SkAgentSession.Events;

/// <summary>How the session event streams and producers behave (configuration section <c>SkAgentSession:Events</c>).</summary>
public sealed class SessionEventsOptions
{
    public const string SectionName = "SkAgentSession:Events";

    /// <summary>How often an idle stream looks for events that another replica stored.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often an idle stream sends an SSE comment, so proxies and clients keep the connection.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The most events a producer sends in one append (at most <see cref="SessionEventRules.MaxEventsPerAppend"/>).</summary>
    public int MaxBatchSize { get; set; } = 64;

    /// <summary>The longest wait between a producer's retries of a failed append.</summary>
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromSeconds(2);
}
