using Microsoft.Extensions.Options;

namespace SkAgentSession.Events;

/// <summary>Makes <see cref="IngressTurnEventSink"/>s that store through the Restate ingress.</summary>
public sealed class IngressTurnEventSinkFactory(
    ISessionEventLogClient log,
    SessionEventSignal signal,
    IOptions<SessionEventsOptions> options,
    ILogger<IngressTurnEventSink> logger) : ITurnEventSinkFactory
{
    // A fresh id per attempt is the point: the log tells a retried attempt by it.
    public IngressTurnEventSink Create(string sessionId, string turnId, int step = 1, string? textBefore = null) =>
        new(sessionId, turnId, Guid.NewGuid().ToString("N"), step, textBefore, log, signal, options.Value, logger);
}
