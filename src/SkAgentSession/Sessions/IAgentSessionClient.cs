namespace SkAgentSession.Sessions;

/// <summary>Talks to the <c>AgentSession</c> virtual objects from outside Restate.</summary>
public interface IAgentSessionClient
{
    Task<SessionCallResult<ChatReply>> SendMessageAsync(string sessionId, string message, string? idempotencyKey, CancellationToken cancellationToken);

    Task<SessionCallResult<SessionHistory>> GetHistoryAsync(string sessionId, CancellationToken cancellationToken);

    Task<SessionCallResult<bool>> ResetAsync(string sessionId, CancellationToken cancellationToken);

    Task<SessionCallResult<IReadOnlyList<SessionSummary>>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stops the turn the session is running; a 409 problem when none is.</summary>
    Task<SessionCallResult<TurnCancellation>> CancelTurnAsync(string sessionId, CancellationToken cancellationToken);
}
