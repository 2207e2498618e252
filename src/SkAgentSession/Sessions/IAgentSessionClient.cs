using SkAgentSession.Agents.Loop;
using SkAgentSession.Approvals;
using SkAgentSession.Settings;

namespace SkAgentSession.Sessions;

/// <summary>Talks to the <c>AgentSession</c> virtual objects from outside Restate.</summary>
public interface IAgentSessionClient
{
    /// <summary>Runs a turn: its reply, or what it waits for when it waits for an approval.</summary>
    Task<SessionCallResult<MessageOutcome>> SendMessageAsync(string sessionId, string message, string? idempotencyKey, CancellationToken cancellationToken);

    Task<SessionCallResult<SessionSettings>> GetSettingsAsync(string sessionId, CancellationToken cancellationToken);

    Task<SessionCallResult<SessionSettings>> UpdateSettingsAsync(string sessionId, SessionSettingsUpdate update, CancellationToken cancellationToken);

    /// <summary>Gives the decision the session's waiting turn needs; 404 when no such request waits, 409 when it was decided already.</summary>
    Task<SessionCallResult<ApprovalResolution>> ResolveApprovalAsync(string sessionId, string callId, ApprovalDecision decision, CancellationToken cancellationToken);

    Task<SessionCallResult<SessionHistory>> GetHistoryAsync(string sessionId, CancellationToken cancellationToken);

    Task<SessionCallResult<bool>> ResetAsync(string sessionId, CancellationToken cancellationToken);

    Task<SessionCallResult<IReadOnlyList<SessionSummary>>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Stops the turn the session is running; a 409 problem when none is.</summary>
    Task<SessionCallResult<TurnCancellation>> CancelTurnAsync(string sessionId, CancellationToken cancellationToken);
}
