using System.Collections.Concurrent;
using SkAgentSession.Agents;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Approvals;
using SkAgentSession.Sessions;
using SkAgentSession.Settings;

namespace SkAgentSession.Tests.Api;

/// <summary>
/// Stands in for the Restate gateway behind the HTTP API: records every call and answers it with
/// success, so a test sees whether a request got through the API's input rules, and with what.
/// </summary>
internal sealed class RecordingSessionClient : IAgentSessionClient
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task<SessionCallResult<MessageOutcome>> SendMessageAsync(string sessionId, string message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"send {sessionId} key={idempotencyKey ?? "none"} message={message}");
        return Task.FromResult(SessionCallResult.Success(MessageOutcome.Replied(new ChatReply("ok", "Triage Agent", Array.Empty<SessionItem>()))));
    }

    public Task<SessionCallResult<SessionSettings>> GetSettingsAsync(string sessionId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"settings {sessionId}");
        return Task.FromResult(SessionCallResult.Success(new SessionSettings { Durability = DurabilityModes.Turn, Approvals = true }));
    }

    public Task<SessionCallResult<SessionSettings>> UpdateSettingsAsync(string sessionId, SessionSettingsUpdate update, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"update-settings {sessionId} durability={update.Durability ?? "same"} approvals={update.Approvals?.ToString() ?? "same"}");
        return Task.FromResult(SessionCallResult.Success(update.ApplyTo(new SessionSettings { Durability = DurabilityModes.Turn, Approvals = true })));
    }

    public Task<SessionCallResult<ApprovalResolution>> ResolveApprovalAsync(string sessionId, string callId, ApprovalDecision decision, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"decide {sessionId} {callId} approved={decision.Approved} comment={decision.Comment ?? "none"}");
        return Task.FromResult(SessionCallResult.Success(new ApprovalResolution(callId, decision.Status)));
    }

    public Task<SessionCallResult<SessionHistory>> GetHistoryAsync(string sessionId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"get {sessionId}");
        return Task.FromResult(SessionCallResult.Success(new SessionHistory(sessionId, "Triage Agent", Array.Empty<SessionItem>())));
    }

    public Task<SessionCallResult<bool>> ResetAsync(string sessionId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"reset {sessionId}");
        return Task.FromResult(SessionCallResult.Success(true));
    }

    public Task<SessionCallResult<IReadOnlyList<SessionSummary>>> ListAsync(CancellationToken cancellationToken)
    {
        Calls.Enqueue("list");
        return Task.FromResult(SessionCallResult.Success<IReadOnlyList<SessionSummary>>([]));
    }

    public Task<SessionCallResult<TurnCancellation>> CancelTurnAsync(string sessionId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"cancel {sessionId}");
        return Task.FromResult(SessionCallResult.Success(new TurnCancellation("inv_test", "cancelling")));
    }
}
