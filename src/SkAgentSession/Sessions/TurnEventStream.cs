using SkAgentSession.Events;

namespace SkAgentSession.Sessions;

/// <summary>Where a turn's step streams its events: the session, the turn, and the sinks that store them.</summary>
internal sealed record TurnEventStream(string SessionId, string TurnId, ITurnEventSinkFactory Sinks, ILogger Logger)
{
    public void OnFlushFailed(Exception failure) =>
        Logger.LogWarning(failure, "Not every event of turn {TurnId} of session {SessionId} was stored", TurnId, SessionId);
}
