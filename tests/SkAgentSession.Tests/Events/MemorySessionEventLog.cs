using System.Collections.Concurrent;
using SkAgentSession.Events;

namespace SkAgentSession.Tests.Events;

/// <summary>
/// Stands in for the event log behind the ingress: the real <see cref="EventLog"/> on in-memory
/// state per session, appends one at a time, a repeated idempotency key answered with the first
/// result. A test can make the next appends fail.
/// </summary>
internal sealed class MemorySessionEventLog : ISessionEventLogClient, IDisposable
{
    private readonly SemaphoreSlim _appendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, MemoryEventLogState> _sessions = new();
    private readonly ConcurrentDictionary<string, AppendResult> _byIdempotencyKey = new();

    public ConcurrentQueue<(string SessionId, string Key, AppendEvents Batch)> Appends { get; } = new();

    /// <summary>How many of the next appends fail; each failure is made by <see cref="FailWith"/>.</summary>
    public int FailNextAppends { get; set; }

    public Func<Exception> FailWith { get; set; } = () => new SessionEventLogException("Restate is down", 503, isTransient: true);

    /// <summary>Appends fail after storing the batch (an answer lost on the way back).</summary>
    public bool FailAfterStoring { get; set; }

    public MemoryEventLogState State(string sessionId) => _sessions.GetOrAdd(sessionId, _ => new MemoryEventLogState());

    public async Task<AppendResult> AppendAsync(string sessionId, AppendEvents batch, string idempotencyKey, CancellationToken cancellationToken)
    {
        await _appendLock.WaitAsync(cancellationToken);
        try
        {
            Appends.Enqueue((sessionId, idempotencyKey, batch));
            if (FailNextAppends > 0 && !FailAfterStoring)
            {
                FailNextAppends--;
                throw FailWith();
            }

            var dedupKey = sessionId + "/" + idempotencyKey;
            if (!_byIdempotencyKey.TryGetValue(dedupKey, out var result))
            {
                result = await EventLog.Append(State(sessionId), batch.TurnId!, batch.AttemptId!, batch.Events!, batch.Step, batch.TextBefore);
                _byIdempotencyKey[dedupKey] = result;
            }

            if (FailNextAppends > 0)
            {
                FailNextAppends--;
                throw FailWith();
            }

            return result;
        }
        finally
        {
            _appendLock.Release();
        }
    }

    /// <summary>Reads fail while set (Restate unreachable).</summary>
    public bool FailReads { get; set; }

    public ConcurrentQueue<string> ReadSessions { get; } = new();

    public async Task<EventsRead> ReadAsync(string sessionId, ReadEvents request, CancellationToken cancellationToken)
    {
        ReadSessions.Enqueue(sessionId);
        if (FailReads)
        {
            throw new SessionEventLogException("The Restate ingress could not be reached", 503, isTransient: true);
        }

        return await EventLog.Read(State(sessionId), request.After, request.Limit ?? SessionEventRules.DefaultReadLimit);
    }

    public void Dispose() => _appendLock.Dispose();

    /// <summary>Appends one batch directly (as another replica would: this process is not told).</summary>
    public Task<AppendResult> AppendDirectlyAsync(string sessionId, string turnId, params string[] texts) =>
        AppendAsync(
            sessionId,
            new AppendEvents { TurnId = turnId, AttemptId = "a1", Events = [.. texts.Select(t => TestEvents.Delta(turnId, t))] },
            Guid.NewGuid().ToString(),
            CancellationToken.None);
}
