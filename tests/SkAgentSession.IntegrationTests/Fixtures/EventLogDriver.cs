using Microsoft.Extensions.Logging.Abstractions;
using Restate.Sdk.Clients;
using SkAgentSession.Events;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>
/// Emits events into a session's log from the test process, through the Restate ingress, as a turn
/// running on another replica would (the chat handler does not emit events yet).
/// </summary>
internal sealed class EventLogDriver(SessionEnvironment env) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = env.Restate.IngressUrl, Timeout = TimeSpan.FromSeconds(30) };

    public ISessionEventLogClient Log => new IngressSessionEventLogClient(new RestateIngressClient(_http));

    /// <summary>A sink of one turn attempt; like the app's factory, a new attempt id unless one is given.</summary>
    public IngressTurnEventSink NewSink(string sessionId, string turnId, string? attemptId = null) =>
        new(sessionId, turnId, attemptId ?? Guid.NewGuid().ToString("N"), 1, null, Log, new SessionEventSignal(), new SessionEventsOptions(), NullLogger.Instance);

    /// <summary>
    /// Emits text deltas <c>{prefix}{from}</c> … through one sink (one turn attempt) and waits until
    /// they are stored. A second call for the same turn is a new attempt, unless it names the same
    /// attempt id (then its batch numbers, and so its idempotency keys, would repeat the first's).
    /// </summary>
    public async Task EmitAsync(string sessionId, string turnId, int count, int from = 1, string? attemptId = null, string prefix = "d")
    {
        await using var sink = NewSink(sessionId, turnId, attemptId);
        for (var i = from; i < from + count; i++)
        {
            sink.Emit(Delta(turnId, prefix + i));
        }

        await sink.FlushAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));
    }

    public static TurnEvent Delta(string turnId, string text) =>
        new() { Type = TurnEventTypes.TextDelta, TurnId = turnId, Agent = "Triage Agent", Text = text };

    public void Dispose() => _http.Dispose();
}
