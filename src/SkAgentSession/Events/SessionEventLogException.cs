namespace SkAgentSession.Events;

/// <summary>
/// A call to the event log failed. <see cref="IsTransient"/> says whether a repeat may succeed
/// (Restate unreachable or busy) or not (the log refused the input).
/// </summary>
public sealed class SessionEventLogException(string message, int status, bool isTransient, Exception? inner = null)
    : Exception(message, inner)
{
    /// <summary>The HTTP status the ingress answered, or 503 when it could not be reached.</summary>
    public int Status { get; } = status;

    public bool IsTransient { get; } = isTransient;
}
