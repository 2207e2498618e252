namespace SkAgentSession.Events;

/// <summary>Appends to and reads a session's event log from outside Restate (through the ingress).</summary>
public interface ISessionEventLogClient
{
    /// <summary>Stores a batch; a repeat with the same <paramref name="idempotencyKey"/> is stored once.</summary>
    /// <exception cref="SessionEventLogException">The log refused the batch or could not be reached.</exception>
    Task<AppendResult> AppendAsync(string sessionId, AppendEvents batch, string idempotencyKey, CancellationToken cancellationToken);

    /// <exception cref="SessionEventLogException">The log refused the read or could not be reached.</exception>
    Task<EventsRead> ReadAsync(string sessionId, ReadEvents request, CancellationToken cancellationToken);
}
