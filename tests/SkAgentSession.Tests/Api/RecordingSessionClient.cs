using System.Collections.Concurrent;
using SkAgentSession.Agents;
using SkAgentSession.Sessions;

namespace SkAgentSession.Tests.Api;

/// <summary>
/// Stands in for the Restate gateway behind the HTTP API: records every call and answers it with
/// success, so a test sees whether a request got through the API's input rules, and with what.
/// </summary>
internal sealed class RecordingSessionClient : IAgentSessionClient
{
    public ConcurrentQueue<string> Calls { get; } = new();

    public Task<SessionCallResult<ChatReply>> SendMessageAsync(string sessionId, string message, string? idempotencyKey, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"send {sessionId} key={idempotencyKey ?? "none"} message={message}");
        return Task.FromResult(SessionCallResult.Success(new ChatReply("ok", "Triage Agent", Array.Empty<SessionItem>())));
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
